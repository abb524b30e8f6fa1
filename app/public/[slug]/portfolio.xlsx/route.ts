import { ukDay } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { portfolioTable } from "@/server/domain/transparency/portfolio";
import { xlsxDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The public portfolio as an Excel workbook: from the same public answer as the page and the CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return xlsxDownload(async () => {
    const api = await getApi();
    const portfolio = await api.transparency.portfolio({ partnershipSlug: slug });
    return { filename: `portfolio-${slug}-${ukDay(portfolio.asOf)}.xlsx`, table: portfolioTable(portfolio) };
  });
}
