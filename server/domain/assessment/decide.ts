import { formatPence } from "@/lib/money";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { ProposalStatus } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { recordAudit } from "@/server/domain/audit/record-audit";
import {
  checkAwardGrant,
  explainMoneyFailure,
  grantAwardInTransaction,
  isIdempotencyReplay,
  MONEY_TRANSACTION,
  replayedAward,
  type AwardGrantInput,
} from "@/server/domain/funding/awards";
import { idempotentRequest, REQUEST_CHANGED_MESSAGE, type IdempotentRequest } from "@/server/domain/funding/idempotency";
import { notify } from "@/server/domain/notifications/notify";
import { lockProposal } from "@/server/domain/proposals/access";
import { proposalTransition } from "@/server/domain/proposals/lifecycle";
import { AppError, notFound } from "@/server/errors";
import { loadProposalPanel, scoringProgress } from "./panel-state";
import { paths } from "@/lib/paths";

/**
 * An officer decides a proposal once its panel has scored it. Approving awards the grant in
 * the same transaction: if the money cannot be committed, nothing is decided.
 */

type Override = { reason: string } | null | undefined;

export type DecideProposalInput =
  | {
      outcome: "APPROVE";
      proposalId: string;
      reason: string;
      amountPence: number;
      conditions?: string | null;
      tranches: { amountPence: number; dueOn: Date }[];
      published: boolean;
      idempotencyKey: string;
      override?: Override;
    }
  | { outcome: "DECLINE"; proposalId: string; reason: string; override?: Override };

export type DecisionResult = { proposalId: string; status: ProposalStatus; awardId: string | null };

const overrideNeeded = (message: string) =>
  new AppError("BAD_REQUEST", `${message} To decide now, give a reason for overriding.`, {
    "override.reason": ["Give the reason the decision cannot wait for every score."],
  });

export async function decideProposal(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: DecideProposalInput,
): Promise<DecisionResult> {
  // A retried approval (same idempotency key, same request) gets the first answer and
  // changes nothing; the same key with different details is refused.
  if (input.outcome === "APPROVE") {
    const replay = await replayedDecision(db, approvalRequest(partnershipId, input), input.proposalId);
    if (replay) return replay;
  }

  const { proposal, round, seats } = await loadProposalPanel(db, input.proposalId);
  if (proposal.partnershipId !== partnershipId || !round) throw notFound("That proposal");
  if (proposal.authors.some((author) => author.userId === actor.userId)) {
    throw new AppError("FORBIDDEN", "You co-wrote this proposal, so another officer must decide it.");
  }
  const action = input.outcome === "APPROVE" ? "APPROVE" : "DECLINE";
  proposalTransition(proposal.status, action);

  const progress = scoringProgress(seats);
  const overrideReason = input.override?.reason?.trim() || null;
  if (!overrideReason) {
    if (progress.scoredCount === 0) throw overrideNeeded("Nobody has scored this proposal yet.");
    if (!progress.complete) {
      const waiting = progress.expectedCount - progress.scoredCount;
      const assessors = `assessor${progress.expectedCount === 1 ? "" : "s"}`;
      throw overrideNeeded(
        `Scoring is not complete: ${waiting} of ${progress.expectedCount} ${assessors} ${waiting === 1 ? "has" : "have"} not scored yet.`,
      );
    }
  }

  const overridden = overrideReason ? `, before every assessor had scored (${overrideReason})` : "";
  const slug = proposal.partnership.slug;
  const link = paths.proposal(slug, proposal.id);
  const authorIds = proposal.authors.map((author) => author.userId);

  if (input.outcome === "DECLINE") {
    return db.$transaction(async (tx) => {
      const locked = await lockProposal(tx, proposal.id);
      const status = proposalTransition(locked.status, "DECLINE");
      await tx.proposal.update({ where: { id: locked.id }, data: { status } });
      await tx.proposalDecision.create({
        data: { proposalId: locked.id, outcome: "DECLINED", reason: input.reason, overrideReason, decidedById: actor.userId },
      });
      await tx.proposalEvent.create({
        data: { proposalId: locked.id, kind: "DECLINED", actorId: actor.userId, summary: "Declined, with feedback for the authors." },
      });
      await notify(tx, {
        userIds: authorIds,
        actorId: actor.userId,
        partnershipId,
        kind: "PROPOSAL_DECISION",
        title: `"${locked.title}" was not approved`,
        body: input.reason,
        linkPath: link,
      });
      await recordActivity(tx, {
        partnershipId,
        subGroupId: locked.subGroupId,
        actorId: actor.userId,
        kind: "PROPOSAL_DECIDED",
        summary: `"${locked.title}" was not approved`,
        linkPath: link,
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "proposal.declined",
        subjectType: "Proposal",
        subjectId: locked.id,
        summary: `Declined "${locked.title}"${overridden}`,
      });
      return { proposalId: locked.id, status, awardId: null };
    });
  }

  if (input.amountPence > proposal.requestedPence) {
    throw new AppError("BAD_REQUEST", "That is more than the proposal asked for.", {
      amountPence: [`The proposal asked for ${formatPence(proposal.requestedPence)}: award that or less.`],
    });
  }
  if (!proposal.leadOrganisationId) {
    throw new AppError("CONFLICT", "This proposal has no lead organisation to receive the grant. Ask the authors to name one.");
  }
  const leadOrganisation = await db.organisation.findUniqueOrThrow({
    where: { id: proposal.leadOrganisationId },
    select: { id: true, name: true },
  });
  const grant: AwardGrantInput & { proposalId: string } = {
    fundId: round.fundId,
    roundId: round.id,
    priorityAreaId: proposal.subGroup.priorityAreaId,
    projectName: proposal.title,
    recipientName: leadOrganisation.name,
    recipientOrganisationId: leadOrganisation.id,
    conditions: input.conditions ?? null,
    published: input.published,
    amountPence: input.amountPence,
    tranches: input.tranches,
    idempotencyKey: input.idempotencyKey,
    proposalId: proposal.id,
  };
  const checked = await checkAwardGrant(db, partnershipId, grant);
  const request = approvalRequest(partnershipId, input);

  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockProposal(tx, proposal.id);
      const status = proposalTransition(locked.status, "APPROVE");
      await tx.proposal.update({ where: { id: locked.id }, data: { status } });
      await tx.proposalDecision.create({
        data: { proposalId: locked.id, outcome: "APPROVED", reason: input.reason, overrideReason, decidedById: actor.userId },
      });
      const award = await grantAwardInTransaction(tx, actor, partnershipId, checked, grant, request);
      const awarded = `${formatPence(checked.amountPence)} from ${checked.fund.name}`;
      await tx.proposalEvent.createMany({
        data: [
          { proposalId: locked.id, kind: "APPROVED", actorId: actor.userId, summary: "Approved for funding." },
          { proposalId: locked.id, kind: "AWARDED", actorId: actor.userId, summary: `Awarded ${awarded}` },
        ],
      });
      await notify(tx, {
        userIds: authorIds,
        actorId: actor.userId,
        partnershipId,
        kind: "PROPOSAL_DECISION",
        title: `"${locked.title}" has been approved`,
        body: `Awarded ${awarded}. ${input.reason}`,
        linkPath: link,
      });
      await recordActivity(tx, {
        partnershipId,
        subGroupId: locked.subGroupId,
        actorId: actor.userId,
        kind: "PROPOSAL_DECIDED",
        summary: `"${locked.title}" was approved: ${formatPence(checked.amountPence)} awarded`,
        linkPath: link,
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "proposal.approved",
        subjectType: "Proposal",
        subjectId: locked.id,
        summary: `Approved "${locked.title}" with an award of ${awarded}${overridden}`,
        amountPence: checked.amountPence,
      });
      return { proposalId: locked.id, status, awardId: award.id };
    }, MONEY_TRANSACTION);
  } catch (error) {
    // The same approval sent twice at once: the second waited for the first, which won.
    if (isIdempotencyReplay(error) || (error instanceof AppError && error.code === "CONFLICT")) {
      const replay = await replayedDecision(db, request, proposal.id);
      if (replay) return replay;
    }
    throw await explainMoneyFailure(db, error, { fundId: checked.fund.id });
  }
}

/** An approval's idempotency key counts within the partnership, bound to the whole decision asked for. */
function approvalRequest(partnershipId: string, input: Extract<DecideProposalInput, { outcome: "APPROVE" }>) {
  return idempotentRequest(partnershipId, "assessment.decide", input);
}

/** The result of an earlier approval with this idempotency key in this partnership, if there was one. */
async function replayedDecision(db: Database, request: IdempotentRequest, proposalId: string): Promise<DecisionResult | null> {
  const award = await replayedAward(db, request);
  if (!award) return null;
  if (award.proposalId !== proposalId) {
    throw new AppError("CONFLICT", REQUEST_CHANGED_MESSAGE);
  }
  return { proposalId, status: "APPROVED", awardId: award.id };
}
