import { toCsv } from "@/lib/csv";
import { penceToDecimalString } from "@/lib/money";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/errors";
import { awardState } from "./award-lifecycle";

/** Exports for Excel (written by lib/csv.ts): amounts as plain numbers in pounds (1234.56), dates in ISO 8601. */
const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const isoDateTime = (date: Date) => date.toISOString();
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
      awardState(award),
      pounds(award.awardedPence),
      pounds(award.paidPence),
      pounds(award.awardedPence - award.paidPence),
    ]),
  );
}

export async function ledgerCsv(db: Database, partnershipId: string, fundId: string) {
  const fund = await fundOf(db, partnershipId, fundId);
  const entries = await db.ledgerEntry.findMany({
    where: { fundId: fund.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { award: { select: { projectName: true, recipientName: true } } },
  });
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(entries.map((e) => e.actorId))] } },
    select: { id: true, name: true, email: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name ?? a.email]));
  return toCsv(
    ["Entry id", "When", "Movement", "Award id", "Project", "Recipient", "Committed change (£)", "Paid change (£)", "Reason", "By", "Idempotency key"],
    entries.map((entry) => [
      entry.id,
      isoDateTime(entry.createdAt),
      entry.kind,
      entry.awardId,
      entry.award?.projectName ?? null,
      entry.award?.recipientName ?? null,
      pounds(entry.committedDelta),
      pounds(entry.paidDelta),
      entry.reason,
      names.get(entry.actorId) ?? entry.actorId,
      entry.idempotencyKey,
    ]),
  );
}
