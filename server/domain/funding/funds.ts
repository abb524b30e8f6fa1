import { pence } from "@/lib/money";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { explainMoneyRefusal } from "./money-errors";

export type CreateFundInput = {
  name: string;
  source: string;
  financialYear: string;
  totalPence: number;
  funderOrganisationId?: string | null;
};

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** The organisations a fund's money may come from: those taking part in the partnership, by name. */
export async function funderOptions(db: Database, partnershipId: string) {
  const links = await db.partnershipOrganisation.findMany({
    where: { partnershipId },
    orderBy: { organisation: { name: "asc" } },
    select: { organisation: { select: { id: true, name: true } } },
  });
  return links.map(({ organisation }) => organisation);
}

/** The funder named for a fund must take part in its partnership; returns its name. */
async function funderIn(tx: Tx | Database, partnershipId: string, organisationId: string) {
  const link = await tx.partnershipOrganisation.findUnique({
    where: { partnershipId_organisationId: { partnershipId, organisationId } },
    select: { organisation: { select: { name: true } } },
  });
  if (!link) {
    const message = "Choose one of the partnership's organisations, or the partnership itself.";
    throw new AppError("BAD_REQUEST", message, { funderOrganisationId: [message] });
  }
  return link.organisation.name;
}

/** A named, non-recurring pot of money held by the partnership. */
export async function createFund(db: Database, actor: Actor, partnershipId: string, input: CreateFundInput) {
  const totalPence = pence(input.totalPence);
  if (totalPence === 0) throw new AppError("BAD_REQUEST", "A fund must hold some money.", { totalPence: ["Enter an amount above £0"] });
  return db.$transaction(async (tx) => {
    const funderOrganisationId = input.funderOrganisationId ?? null;
    if (funderOrganisationId) await funderIn(tx, partnershipId, funderOrganisationId);
    const fund = await tx.fund.create({
      data: {
        partnershipId,
        name: input.name,
        source: input.source,
        financialYear: input.financialYear,
        totalPence,
        funderOrganisationId,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "fund.created",
      subjectType: "Fund",
      subjectId: fund.id,
      summary: `Created fund "${fund.name}"`,
      amountPence: totalPence,
    });
    return fund;
  });
}

/** Names the organisation whose money the fund is (named as its funder in open grants data), or the partnership itself. */
export async function setFundFunder(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { fundId: string; funderOrganisationId: string | null },
) {
  return db.$transaction(async (tx) => {
    const fund = await tx.fund.findFirst({
      where: { id: input.fundId, partnershipId },
      select: { id: true, name: true, funderOrganisationId: true, partnership: { select: { name: true } } },
    });
    if (!fund) throw notFound("That fund");
    const funderName = input.funderOrganisationId ? await funderIn(tx, partnershipId, input.funderOrganisationId) : fund.partnership.name;
    if (fund.funderOrganisationId === input.funderOrganisationId) return { id: fund.id, funderOrganisationId: fund.funderOrganisationId };
    const updated = await tx.fund.update({
      where: { id: fund.id },
      data: { funderOrganisationId: input.funderOrganisationId },
      select: { id: true, funderOrganisationId: true },
    });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "fund.funder_changed",
      subjectType: "Fund",
      subjectId: fund.id,
      summary: `Named ${funderName} as the funder of "${fund.name}"`,
    });
    return updated;
  });
}

/** Keeps part of a fund for one priority area. */
export async function addRingFence(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { fundId: string; priorityAreaId: string; limitPence: number },
) {
  const limitPence = pence(input.limitPence);
  const fund = await db.fund.findFirst({ where: { id: input.fundId, partnershipId }, select: { id: true, name: true } });
  if (!fund) throw notFound("That fund");
  const area = await db.priorityArea.findFirst({
    where: { id: input.priorityAreaId, partnershipId },
    select: { id: true, title: true },
  });
  if (!area) throw notFound("That priority area");
  // Awards already made from unfenced money cannot move into a ring-fence afterwards.
  const existingAwards = await db.award.count({ where: { fundId: fund.id, priorityAreaId: area.id } });
  if (existingAwards > 0) {
    throw new AppError("CONFLICT", `${area.title} already has awards from ${fund.name}, so it cannot be ring-fenced now.`);
  }
  try {
    return await db.$transaction(async (tx) => {
      const fence = await tx.ringFence.create({ data: { fundId: fund.id, priorityAreaId: area.id, limitPence } });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "ringfence.created",
        subjectType: "RingFence",
        subjectId: fence.id,
        summary: `Ring-fenced money in "${fund.name}" for ${area.title}`,
        amountPence: limitPence,
      });
      return fence;
    });
  } catch (error) {
    throw (await explainMoneyRefusal(db, error, { fundId: fund.id })) ?? error;
  }
}

/**
 * A fund's balances, as kept on the fund row and as summed from its ledger: the two
 * must always agree (the database trigger keeps them in step; tests prove it).
 */
export async function fundBalances(db: Database, fundId: string) {
  const fund = await db.fund.findUniqueOrThrow({
    where: { id: fundId },
    select: {
      totalPence: true,
      committedPence: true,
      paidPence: true,
      ringFencedPence: true,
      unfencedCommittedPence: true,
      ringFences: { select: { priorityAreaId: true, limitPence: true, committedPence: true } },
    },
  });
  const ledger = await db.ledgerEntry.aggregate({
    where: { fundId },
    _sum: { committedDelta: true, paidDelta: true },
  });
  return {
    totalPence: fund.totalPence,
    committedPence: fund.committedPence,
    paidPence: fund.paidPence,
    availablePence: fund.totalPence - fund.committedPence,
    ringFences: fund.ringFences.map((fence) => ({ ...fence, availablePence: fence.limitPence - fence.committedPence })),
    ledgerCommittedPence: ledger._sum.committedDelta ?? 0,
    ledgerPaidPence: ledger._sum.paidDelta ?? 0,
  };
}
