import { TRPCError } from "@trpc/server";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

/** The fund's awards as CSV for Excel, through the same API and policy as the screens. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; fundId: string }> }) {
  const { fundId } = await params;
  try {
    const api = await getApi();
    const csv = await api.funding.exportAwards({ fundId });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="awards-${fundId}-${date}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
