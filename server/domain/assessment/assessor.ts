import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { AssessmentStatus, ProposalStatus } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { displayName } from "@/server/domain/partnerships/administration";
import { lockProposal } from "@/server/domain/proposals/access";
import { AppError, notFound } from "@/server/errors";
import { cannotScoreBecause, type ConflictKind } from "./conflicts";
import {
  criteriaOf,
  loadProposalPanel,
  organisationName,
  organisationNames,
  PANEL_STATUSES,
  proposalInclude,
  roundInclude,
  panelOf,
  scoringProgress,
  seatsFor,
  type Seat,
  type SeatState,
} from "./panel-state";
import { defaultScoreGuide, type ScoreGuideStep } from "./score-guide";
import { checkScores, weightedScore, type Criterion, type CriterionScore } from "./scoring";

/**
 * The assessor's side: the proposals they are asked to score, the score sheet, saving and
 * submitting scores, and declaring a conflict of interest. An assessor sees the other
 * assessors' scores only after submitting their own, so nobody is nudged by them.
 */

export type SeatConflict = { kind: ConflictKind; message: string };

function conflictsOfSeat(seat: Seat): SeatConflict[] {
  const conflicts: SeatConflict[] = [...seat.detected];
  if (seat.declared) conflicts.push({ kind: "DECLARED", message: `You declared a conflict of interest: ${seat.declared.reason}` });
  return conflicts;
}

/** Why the assessor cannot score now, or null when they can. */
function cannotScoreReason(status: ProposalStatus, seat: Seat): string | null {
  if (seat.conflicted) return cannotScoreBecause(conflictsOfSeat(seat));
  if (status === "SUBMITTED") return "Scoring starts when an officer starts the assessment of this round.";
  if (status !== "UNDER_ASSESSMENT") return "A decision has been made on this proposal, so scoring has closed.";
  if (seat.assessment?.status === "SUBMITTED") return "You have submitted your scores: they can no longer change.";
  return null;
}

export type MyAssessment = {
  round: { id: string; title: string };
  proposal: { id: string; title: string; status: ProposalStatus; requestedPence: number; subGroupName: string };
  state: SeatState;
  /** Why the actor may not score it, as sentences they read ("You work for RAMH, ..."). */
  conflicts: string[];
  canScore: boolean;
};

/** The proposals the actor is asked to score: those submitted to rounds whose panel they sit on. */
export async function myAssessments(db: Database, actor: Actor, partnershipId: string): Promise<MyAssessment[]> {
  const rounds = await db.fundingRound.findMany({
    where: { fund: { partnershipId }, assessors: { some: { userId: actor.userId } } },
    include: roundInclude,
    orderBy: { closesAt: "desc" },
  });
  const result: MyAssessment[] = [];
  for (const round of rounds) {
    const proposals = await db.proposal.findMany({
      where: { roundId: round.id, status: { in: [...PANEL_STATUSES] } },
      include: proposalInclude,
      orderBy: { title: "asc" },
    });
    const panel = panelOf(round).filter((member) => member.userId === actor.userId);
    const names = await organisationNames(db, panel, proposals);
    for (const proposal of proposals) {
      const seat = seatsFor(panel, proposal, names)[0]!;
      result.push({
        round: { id: round.id, title: round.title },
        proposal: {
          id: proposal.id,
          title: proposal.title,
          status: proposal.status,
          requestedPence: proposal.requestedPence,
          subGroupName: proposal.subGroup.name,
        },
        state: seat.state,
        conflicts: conflictsOfSeat(seat).map((conflict) => conflict.message),
        canScore: cannotScoreReason(proposal.status, seat) === null,
      });
    }
  }
  return result;
}

export type ScoreSheet = {
  proposal: {
    id: string;
    title: string;
    status: ProposalStatus;
    requestedPence: number;
    subGroupName: string;
    leadOrganisationName: string | null;
  };
  round: { id: string; title: string; scoreMax: number; criteria: Criterion[]; scoreGuide: ScoreGuideStep[] };
  conflicts: SeatConflict[];
  canScore: boolean;
  cannotScoreReason: string | null;
  mine: {
    status: AssessmentStatus;
    scores: CriterionScore[];
    comment: string;
    weightedScore: number | null;
    submittedAt: Date | null;
  } | null;
  /** The other assessors' submitted scores: null until the actor has submitted their own. */
  others: { assessorName: string; weightedScore: number | null; scores: CriterionScore[]; comment: string }[] | null;
};

async function loadSeat(db: Database, actor: Actor, proposalId: string) {
  const state = await loadProposalPanel(db, proposalId);
  const { round } = state;
  const seat = state.seats.find((candidate) => candidate.member.userId === actor.userId);
  if (!round || !seat) throw notFound("That proposal");
  return { ...state, round, seat };
}

/** One proposal as its assessor scores it. */
export async function scoreSheet(db: Database, actor: Actor, proposalId: string): Promise<ScoreSheet> {
  const { proposal, round, names, seats, seat } = await loadSeat(db, actor, proposalId);
  const reason = cannotScoreReason(proposal.status, seat);
  const submitted = seat.assessment?.status === "SUBMITTED";
  return {
    proposal: {
      id: proposal.id,
      title: proposal.title,
      status: proposal.status,
      requestedPence: proposal.requestedPence,
      subGroupName: proposal.subGroup.name,
      leadOrganisationName: organisationName(names, proposal.leadOrganisationId),
    },
    round: {
      id: round.id,
      title: round.title,
      scoreMax: round.scoreMax,
      criteria: criteriaOf(round),
      scoreGuide: defaultScoreGuide(round.scoreMax),
    },
    conflicts: conflictsOfSeat(seat),
    canScore: reason === null,
    cannotScoreReason: reason,
    mine: seat.assessment,
    others: submitted
      ? seats
          .filter((other) => other.member.userId !== actor.userId && other.assessment?.status === "SUBMITTED")
          .map((other) => ({
            assessorName: other.member.name,
            weightedScore: other.assessment!.weightedScore,
            scores: other.assessment!.scores,
            comment: other.assessment!.comment,
          }))
      : null,
  };
}

export type SaveScoresInput = { proposalId: string; scores: CriterionScore[]; comment: string; submit: boolean };
export type SavedScores = { status: AssessmentStatus; weightedScore: number | null; submittedAt: Date | null };

/** Saves the assessor's scores as a draft, or submits them (then they are final). */
export async function saveScores(db: Database, actor: Actor, input: SaveScoresInput): Promise<SavedScores> {
  return db.$transaction(async (tx) => {
    // One change to a proposal at a time: a decision or a declaration cannot slip in between.
    const locked = await lockProposal(tx, input.proposalId);
    const { round, seats } = await loadProposalPanel(tx, locked.id);
    const seat = seats.find((candidate) => candidate.member.userId === actor.userId);
    if (!round || !seat) throw notFound("That proposal");
    if (seat.conflicted) throw new AppError("CONFLICT", cannotScoreBecause(conflictsOfSeat(seat)));
    const blocked = cannotScoreReason(locked.status, seat);
    if (blocked) throw new AppError("CONFLICT", blocked);

    const criteria = criteriaOf(round);
    const scores = checkScores(criteria, round.scoreMax, input.scores, input.submit);
    const status: AssessmentStatus = input.submit ? "SUBMITTED" : "DRAFT";
    const score = input.submit ? weightedScore(criteria, scores, round.scoreMax) : null;
    const submittedAt = input.submit ? new Date() : null;
    const data = { status, scores, comment: input.comment || null, weightedScore: score, submittedAt };
    await tx.assessment.upsert({
      where: { proposalId_assessorId: { proposalId: locked.id, assessorId: actor.userId } },
      create: { proposalId: locked.id, assessorId: actor.userId, ...data },
      update: data,
    });

    if (input.submit) {
      const progress = scoringProgress(seats);
      const done = progress.scoredCount + 1;
      // The timeline says that someone scored, never who or what.
      await tx.proposalEvent.create({
        data: {
          proposalId: locked.id,
          kind: "ASSESSED",
          actorId: null,
          summary: `An assessor submitted their scores (${done} of ${progress.expectedCount})`,
        },
      });
    }
    return { status, weightedScore: score, submittedAt };
  });
}

export type DeclaredConflict = { proposalId: string; declaredAt: Date };

/** Records that the assessor has a conflict of interest: they step back from scoring this proposal. */
export async function declareConflict(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { proposalId: string; reason: string },
): Promise<DeclaredConflict> {
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockProposal(tx, input.proposalId);
      if (!locked.roundId) throw notFound("That proposal");
      const existing = await tx.conflictDeclaration.findUnique({
        where: { proposalId_assessorId: { proposalId: locked.id, assessorId: actor.userId } },
      });
      if (existing) return { proposalId: locked.id, declaredAt: existing.createdAt };
      if (locked.status !== "SUBMITTED" && locked.status !== "UNDER_ASSESSMENT") {
        throw new AppError("CONFLICT", "A decision has been made on this proposal. Tell an officer about the conflict instead.");
      }
      const assessment = await tx.assessment.findUnique({
        where: { proposalId_assessorId: { proposalId: locked.id, assessorId: actor.userId } },
        select: { id: true, status: true },
      });
      if (assessment?.status === "SUBMITTED") {
        throw new AppError(
          "CONFLICT",
          "You have already submitted your scores for this proposal, so you cannot declare a conflict here. Tell an officer instead.",
        );
      }
      if (assessment) await tx.assessment.delete({ where: { id: assessment.id } });
      const declaration = await tx.conflictDeclaration.create({
        data: { roundId: locked.roundId, proposalId: locked.id, assessorId: actor.userId, reason: input.reason },
      });
      await tx.proposalEvent.create({
        data: {
          proposalId: locked.id,
          kind: "CONFLICT_DECLARED",
          actorId: null,
          summary: "An assessor declared a conflict of interest and will not score this proposal.",
        },
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "assessment.conflict_declared",
        subjectType: "Proposal",
        subjectId: locked.id,
        summary: `${displayName(actor)} declared a conflict of interest on "${locked.title}": ${input.reason}`,
      });
      return { proposalId: locked.id, declaredAt: declaration.createdAt };
    });
  } catch (error) {
    // The same declaration sent twice at once: the first one stands.
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.conflictDeclaration.findUniqueOrThrow({
      where: { proposalId_assessorId: { proposalId: input.proposalId, assessorId: actor.userId } },
    });
    return { proposalId: existing.proposalId, declaredAt: existing.createdAt };
  }
}
