import { TRPCError } from "@trpc/server";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

/** A reflection's answers as CSV, through the same API call (and checks) as everything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; surveyId: string }> }) {
  const { surveyId } = await params;
  try {
    const api = await getApi();
    const { filename, csv } = await api.reflection.exportCsv({ surveyId });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return new Response("Please sign in to download these answers.", { status: 401 });
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return new Response("Only the people who run this reflection can download its answers.", { status: 403 });
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
