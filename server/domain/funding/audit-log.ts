import type { Database } from "@/server/db/client";
import type { SpreadsheetTable } from "@/server/domain/exports/spreadsheet";
import { auditActionLabel } from "./labels";

/** The partnership's audit log: the page (a page of 50 at a time) and its downloads (every entry) read it alike. */

export type AuditFilter = { action?: string; from?: Date; to?: Date };

function auditWhere(partnershipId: string, filter: AuditFilter) {
  return {
    partnershipId,
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from && { gte: filter.from }), ...(filter.to && { lte: filter.to }) } } : {}),
  };
}

async function withActorNames<T extends { actorId: string }>(db: Database, events: T[]) {
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.actorId))] } },
    select: { id: true, name: true, email: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name ?? a.email]));
  return events.map((event) => ({ ...event, actorName: names.get(event.actorId) ?? "Unknown" }));
}

/** The partnership's audit log, newest first, filterable by action and date. */
export async function auditLog(db: Database, partnershipId: string, filter: AuditFilter & { page: number }) {
  const where = auditWhere(partnershipId, filter);
  const pageSize = 50;
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: (filter.page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page: filter.page, pageSize, events: await withActorNames(db, events) };
}

/** A download holds at most this many entries (years of a partnership's work); the filter narrows it. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** The audit log as the page words it (the same columns, actions and summaries), times in UK time, amounts in pounds. */
export async function auditLogTable(db: Database, partnershipId: string, filter: AuditFilter): Promise<SpreadsheetTable> {
  const events = await db.auditEvent.findMany({
    where: auditWhere(partnershipId, filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT,
  });
  return {
    sheetName: "Audit log",
    columns: [
      { header: "When", kind: "datetime" },
      { header: "Action", kind: "text" },
      { header: "What happened", kind: "text" },
      { header: "By", kind: "text" },
      { header: "Amount (£)", kind: "money" },
    ],
    rows: (await withActorNames(db, events)).map((event) => [
      event.createdAt,
      auditActionLabel(event.action),
      event.summary,
      event.actorName,
      event.amountPence,
    ]),
  };
}
