import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { displayName } from "@/server/domain/partnerships/administration";
import type { AssessmentStatus, ProposalStatus } from "@/server/db/generated/enums";
import { roundCriteria, storedScores, type Criterion, type CriterionScore } from "./scoring";
import { describeConflictsForRegister, detectConflicts, type DetectedConflict } from "./conflicts";

/**
 * What a round's panel has done on each proposal: who sits on it, who is conflicted (and
 * why), and who has saved or submitted scores. Loaded once and worked out in memory, for
 * the overview, the assessor's list, the score sheet and the decision.
 */

type Tx = Prisma.TransactionClient;
type Reader = Database | Tx;

/** The proposals a panel sees: submitted to its round and not withdrawn. */
export const PANEL_STATUSES: readonly ProposalStatus[] = ["SUBMITTED", "UNDER_ASSESSMENT", "APPROVED", "DECLINED"];

export type SeatState = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "CONFLICT";

export type PanelMember = { userId: string; name: string; organisationId: string | null; organisationName: string | null };

/** One panel member's position on one proposal. */
export type Seat = {
  member: PanelMember;
  /** Conflicts as the assessor reads them. */
  detected: DetectedConflict[];
  /** The same conflicts as the officers' register words them. */
  registerReasons: DetectedConflict[];
  declared: { reason: string; declaredAt: Date } | null;
  conflicted: boolean;
  state: SeatState;
  assessment: {
    status: AssessmentStatus;
    scores: CriterionScore[];
    comment: string;
    weightedScore: number | null;
    submittedAt: Date | null;
  } | null;
};

export const roundInclude = {
  fund: { select: { id: true, name: true, partnershipId: true, totalPence: true, committedPence: true } },
  assessors: {
    orderBy: { appointedAt: "asc" },
    select: {
      userId: true,
      user: { select: { name: true, email: true, organisationId: true, organisation: { select: { name: true } } } },
    },
  },
} satisfies Prisma.FundingRoundInclude;

export const proposalInclude = {
  authors: { select: { userId: true, role: true } },
  subGroup: { select: { id: true, name: true, priorityAreaId: true, members: { where: { role: "LEAD" }, select: { userId: true } } } },
  assessments: true,
  conflicts: true,
  decision: true,
  award: { select: { id: true, awardedPence: true } },
} satisfies Prisma.ProposalInclude;

export type PanelRound = Prisma.FundingRoundGetPayload<{ include: typeof roundInclude }>;
export type PanelProposal = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

export function panelOf(round: PanelRound): PanelMember[] {
  return round.assessors.map((seat) => ({
    userId: seat.userId,
    name: displayName(seat.user),
    organisationId: seat.user.organisationId,
    organisationName: seat.user.organisation?.name ?? null,
  }));
}

export function criteriaOf(round: { criteria: unknown }): Criterion[] {
  return roundCriteria(round.criteria);
}

/** Names of every organisation the panel or the proposals mention. */
export async function organisationNames(
  db: Reader,
  panel: readonly PanelMember[],
  proposals: readonly { leadOrganisationId: string | null; partnerOrganisationIds: string[] }[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const member of panel) if (member.organisationId) ids.add(member.organisationId);
  for (const proposal of proposals) {
    if (proposal.leadOrganisationId) ids.add(proposal.leadOrganisationId);
    for (const id of proposal.partnerOrganisationIds) ids.add(id);
  }
  if (ids.size === 0) return {};
  const rows = await db.organisation.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

/** Every panel member's seat on one proposal. */
export function seatsFor(panel: readonly PanelMember[], proposal: PanelProposal, names: Readonly<Record<string, string>>): Seat[] {
  const people = {
    leadOrganisationId: proposal.leadOrganisationId,
    partnerOrganisationIds: proposal.partnerOrganisationIds,
    authorIds: proposal.authors.map((author) => author.userId),
    subGroupLeadIds: proposal.subGroup.members.map((member) => member.userId),
  };
  return panel.map((member) => {
    const assessor = { userId: member.userId, organisationId: member.organisationId };
    const detected = detectConflicts(assessor, people, names);
    const declaration = proposal.conflicts.find((conflict) => conflict.assessorId === member.userId);
    const declared = declaration ? { reason: declaration.reason, declaredAt: declaration.createdAt } : null;
    const conflicted = detected.length > 0 || declared !== null;
    const row = proposal.assessments.find((assessment) => assessment.assessorId === member.userId);
    const assessment = row
      ? {
          status: row.status,
          scores: storedScores(row.scores),
          comment: row.comment ?? "",
          weightedScore: row.weightedScore,
          submittedAt: row.submittedAt,
        }
      : null;
    return {
      member,
      detected,
      registerReasons: describeConflictsForRegister(assessor, people, names),
      declared,
      conflicted,
      state: conflicted ? "CONFLICT" : (assessment?.status ?? "NOT_STARTED"),
      assessment,
    };
  });
}

/** How far scoring has got: the panel members without a conflict, and how many of them submitted. */
export function scoringProgress(seats: readonly Seat[]) {
  const expected = seats.filter((seat) => !seat.conflicted);
  const submitted = expected.filter((seat) => seat.assessment?.status === "SUBMITTED");
  return {
    expectedCount: expected.length,
    scoredCount: submitted.length,
    submittedScores: submitted.map((seat) => seat.assessment!.weightedScore!),
    complete: expected.length > 0 && submitted.length === expected.length,
  };
}

/** A proposal with its round and everything its panel did, for one assessor or officer. */
export async function loadProposalPanel(db: Reader, proposalId: string) {
  const proposal = await db.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      ...proposalInclude,
      partnership: { select: { slug: true } },
      round: { include: roundInclude },
    },
  });
  const round = proposal.round;
  const panel = round ? panelOf(round) : [];
  const names = await organisationNames(db, panel, [proposal]);
  const seats = round ? seatsFor(panel, proposal, names) : [];
  return { proposal, round, panel, names, seats };
}

/** The name of an organisation, or a neutral stand-in. */
export function organisationName(names: Readonly<Record<string, string>>, id: string | null): string | null {
  return id ? (names[id] ?? null) : null;
}
