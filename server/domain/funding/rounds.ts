import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";
import { SECTORS, type SectorCode } from "@/lib/sectors";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { RoundStatus } from "@/server/db/generated/enums";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";

export type Criterion = { name: string; weight: number };

/** An OPEN round whose closing time has passed reads as CLOSED: no scheduled job needed. */
export function effectiveRoundStatus(round: { status: RoundStatus; closesAt: Date }, now = new Date()): RoundStatus {
  return round.status === "OPEN" && round.closesAt <= now ? "CLOSED" : round.status;
}

/**
 * When a closed round stopped taking proposals: the moment it was closed by hand, if that
 * was before its closing time, otherwise the closing time itself.
 */
export function roundClosedAt(round: { closesAt: Date; closedAt?: Date | null }): Date {
  return round.closedAt && round.closedAt < round.closesAt ? round.closedAt : round.closesAt;
}

/** Round lifecycle: which stored status may move to which. */
export const ROUND_TRANSITIONS: Readonly<Record<RoundStatus, readonly RoundStatus[]>> = {
  DRAFT: ["OPEN"],
  OPEN: ["CLOSED"],
  CLOSED: ["DECIDED"],
  DECIDED: [],
};

export type CreateRoundInput = {
  fundId: string;
  title: string;
  guidance: string;
  eligibility: string;
  criteria: Criterion[];
  opensAt: Date;
  closesAt: Date;
  minAwardPence: number;
  maxAwardPence: number;
  priorityAreaIds: string[];
  /** Top of the scoring scale (1 to 10); 5 when left out. */
  scoreMax?: number;
  /** Sections a proposal must complete before it can be submitted; all when left out. */
  requiredSections?: readonly string[];
  /** Sectors that must each be among a proposal's organisations; any when left out or empty. */
  requiredPartnerSectors?: readonly SectorCode[];
  /** Whether authors may take a submitted proposal back to draft before the deadline; true when left out. */
  allowsChangesAfterSubmission?: boolean;
};

/** Sections every round requires: a proposal without a title or a budget cannot be assessed. */
export const ALWAYS_REQUIRED_SECTIONS: readonly ProposalSectionKey[] = ["title", "budget"];

const isSectionKey = (key: string): key is ProposalSectionKey => (PROPOSAL_SECTION_KEYS as readonly string[]).includes(key);

export async function createRound(db: Database, actor: Actor, partnershipId: string, input: CreateRoundInput) {
  const fund = await db.fund.findFirst({ where: { id: input.fundId, partnershipId }, select: { id: true, totalPence: true } });
  if (!fund) throw notFound("That fund");
  const fieldErrors: Record<string, string[]> = {};
  const totalWeight = input.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (input.criteria.length === 0 || totalWeight !== 100) {
    fieldErrors.criteria = [`The criteria's weights must add up to 100 (they add up to ${totalWeight}).`];
  }
  if (input.minAwardPence > input.maxAwardPence) fieldErrors.minAwardPence = ["The minimum award cannot be more than the maximum."];
  if (input.maxAwardPence > fund.totalPence) fieldErrors.maxAwardPence = ["The maximum award cannot be more than the whole fund."];
  if (input.opensAt >= input.closesAt) fieldErrors.closesAt = ["The round must close after it opens."];
  if (input.priorityAreaIds.length > 0) {
    const found = await db.priorityArea.count({ where: { id: { in: input.priorityAreaIds }, partnershipId } });
    if (found !== new Set(input.priorityAreaIds).size) fieldErrors.priorityAreaIds = ["Choose priority areas of this partnership."];
  }
  const scoreMax = input.scoreMax ?? 5;
  if (!Number.isInteger(scoreMax) || scoreMax < 1 || scoreMax > 10) fieldErrors.scoreMax = ["The scale must go up to a whole number from 1 to 10."];
  const chosen = input.requiredSections ?? PROPOSAL_SECTION_KEYS;
  const unknown = chosen.filter((key) => !isSectionKey(key));
  const missing = ALWAYS_REQUIRED_SECTIONS.filter((key) => !chosen.includes(key));
  if (unknown.length > 0) {
    fieldErrors.requiredSections = ["Choose sections of the proposal form."];
  } else if (missing.length > 0) {
    fieldErrors.requiredSections = [
      `Every proposal needs its ${missing.map((key) => PROPOSAL_SECTION_LABELS[key].toLowerCase()).join(" and ")}: keep ${missing.length === 1 ? "it" : "them"} ticked.`,
    ];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Please check the highlighted fields.", fieldErrors);
  // Stored in the form's order, without duplicates.
  const requiredSections = PROPOSAL_SECTION_KEYS.filter((key) => chosen.includes(key));
  const requiredPartnerSectors = SECTORS.filter((sector) => input.requiredPartnerSectors?.includes(sector));

  return db.$transaction(async (tx) => {
    const round = await tx.fundingRound.create({
      data: {
        ...input,
        criteria: input.criteria,
        scoreMax,
        requiredSections,
        requiredPartnerSectors,
        allowsChangesAfterSubmission: input.allowsChangesAfterSubmission ?? true,
        status: "DRAFT",
      },
    });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "round.created",
      subjectType: "FundingRound",
      subjectId: round.id,
      summary: `Created funding round "${round.title}"`,
    });
    return round;
  });
}

export async function changeRoundStatus(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { roundId: string; status: RoundStatus },
) {
  const round = await db.fundingRound.findFirst({
    where: { id: input.roundId, fund: { partnershipId } },
    select: { id: true, title: true, status: true, closesAt: true },
  });
  if (!round) throw notFound("That funding round");
  const current = effectiveRoundStatus(round);
  if (!ROUND_TRANSITIONS[current].includes(input.status)) {
    throw new AppError("CONFLICT", `A round that is ${current.toLowerCase()} cannot be made ${input.status.toLowerCase()}.`);
  }
  const now = new Date();
  const closingEarly = input.status === "CLOSED" && round.closesAt > now;
  return db.$transaction(async (tx) => {
    const updated = await tx.fundingRound.update({
      where: { id: round.id },
      data: { status: input.status, ...(closingEarly ? { closedAt: now } : {}) },
    });
    if (input.status === "CLOSED") await tellDraftAuthorsTheRoundClosed(tx, actor, partnershipId, round, now);
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: `round.${input.status.toLowerCase()}`,
      subjectType: "FundingRound",
      subjectId: round.id,
      summary: `Round "${round.title}" is now ${input.status.toLowerCase()}`,
    });
    return updated;
  });
}

/**
 * Authors of proposals still in draft can no longer submit them once the round closes:
 * each is told, in the same transaction as the close, so nobody finds out by trying.
 */
async function tellDraftAuthorsTheRoundClosed(
  tx: Prisma.TransactionClient,
  actor: Actor,
  partnershipId: string,
  round: { title: string; id: string },
  closedAt: Date,
) {
  const [partnership, drafts] = await Promise.all([
    tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true } }),
    tx.proposal.findMany({
      where: { roundId: round.id, partnershipId, status: "DRAFT" },
      select: { id: true, title: true, authors: { select: { userId: true } } },
    }),
  ]);
  for (const draft of drafts) {
    await notify(tx, {
      userIds: draft.authors.map((author) => author.userId),
      actorId: actor.userId,
      partnershipId,
      kind: "PROPOSAL_DECISION",
      title: `“${round.title}” has closed, so “${draft.title}” can no longer be submitted`,
      body: `The round closed on ${formatDateTime(closedAt)}. Your proposal is kept as a draft.`,
      linkPath: paths.proposal(partnership.slug, draft.id),
    });
  }
}

/**
 * The documents every proposal to the round must attach before it can be submitted (e.g.
 * "Constitution", "Latest accounts"). A proposal's file already attached against a name
 * that is no longer asked for stays, as "other".
 */
export async function setRequiredDocuments(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { roundId: string; documents: string[] },
) {
  const round = await db.fundingRound.findFirst({ where: { id: input.roundId, fund: { partnershipId } }, select: { id: true, title: true } });
  if (!round) throw notFound("That funding round");
  const documents = input.documents.map((name) => name.trim());
  return db.$transaction(async (tx) => {
    await tx.fundingRound.update({ where: { id: round.id }, data: { requiredDocuments: documents }, select: { id: true } });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "round.requiredDocuments",
      subjectType: "FundingRound",
      subjectId: round.id,
      summary: documents.length === 0 ? `Round "${round.title}" asks for no documents` : `Round "${round.title}" asks for: ${documents.join(", ")}`,
    });
    return { requiredDocuments: documents };
  });
}
