import { can } from "@/server/auth/can";
import { membershipOnly, type MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/errors";
import { awardState } from "./award-lifecycle";
import { fundLedger } from "./exports";
import { effectiveRoundStatus, roundClosedAt } from "./rounds";

/** The partnership's funds with their headline balances. */
export async function listFunds(db: Database, partnershipId: string) {
  const funds = await db.fund.findMany({
    where: { partnershipId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      source: true,
      financialYear: true,
      totalPence: true,
      committedPence: true,
      paidPence: true,
      _count: { select: { awards: true, rounds: true } },
    },
  });
  return funds.map(({ _count, ...fund }) => ({
    ...fund,
    availablePence: fund.totalPence - fund.committedPence,
    awardCount: _count.awards,
    roundCount: _count.rounds,
  }));
}

/**
 * One fund at a glance: total / committed / paid / available, split by priority area
 * and by round, with its awards. Figures come from the balances the ledger maintains.
 */
export async function fundDashboard(db: Database, partnershipId: string, fundId: string, now = new Date()) {
  const fund = await db.fund.findFirst({
    where: { id: fundId, partnershipId },
    include: {
      ringFences: { include: { priorityArea: { select: { id: true, title: true } } } },
      funderOrganisation: { select: { id: true, name: true } },
      partnership: { select: { name: true } },
      rounds: { orderBy: { opensAt: "asc" } },
      awards: {
        orderBy: { createdAt: "asc" },
        include: {
          priorityArea: { select: { id: true, title: true } },
          round: { select: { id: true, title: true } },
          tranches: {
            orderBy: { sequence: "asc" },
            include: { requiresPeriod: { select: { sequence: true, startsOn: true, endsOn: true, dueOn: true, acceptedUpdateId: true } } },
          },
          project: { select: { id: true } },
        },
      },
    },
  });
  if (!fund) throw notFound("That fund");

  const byPriorityArea = new Map<string, { priorityAreaId: string | null; title: string; committedPence: number; paidPence: number; awards: number; ringFencePence: number | null }>();
  for (const fence of fund.ringFences) {
    byPriorityArea.set(fence.priorityAreaId, {
      priorityAreaId: fence.priorityAreaId,
      title: fence.priorityArea.title,
      committedPence: 0,
      paidPence: 0,
      awards: 0,
      ringFencePence: fence.limitPence,
    });
  }
  const byRound = new Map<string, { roundId: string | null; title: string; committedPence: number; paidPence: number; awards: number }>();
  for (const award of fund.awards) {
    const areaKey = award.priorityArea?.id ?? "none";
    const area = byPriorityArea.get(areaKey) ?? {
      priorityAreaId: award.priorityArea?.id ?? null,
      title: award.priorityArea?.title ?? "No priority area",
      committedPence: 0,
      paidPence: 0,
      awards: 0,
      ringFencePence: null,
    };
    area.committedPence += award.awardedPence;
    area.paidPence += award.paidPence;
    area.awards += award.status === "WITHDRAWN" ? 0 : 1;
    byPriorityArea.set(areaKey, area);

    const roundKey = award.round?.id ?? "none";
    const round = byRound.get(roundKey) ?? {
      roundId: award.round?.id ?? null,
      title: award.round?.title ?? "Outside a round",
      committedPence: 0,
      paidPence: 0,
      awards: 0,
    };
    round.committedPence += award.awardedPence;
    round.paidPence += award.paidPence;
    round.awards += award.status === "WITHDRAWN" ? 0 : 1;
    byRound.set(roundKey, round);
  }

  const [priorityAreas, organisations] = await Promise.all([
    db.priorityArea.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, title: true },
    }),
    db.partnershipOrganisation.findMany({
      where: { partnershipId },
      orderBy: { organisation: { name: "asc" } },
      select: { organisation: { select: { id: true, name: true } } },
    }),
  ]);

  return {
    id: fund.id,
    name: fund.name,
    priorityAreas,
    organisations: organisations.map(({ organisation }) => organisation),
    /** Whose money it is: an organisation of the partnership, or (null) the partnership itself. */
    funderOrganisation: fund.funderOrganisation,
    partnershipName: fund.partnership.name,
    source: fund.source,
    financialYear: fund.financialYear,
    totalPence: fund.totalPence,
    committedPence: fund.committedPence,
    paidPence: fund.paidPence,
    availablePence: fund.totalPence - fund.committedPence,
    ringFencedPence: fund.ringFencedPence,
    byPriorityArea: [...byPriorityArea.values()].sort((a, b) => b.committedPence - a.committedPence),
    byRound: [...byRound.values()],
    ledger: await fundLedger(db, fund.id),
    rounds: fund.rounds.map((round) => ({
      id: round.id,
      title: round.title,
      requiredDocuments: round.requiredDocuments,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      closedAt: roundClosedAt(round),
      minAwardPence: round.minAwardPence,
      maxAwardPence: round.maxAwardPence,
      requiredPartnerSectors: round.requiredPartnerSectors,
      status: effectiveRoundStatus(round, now),
    })),
    awards: fund.awards.map((award) => ({
      id: award.id,
      projectName: award.projectName,
      recipientName: award.recipientName,
      priorityArea: award.priorityArea?.title ?? null,
      round: award.round?.title ?? null,
      awardedPence: award.awardedPence,
      paidPence: award.paidPence,
      state: awardState(award),
      published: award.publishedAt !== null,
      createdAt: award.createdAt,
      conditions: award.conditions,
      /** The funded project set up from this award, if any. */
      projectId: award.project?.id ?? null,
      tranches: award.tranches.map((t) => ({
        id: t.id,
        sequence: t.sequence,
        amountPence: t.amountPence,
        dueOn: t.dueOn,
        paidOn: t.paidOn,
        reference: t.reference,
        waitsForReporting: t.requiresPeriodId !== null,
        /** The reporting period whose accepted update this payment waits for. */
        waitsFor: t.requiresPeriod && {
          sequence: t.requiresPeriod.sequence,
          startsOn: t.requiresPeriod.startsOn,
          endsOn: t.requiresPeriod.endsOn,
          dueOn: t.requiresPeriod.dueOn,
          accepted: t.requiresPeriod.acceptedUpdateId !== null,
        },
      })),
    })),
  };
}

/**
 * Funded projects as members see them: every published award, plus (for members who are
 * not observers) the awards to their own organisation, published or not.
 */
export async function fundedProjects(db: Database, actor: Actor, membership: MembershipGrant) {
  const ownOrganisation = can("funding.ownOrganisationsAwards", membershipOnly(actor, membership)) ? actor.organisationId : null;
  const awards = await db.award.findMany({
    where: {
      fund: { partnershipId: membership.partnershipId },
      status: { not: "WITHDRAWN" },
      OR: [{ publishedAt: { not: null } }, ...(ownOrganisation ? [{ recipientOrganisationId: ownOrganisation }] : [])],
    },
    orderBy: [{ priorityArea: { position: "asc" } }, { projectName: "asc" }],
    select: {
      id: true,
      projectName: true,
      recipientName: true,
      recipientOrganisationId: true,
      awardedPence: true,
      paidPence: true,
      publishedAt: true,
      status: true,
      priorityArea: { select: { id: true, title: true } },
      fund: { select: { name: true } },
    },
  });
  return awards.map((award) => ({
    id: award.id,
    projectName: award.projectName,
    recipientName: award.recipientName,
    priorityArea: award.priorityArea?.title ?? null,
    fundName: award.fund.name,
    awardedPence: award.awardedPence,
    paidPence: award.paidPence,
    published: award.publishedAt !== null,
    isYourOrganisation: ownOrganisation !== null && award.recipientOrganisationId === ownOrganisation,
    state: awardState(award),
  }));
}
