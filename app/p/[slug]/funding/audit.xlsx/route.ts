import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { auditFilterInput, readAuditFilter } from "@/server/pages/audit-filter";
import { xlsxDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The audit log as an Excel workbook: the same description, filter and policy as its CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const filter = auditFilterInput(readAuditFilter(new URL(request.url).searchParams));
  return xlsxDownload(async () => {
    const api = await getApi();
    return { filename: `audit-log-${slug}-${ukToday()}.xlsx`, table: await api.funding.exportAuditLogTable({ partnershipSlug: slug, ...filter }) };
  });
}
