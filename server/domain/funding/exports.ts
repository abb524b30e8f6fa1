import type { Database } from "@/server/db/client";
import { notFound } from "@/server/errors";
import { tableToCsv, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";
import { awardState } from "./award-lifecycle";
import { AWARD_STATE_LABELS, LEDGER_COLUMN_LABELS, LEDGER_MOVEMENT_LABELS } from "./labels";

/** Exports for spreadsheets, described once (server/domain/exports/spreadsheet.ts) and written as CSV and .xlsx. */

async function fundOf(db: Database, partnershipId: string, fundId: string) {
  const fund = await db.fund.findFirst({ where: { id: fundId, partnershipId }, select: { id: true, name: true } });
  if (!fund) throw notFound("That fund");
  return fund;
}

/** The fund's awards, one row each, for the CSV and the Excel file alike. */
export async function awardsTable(db: Database, partnershipId: string, fundId: string): Promise<SpreadsheetTable> {
  const fund = await fundOf(db, partnershipId, fundId);
  const awards = await db.award.findMany({
    where: { fundId: fund.id },
    orderBy: { createdAt: "asc" },
    include: { priorityArea: { select: { title: true } }, round: { select: { title: true } } },
  });
  return {
    sheetName: "Awards",
    columns: [
      { header: "Award id", kind: "text" },
      { header: "Awarded on", kind: "date" },
      { header: "Project", kind: "text" },
      { header: "Recipient", kind: "text" },
      { header: "Priority area", kind: "text" },
      { header: "Round", kind: "text" },
      { header: "Status", kind: "text" },
      { header: "Awarded (£)", kind: "money" },
      { header: "Paid (£)", kind: "money" },
      { header: "Left to pay (£)", kind: "money" },
    ],
    rows: awards.map((award) => [
      award.id,
      award.createdAt,
      award.projectName,
      award.recipientName,
      award.priorityArea?.title ?? null,
      award.round?.title ?? null,
      AWARD_STATE_LABELS[awardState(award)],
      award.awardedPence,
      award.paidPence,
      award.awardedPence - award.paidPence,
    ]),
  };
}

export async function awardsCsv(db: Database, partnershipId: string, fundId: string) {
  return tableToCsv(await awardsTable(db, partnershipId, fundId));
}

/** The fund's ledger, oldest first, as the fund page and its CSV both show it. */
export async function fundLedger(db: Database, fundId: string) {
  const entries = await db.ledgerEntry.findMany({
    where: { fundId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { award: { select: { id: true, projectName: true, recipientName: true } } },
  });
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(entries.map((e) => e.actorId))] } },
    select: { id: true, name: true, email: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name ?? a.email]));
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.createdAt,
    movement: LEDGER_MOVEMENT_LABELS[entry.kind],
    awardId: entry.award?.id ?? null,
    project: entry.award?.projectName ?? null,
    recipient: entry.award?.recipientName ?? null,
    committedPence: entry.committedDelta,
    paidPence: entry.paidDelta,
    reason: entry.reason,
    by: names.get(entry.actorId) ?? "Someone no longer on Tandem",
  }));
}

export type LedgerRow = Awaited<ReturnType<typeof fundLedger>>[number];

/** The ledger as the fund page shows it: the same columns and words, amounts in pounds, times in UK time. */
export async function ledgerTable(db: Database, partnershipId: string, fundId: string): Promise<SpreadsheetTable> {
  const fund = await fundOf(db, partnershipId, fundId);
  const rows = await fundLedger(db, fund.id);
  const c = LEDGER_COLUMN_LABELS;
  return {
    sheetName: "Ledger",
    columns: [
      { header: c.when, kind: "datetime" },
      { header: c.movement, kind: "text" },
      { header: c.project, kind: "text" },
      { header: c.recipient, kind: "text" },
      { header: c.committed, kind: "money" },
      { header: c.paid, kind: "money" },
      { header: c.reason, kind: "text" },
      { header: c.by, kind: "text" },
    ],
    rows: rows.map((row) => [row.at, row.movement, row.project, row.recipient, row.committedPence, row.paidPence, row.reason, row.by]),
  };
}

export async function ledgerCsv(db: Database, partnershipId: string, fundId: string) {
  return tableToCsv(await ledgerTable(db, partnershipId, fundId));
}
