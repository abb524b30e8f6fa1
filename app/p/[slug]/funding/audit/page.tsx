import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuditDownloads, AuditEntries, AuditFilterForm, AuditPages, type AuditFilter } from "@/components/funding/audit-sections";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { auditFilterInput, readAuditFilter } from "@/server/pages/audit-filter";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const query = await searchParams;
  const filter: AuditFilter = readAuditFilter(query);
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const api = await getApi();
  const log = await loadOr404(
    () =>
      api.funding.auditLog({
        partnershipSlug: slug,
        ...auditFilterInput(filter),
        page,
      }),
    { here: paths.fundingAuditFiltered(slug, { ...filter, page }) },
  );
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));

  return (
    <>
      <p className="mb-2">
        <Link href={paths.funding(slug)}>Back to funding</Link>
      </p>
      <PageHeader title="Audit log" lead="Every action on funds, rounds, awards and assessments: who took it and when. Nothing here can be edited." />
      <AuditFilterForm filter={filter} />
      <AuditDownloads slug={slug} filter={filter} />
      <AuditEntries log={log} />
      <AuditPages slug={slug} filter={filter} page={page} pages={pages} />
    </>
  );
}
