import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-styles";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const ACTIONS = [
  ["", "All actions"],
  ["fund", "Funds"],
  ["ringfence", "Ring-fences"],
  ["round", "Funding rounds"],
  ["award.granted", "Grants awarded"],
  ["award.pay", "Payments"],
  ["award.vary", "Variations"],
  ["award.return", "Returned underspend"],
  ["award.withdraw", "Withdrawals"],
  ["award.complete", "Completions"],
] as const;

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

function dateParam(value: string | string[] | undefined): Date | undefined {
  const text = typeof value === "string" ? value : undefined;
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  return new Date(text);
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const action = typeof query.action === "string" ? query.action.slice(0, 50) : "";
  const from = dateParam(query.from);
  const toDay = dateParam(query.to);
  const to = toDay ? new Date(toDay.getTime() + 24 * 3600 * 1000 - 1) : undefined;
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const api = await getApi();
  const log = await api.funding
    .auditLog({ partnershipSlug: slug, action: action || undefined, from, to, page })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
      throw error;
    });
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (action) params.set("action", action);
    if (typeof query.from === "string" && from) params.set("from", query.from);
    if (typeof query.to === "string" && toDay) params.set("to", query.to);
    params.set("page", String(p));
    return `/p/${slug}/funding/audit?${params.toString()}`;
  };

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/funding`}>Back to funding</Link>
      </p>
      <PageHeader title="Audit log" lead="Every money action, who took it and when. Nothing here can be edited." />
      <form method="get" className="mb-6 grid items-end gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor="audit-action" className="block font-semibold">Action</label>
          <select id="audit-action" name="action" defaultValue={action} className="mt-1 block w-full rounded-md border-2 border-slate-700 px-3 py-2">
            {ACTIONS.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block font-semibold">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={typeof query.from === "string" ? query.from : ""} className="mt-1 block w-full rounded-md border-2 border-slate-700 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="audit-to" className="block font-semibold">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={typeof query.to === "string" ? query.to : ""} className="mt-1 block w-full rounded-md border-2 border-slate-700 px-3 py-2" />
        </div>
        <button type="submit" className={buttonClass.primary}>Filter</button>
      </form>
      <p role="status">{log.total} {log.total === 1 ? "entry" : "entries"}</p>
      <ol className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
        {log.events.map((event) => (
          <li key={event.id} className="py-3">
            <p className="font-semibold">{event.summary}</p>
            <p className="text-sm text-slate-700">
              <time dateTime={event.createdAt.toISOString()}>{timeFormat.format(event.createdAt)}</time> · {event.actorName} · {event.action}
              {event.amountPence !== null ? ` · ${formatPence(event.amountPence)}` : ""}
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Audit log pages" className="mt-4 flex gap-4">
          {page > 1 ? <Link href={link(page - 1)}>Newer entries</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={link(page + 1)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
