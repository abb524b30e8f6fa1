import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { MembershipRole, Sector } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { effectiveRoundStatus } from "@/server/domain/funding/rounds";
import { displayName } from "@/server/domain/partnerships/administration";
import { notify } from "@/server/domain/notifications/notify";
import { proposalTransition } from "@/server/domain/proposals/lifecycle";
import { AppError, notFound } from "@/server/errors";

/** Officers choose a round's assessment panel and start the assessment once the round closes. */

async function loadRound(db: Database, partnershipId: string, roundId: string) {
  const round = await db.fundingRound.findFirst({
    where: { id: roundId, fund: { partnershipId } },
    select: { id: true, title: true, status: true, closesAt: true, fund: { select: { partnership: { select: { slug: true } } } } },
  });
  if (!round) throw notFound("That funding round");
  return round;
}

export type PanelCandidate = {
  userId: string;
  name: string;
  organisationName: string | null;
  sector: Sector | null;
  role: MembershipRole;
};

/** Members of the partnership who take part (observers do not score) and are not on the round's panel yet, by name. */
export async function panelCandidates(db: Database, partnershipId: string, roundId: string): Promise<PanelCandidate[]> {
  const round = await loadRound(db, partnershipId, roundId);
  const members = await db.membership.findMany({
    where: { partnershipId, role: { not: "OBSERVER" }, user: { assessorOf: { none: { roundId: round.id } } } },
    select: {
      role: true,
      user: { select: { id: true, name: true, email: true, organisation: { select: { name: true, sector: true } } } },
    },
    orderBy: { user: { name: "asc" } },
  });
  return members.map((member) => ({
    userId: member.user.id,
    name: displayName(member.user),
    organisationName: member.user.organisation?.name ?? null,
    sector: member.user.organisation?.sector ?? null,
    role: member.role,
  }));
}

export type PanelChange = { roundId: string; userId: string };

/** Puts a member of the partnership on the round's panel, and tells them. */
export async function appointAssessor(db: Database, actor: Actor, partnershipId: string, input: PanelChange): Promise<PanelChange> {
  const round = await loadRound(db, partnershipId, input.roundId);
  if (effectiveRoundStatus(round) === "DECIDED") {
    throw new AppError("CONFLICT", `Decisions for "${round.title}" are final, so its panel can no longer change.`);
  }
  const membership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId, userId: input.userId } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) throw notFound("That person");
  const person = { id: membership.user.id, name: displayName(membership.user) };
  if (membership.role === "OBSERVER") {
    throw new AppError("BAD_REQUEST", `${person.name} observes this partnership, so cannot sit on a panel. Change their role first.`, {
      userId: ["Choose someone taking part in this partnership"],
    });
  }
  const duplicate = new AppError("CONFLICT", `${person.name} is already on the panel for "${round.title}".`);
  const existing = await db.roundAssessor.count({ where: { roundId: round.id, userId: person.id } });
  if (existing > 0) throw duplicate;

  try {
    await db.$transaction(async (tx) => {
      await tx.roundAssessor.create({ data: { roundId: round.id, userId: person.id, appointedById: actor.userId } });
      await notify(tx, {
        userIds: [person.id],
        actorId: actor.userId,
        partnershipId,
        kind: "ASSESSOR_APPOINTED",
        title: `You are on the assessment panel for "${round.title}"`,
        body: "You will be asked to score the proposals submitted to this round.",
        linkPath: paths.assessments(round.fund.partnership.slug),
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "assessment.assessor_appointed",
        subjectType: "FundingRound",
        subjectId: round.id,
        summary: `Appointed ${person.name} to the assessment panel for "${round.title}"`,
      });
    });
  } catch (error) {
    // Two officers appointing the same person at once: the second finds them already there.
    if (isUniqueViolation(error)) throw duplicate;
    throw error;
  }
  return { roundId: round.id, userId: person.id };
}

/** Takes someone off the panel, unless they have already submitted scores in the round. */
export async function removeAssessor(db: Database, actor: Actor, partnershipId: string, input: PanelChange): Promise<PanelChange> {
  const round = await loadRound(db, partnershipId, input.roundId);
  const seat = await db.roundAssessor.findUnique({
    where: { roundId_userId: { roundId: round.id, userId: input.userId } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!seat) throw notFound("That panel member");
  const person = { id: seat.user.id, name: displayName(seat.user) };
  const submitted = await db.assessment.count({
    where: { assessorId: person.id, status: "SUBMITTED", proposal: { roundId: round.id } },
  });
  if (submitted > 0) {
    throw new AppError(
      "CONFLICT",
      `${person.name} has already submitted scores in "${round.title}", so they stay on the panel: their scores count.`,
    );
  }
  await db.$transaction(async (tx) => {
    // Their unfinished drafts go with them.
    await tx.assessment.deleteMany({ where: { assessorId: person.id, status: "DRAFT", proposal: { roundId: round.id } } });
    await tx.roundAssessor.delete({ where: { roundId_userId: { roundId: round.id, userId: person.id } } });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "assessment.assessor_removed",
      subjectType: "FundingRound",
      subjectId: round.id,
      summary: `Removed ${person.name} from the assessment panel for "${round.title}"`,
    });
  });
  return { roundId: round.id, userId: person.id };
}

/** Moves every proposal submitted to a closed round into assessment. */
export async function startAssessment(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { roundId: string },
): Promise<{ started: number }> {
  const round = await loadRound(db, partnershipId, input.roundId);
  const status = effectiveRoundStatus(round);
  if (status === "DRAFT") throw new AppError("CONFLICT", `"${round.title}" has not opened yet, so there is nothing to assess.`);
  if (status === "OPEN") {
    throw new AppError("CONFLICT", `Close the round first: it is open until ${formatDateTime(round.closesAt)}.`);
  }
  if (status === "DECIDED") throw new AppError("CONFLICT", `Decisions for "${round.title}" are final.`);

  return db.$transaction(async (tx) => {
    // Lock the submitted proposals so none is taken back to draft or withdrawn meanwhile.
    const proposals = await tx.$queryRaw<{ id: string; status: "SUBMITTED" }[]>`
      SELECT "id", "status"::text AS "status" FROM "Proposal"
      WHERE "roundId" = ${round.id} AND "status" = 'SUBMITTED'
      ORDER BY "id" FOR UPDATE`;
    for (const proposal of proposals) {
      const next = proposalTransition(proposal.status, "START_ASSESSMENT");
      await tx.proposal.update({ where: { id: proposal.id }, data: { status: next } });
      await tx.proposalEvent.create({
        data: {
          proposalId: proposal.id,
          kind: "ASSESSMENT_STARTED",
          actorId: actor.userId,
          summary: "Assessment started: the panel is now scoring this proposal.",
        },
      });
    }
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "assessment.started",
      subjectType: "FundingRound",
      subjectId: round.id,
      summary: `Started the assessment of ${proposals.length} proposal${proposals.length === 1 ? "" : "s"} in "${round.title}"`,
    });
    return { started: proposals.length };
  });
}
