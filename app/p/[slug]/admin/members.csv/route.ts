import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { tableToCsv } from "@/server/domain/exports/spreadsheet";
import { csvDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The partnership's members as CSV, for officers, through the same API and policy as the administration page. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return csvDownload(async () => {
    const api = await getApi();
    return { filename: `members-${slug}-${ukToday()}.csv`, csv: tableToCsv(await api.membership.exportTable({ partnershipSlug: slug })) };
  });
}
