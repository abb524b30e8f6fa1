import { ukDay } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { portfolioCsv } from "@/server/domain/transparency/portfolio";
import { csvDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The public portfolio as CSV: built from the same public answer as the page, so it holds nothing more. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return csvDownload(async () => {
    const api = await getApi();
    const portfolio = await api.transparency.portfolio({ partnershipSlug: slug });
    return { filename: `portfolio-${slug}-${ukDay(portfolio.asOf)}.csv`, csv: portfolioCsv(portfolio) };
  });
}
