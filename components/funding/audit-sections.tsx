import { Link } from "@/components/ui/link";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { auditLog } from "@/server/domain/funding/audit-log";
import { AUDIT_ACTION_FILTERS, auditActionLabel } from "@/server/domain/funding/labels";

/** The audit log page's parts: its filter, the entries, and the pages of entries. */

export type AuditFilter = { action: string; from: string; to: string };
type AuditLog = Awaited<ReturnType<typeof auditLog>>;
type AuditEntry = AuditLog["events"][number];

export function AuditFilterForm({ filter }: { filter: AuditFilter }) {
  return (
    <form method="get" className="mb-6 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]" aria-label="Filter the audit log">
      <SelectField id="audit-action" label="Action" name="action" defaultValue={filter.action}>
        {AUDIT_ACTION_FILTERS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextField id="audit-from" label="From" name="from" type="date" defaultValue={filter.from} />
      <TextField id="audit-to" label="To" name="to" type="date" defaultValue={filter.to} />
      <Button type="submit" className="justify-self-start">
        Filter
      </Button>
    </form>
  );
}

export function AuditEntries({ log }: { log: AuditLog }) {
  return (
    <>
      <p role="status" className="mb-3 font-semibold">
        {log.total.toLocaleString("en-GB")} {log.total === 1 ? "entry" : "entries"}
      </p>
      <Table<AuditEntry>
        caption="Audit log entries, newest first"
        captionHidden
        rows={log.events}
        rowKey={(event) => event.id}
        empty={<p>Nothing matches this filter.</p>}
        columns={[
          {
            key: "when",
            header: "When",
            cell: (event) => <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, "short")}</time>,
          },
          { key: "action", header: "Action", rowHeader: true, cell: (event) => auditActionLabel(event.action) },
          { key: "summary", header: "What happened", cell: (event) => <div className="min-w-[14rem]">{event.summary}</div> },
          { key: "by", header: "By", cell: (event) => event.actorName },
          {
            key: "amount",
            header: "Amount",
            numeric: true,
            nowrap: true,
            cell: (event) => (event.amountPence === null ? "" : formatPence(event.amountPence)),
          },
        ]}
      />
    </>
  );
}

/** Every entry that matches the filter (not only this page of them), as CSV or as an Excel file. */
export function AuditDownloads({ slug, filter }: { slug: string; filter: AuditFilter }) {
  return (
    <p className="mb-6 flex flex-wrap gap-3">
      <ButtonAnchor href={paths.fundingAuditCsv(slug, filter)} variant="secondary" download>
        Download these entries (CSV)
      </ButtonAnchor>
      <ButtonAnchor href={paths.fundingAuditXlsx(slug, filter)} variant="secondary" download>
        Download these entries (Excel)
      </ButtonAnchor>
    </p>
  );
}

export function AuditPages({ slug, filter, page, pages }: { slug: string; filter: AuditFilter; page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = (to: number) => paths.fundingAuditFiltered(slug, { ...filter, page: to });
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
      {page > 1 ? <Link href={link(page - 1)}>Newer entries</Link> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={link(page + 1)}>Older entries</Link> : null}
    </nav>
  );
}
