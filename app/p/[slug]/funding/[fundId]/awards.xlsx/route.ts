import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { xlsxDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The fund's awards as an Excel workbook, through the same API and policy as the screens and the CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; fundId: string }> }) {
  const { fundId } = await params;
  return xlsxDownload(async () => {
    const api = await getApi();
    return { filename: `awards-${fundId}-${ukToday()}.xlsx`, table: await api.funding.exportAwardsTable({ fundId }) };
  });
}
