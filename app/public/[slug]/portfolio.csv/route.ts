import { TRPCError } from "@trpc/server";
import { ukDay } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { portfolioCsv } from "@/server/domain/transparency/portfolio";

export const dynamic = "force-dynamic";

/** The public portfolio as CSV: built from the same public answer as the page, so it holds nothing more. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const api = await getApi();
    const portfolio = await api.transparency.portfolio({ partnershipSlug: slug });
    const date = ukDay(portfolio.asOf);
    return new Response(portfolioCsv(portfolio), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="portfolio-${slug}-${date}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
