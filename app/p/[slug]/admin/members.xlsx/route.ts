import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { xlsxDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The partnership's members as an Excel workbook: the same description and policy as the CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return xlsxDownload(async () => {
    const api = await getApi();
    return { filename: `members-${slug}-${ukToday()}.xlsx`, table: await api.membership.exportTable({ partnershipSlug: slug }) };
  });
}
