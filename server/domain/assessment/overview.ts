import type { Database } from "@/server/db/client";
import type { ProposalDecisionOutcome, ProposalStatus, RoundStatus } from "@/server/db/generated/enums";
import { effectiveRoundStatus, roundClosedAt } from "@/server/domain/funding/rounds";
import { notFound } from "@/server/errors";
import type { ConflictKind } from "./conflicts";
import {
  criteriaOf,
  organisationName,
  organisationNames,
  PANEL_STATUSES,
  panelOf,
  proposalInclude,
  roundInclude,
  scoringProgress,
  seatsFor,
  type SeatState,
} from "./panel-state";
import { summariseScores, type Criterion } from "./scoring";

/** The officers' view of a round's assessment: panel, progress, ranking, recusals and money. */

export type RankedProposal = {
  /** 1 for the highest mean score; proposals nobody has scored yet come last. */
  rank: number;
  id: string;
  title: string;
  subGroupName: string;
  leadOrganisationName: string | null;
  status: ProposalStatus;
  requestedPence: number;
  /** Weighted scores in hundredths of a percent of the maximum (0 to 10000); null before any score. */
  meanScore: number | null;
  minScore: number | null;
  maxScore: number | null;
  /** Standard deviation of the submitted scores, same unit; null with fewer than two. */
  spread: number | null;
  scoredCount: number;
  /** Panel members without a conflict of interest on this proposal. */
  expectedCount: number;
  complete: boolean;
  /**
   * What the proposals awaiting a decision ask for, added up down the ranking to this one.
   * Decided proposals add nothing: an approved one's money is already committed in the fund.
   */
  cumulativeRequestedPence: number;
  fitsInAvailable: boolean;
  decision: { outcome: ProposalDecisionOutcome; awardedPence: number | null } | null;
};

export type CompletionState = SeatState;
export type CompletionCell = {
  proposalId: string;
  assessorId: string;
  state: CompletionState;
  /** Only once submitted. */
  weightedScore: number | null;
};

export type Recusal = {
  proposalId: string;
  proposalTitle: string;
  assessorId: string;
  assessorName: string;
  kind: ConflictKind;
  reason: string;
  /** When the assessor declared it; null for conflicts Tandem detected. */
  declaredAt: Date | null;
};

export type AssessmentOverview = {
  round: { id: string; title: string; effectiveStatus: RoundStatus; closesAt: Date; closedAt: Date; scoreMax: number; criteria: Criterion[] };
  fund: { id: string; name: string; totalPence: number; committedPence: number; availablePence: number };
  panel: { userId: string; name: string; organisationName: string | null }[];
  proposals: RankedProposal[];
  completion: CompletionCell[];
  recusals: Recusal[];
  /** Assessments submitted in the round, across all its proposals. */
  submittedCount: number;
  /** Proposals submitted but not yet moved into assessment. */
  awaitingStartCount: number;
};

export async function assessmentOverview(db: Database, partnershipId: string, roundId: string): Promise<AssessmentOverview> {
  const round = await db.fundingRound.findFirst({ where: { id: roundId, fund: { partnershipId } }, include: roundInclude });
  if (!round) throw notFound("That funding round");
  const proposals = await db.proposal.findMany({
    where: { roundId: round.id, status: { in: [...PANEL_STATUSES] } },
    include: proposalInclude,
    orderBy: { submittedAt: "asc" },
  });
  const panel = panelOf(round);
  const names = await organisationNames(db, panel, proposals);

  // Money still to give. Ring-fences are ignored here: this is the fund as a whole, and
  // the award itself is refused if a priority area's ring-fence or the unfenced money
  // cannot cover it.
  const availablePence = round.fund.totalPence - round.fund.committedPence;

  const completion: CompletionCell[] = [];
  const recusals: Recusal[] = [];
  let submittedCount = 0;
  const scored = proposals.map((proposal) => {
    const seats = seatsFor(panel, proposal, names);
    for (const seat of seats) {
      completion.push({
        proposalId: proposal.id,
        assessorId: seat.member.userId,
        state: seat.state,
        weightedScore: seat.assessment?.status === "SUBMITTED" ? seat.assessment.weightedScore : null,
      });
      for (const conflict of seat.registerReasons) {
        recusals.push({
          proposalId: proposal.id,
          proposalTitle: proposal.title,
          assessorId: seat.member.userId,
          assessorName: seat.member.name,
          kind: conflict.kind,
          reason: conflict.message,
          declaredAt: null,
        });
      }
    }
    // Every declaration is on the register, even one by someone since taken off the panel.
    for (const declaration of proposal.conflicts) {
      recusals.push({
        proposalId: proposal.id,
        proposalTitle: proposal.title,
        assessorId: declaration.assessorId,
        assessorName: panel.find((member) => member.userId === declaration.assessorId)?.name ?? "A former panel member",
        kind: "DECLARED",
        reason: declaration.reason,
        declaredAt: declaration.createdAt,
      });
    }
    const progress = scoringProgress(seats);
    submittedCount += progress.scoredCount;
    return { proposal, progress, summary: summariseScores(progress.submittedScores) };
  });

  scored.sort(
    (a, b) =>
      (b.summary.mean ?? -1) - (a.summary.mean ?? -1) ||
      a.proposal.requestedPence - b.proposal.requestedPence ||
      a.proposal.title.localeCompare(b.proposal.title, "en-GB"),
  );

  let cumulative = 0;
  const ranked: RankedProposal[] = scored.map(({ proposal, progress, summary }, index) => {
    const decision = proposal.decision
      ? { outcome: proposal.decision.outcome, awardedPence: proposal.award?.awardedPence ?? null }
      : null;
    if (!decision) cumulative += proposal.requestedPence;
    return {
      rank: index + 1,
      id: proposal.id,
      title: proposal.title,
      subGroupName: proposal.subGroup.name,
      leadOrganisationName: organisationName(names, proposal.leadOrganisationId),
      status: proposal.status,
      requestedPence: proposal.requestedPence,
      meanScore: summary.mean,
      minScore: summary.min,
      maxScore: summary.max,
      spread: summary.spread,
      scoredCount: progress.scoredCount,
      expectedCount: progress.expectedCount,
      complete: progress.complete,
      cumulativeRequestedPence: cumulative,
      fitsInAvailable: cumulative <= availablePence,
      decision,
    };
  });

  recusals.sort((a, b) => a.proposalTitle.localeCompare(b.proposalTitle, "en-GB") || a.assessorName.localeCompare(b.assessorName, "en-GB"));

  return {
    round: {
      id: round.id,
      title: round.title,
      effectiveStatus: effectiveRoundStatus(round),
      closesAt: round.closesAt,
      /** When it stopped taking proposals (or will): the real time if closed early. */
      closedAt: roundClosedAt(round),
      scoreMax: round.scoreMax,
      criteria: criteriaOf(round),
    },
    fund: {
      id: round.fund.id,
      name: round.fund.name,
      totalPence: round.fund.totalPence,
      committedPence: round.fund.committedPence,
      availablePence,
    },
    panel: panel.map((member) => ({ userId: member.userId, name: member.name, organisationName: member.organisationName })),
    proposals: ranked,
    completion,
    recusals,
    submittedCount,
    awaitingStartCount: proposals.filter((proposal) => proposal.status === "SUBMITTED").length,
  };
}
