import { TRPCError } from "@trpc/server";
import { getApi } from "@/server/api/server-caller";
import { openGrantsCsv } from "@/server/domain/transparency/open-grants";

export const dynamic = "force-dynamic";

/** The partnership's grants in the 360Giving spreadsheet layout, from the same answer as the JSON package. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const api = await getApi();
    const data = await api.transparency.openGrants({ partnershipSlug: slug });
    return new Response(openGrantsCsv(data), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="grants-${slug}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
