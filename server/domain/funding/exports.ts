import { toCsv } from "@/lib/csv";
import { penceToDecimalString } from "@/lib/money";
import { ukDay, ukTimeInput } from "@/lib/uk-time";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/errors";
import { awardState } from "./award-lifecycle";
import { AWARD_STATE_LABELS, LEDGER_COLUMN_LABELS, LEDGER_MOVEMENT_LABELS } from "./labels";

/** Exports for Excel (written by lib/csv.ts): amounts as plain numbers in pounds (1234.56), dates in ISO 8601. */
const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
/** Amounts as numbers (not text) so Excel can sum them. */
const pounds = (pence: number) => Number(penceToDecimalString(pence));

async function fundOf(db: Database, partnershipId: string, fundId: string) {
  const fund = await db.fund.findFirst({ where: { id: fundId, partnershipId }, select: { id: true, name: true } });
  if (!fund) throw notFound("That fund");
  return fund;
}

export async function awardsCsv(db: Database, partnershipId: string, fundId: string) {
  const fund = await fundOf(db, partnershipId, fundId);
  const awards = await db.award.findMany({
    where: { fundId: fund.id },
    orderBy: { createdAt: "asc" },
    include: { priorityArea: { select: { title: true } }, round: { select: { title: true } } },
  });
  return toCsv(
    ["Award id", "Awarded on", "Project", "Recipient", "Priority area", "Round", "Status", "Awarded (£)", "Paid (£)", "Left to pay (£)"],
    awards.map((award) => [
      award.id,
      isoDate(award.createdAt),
      award.projectName,
      award.recipientName,
      award.priorityArea?.title ?? null,
      award.round?.title ?? null,
      AWARD_STATE_LABELS[awardState(award)],
      pounds(award.awardedPence),
      pounds(award.paidPence),
      pounds(award.awardedPence - award.paidPence),
    ]),
  );
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

/** "2021-02-02 16:14", UK time: plain to read, and a date and time a spreadsheet recognises. */
const ukDateTimeCell = (instant: Date) => `${ukDay(instant)} ${ukTimeInput(instant)}`;

/** The ledger as the fund page shows it: the same columns and words, amounts as numbers in pounds. */
export async function ledgerCsv(db: Database, partnershipId: string, fundId: string) {
  const fund = await fundOf(db, partnershipId, fundId);
  const rows = await fundLedger(db, fund.id);
  const c = LEDGER_COLUMN_LABELS;
  return toCsv(
    [c.when, c.movement, c.project, c.recipient, c.committed, c.paid, c.reason, c.by],
    rows.map((row) => [
      ukDateTimeCell(row.at),
      row.movement,
      row.project,
      row.recipient,
      pounds(row.committedPence),
      pounds(row.paidPence),
      row.reason,
      row.by,
    ]),
  );
}
