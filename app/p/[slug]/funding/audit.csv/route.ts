import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { tableToCsv } from "@/server/domain/exports/spreadsheet";
import { auditFilterInput, readAuditFilter } from "@/server/pages/audit-filter";
import { csvDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filter, through the same API and policy as the page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const filter = auditFilterInput(readAuditFilter(new URL(request.url).searchParams));
  return csvDownload(async () => {
    const api = await getApi();
    const table = await api.funding.exportAuditLogTable({ partnershipSlug: slug, ...filter });
    return { filename: `audit-log-${slug}-${ukToday()}.csv`, csv: tableToCsv(table) };
  });
}
