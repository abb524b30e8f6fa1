import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntries, AuditFilterForm, AuditPages, type AuditFilter } from "@/components/funding/audit-sections";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { endOfUkDay, ukDateTime } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { AUDIT_ACTION_FILTERS } from "@/server/domain/funding/labels";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
/** A day typed in the filter ("2026-03-12"), or "" when it is not a real day. */
const dayParam = (value: string | string[] | undefined) => (ukDateTime(text(value), "00:00") ? text(value) : "");

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const query = await searchParams;
  const action = text(query.action);
  const filter: AuditFilter = {
    action: AUDIT_ACTION_FILTERS.some(([value]) => value === action) ? action : "",
    from: dayParam(query.from),
    to: dayParam(query.to),
  };
  const page = Math.max(1, Number.parseInt(text(query.page) || "1", 10) || 1);
  const api = await getApi();
  const log = await loadOr404(
    () =>
      api.funding.auditLog({
        partnershipSlug: slug,
        action: filter.action || undefined,
        // Whole UK days: from the start of the first to the end of the last.
        from: filter.from ? (ukDateTime(filter.from, "00:00") ?? undefined) : undefined,
        to: filter.to ? endOfUkDay(filter.to) : undefined,
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
      <AuditEntries log={log} />
      <AuditPages slug={slug} filter={filter} page={page} pages={pages} />
    </>
  );
}
