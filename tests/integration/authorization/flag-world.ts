import type { Database } from "@/server/db/client";
import type { Fixture } from "./fixture";
import { freshWorld } from "./world";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * The matrix's world plus the states some `viewer.can*` flags need before only the policy
 * decides them: a sub-group no persona is in (joining), a project with its evaluation in
 * (deciding), an event under way (logging connections), a submitted proposal in an open round
 * (taking it back to draft), and two more runs of A's reflection: one nobody has answered
 * (answering) and one closed early (seeing results).
 */
export async function buildFlagWorld(db: Database) {
  const f: Fixture = await freshWorld(db);
  const { people, partnership } = f;

  // Sub-group C: open to join; only `spare` is in it and `requester` has asked to join.
  const subGroupC = await db.subGroup.create({
    data: {
      partnershipId: partnership.id,
      priorityAreaId: f.priorityArea.id,
      name: "Carers C",
      purpose: "Test a carers' emergency plan",
      joinPolicy: "OPEN",
    },
  });
  await db.subGroupMembership.create({ data: { subGroupId: subGroupC.id, userId: people.spare.id, role: "MEMBER" } });
  const joinRequestC = await db.joinRequest.create({
    data: { subGroupId: subGroupC.id, userId: people.requester.id, message: "Can I help?" },
  });

  // The demoted lead's project has ended and been evaluated: it waits for a decision.
  await db.projectEvaluation.create({
    data: {
      projectId: f.demotedProject.id,
      authorId: people.demotedLead.id,
      costPence: 45_000,
      whatWorked: "Sitters carers already knew",
      whatDidNot: "Late evenings",
      recommendation: "SUSTAIN",
    },
  });
  await db.fundedProject.update({ where: { id: f.demotedProject.id }, data: { status: "EVALUATING" } });

  // A breakfast under way now, with `member`, `subGroupLead`, the demoted lead and `spare` there.
  const startedEvent = await db.event.create({
    data: {
      partnershipId: partnership.id,
      kind: "NETWORKING_BREAKFAST",
      title: "Breakfast under way",
      startsAt: new Date(Date.now() - HOUR),
      endsAt: new Date(Date.now() + HOUR),
      venueName: "Town hall",
      createdById: people.officer.id,
      rsvps: {
        create: [people.member, people.subGroupLead, people.demotedLead, people.spare].map((person) => ({
          userId: person.id,
          status: "GOING" as const,
        })),
      },
    },
  });

  // An open round that lets authors take a submitted proposal back, and one such proposal.
  const openRound = await db.fundingRound.create({
    data: {
      fundId: f.fund.id,
      title: "Round 3",
      guidance: "Guidance",
      eligibility: "Cross-sector partnerships",
      criteria: [{ name: "Partnership", weight: 100 }],
      status: "OPEN",
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      minAwardPence: 1_000,
      maxAwardPence: 500_000,
      allowsChangesAfterSubmission: true,
    },
  });
  const submittedProposal = await db.proposal.create({
    data: {
      partnershipId: partnership.id,
      subGroupId: f.subGroupA.id,
      roundId: openRound.id,
      title: "Carers' morning test",
      requestedPence: 100_000,
      leadOrganisationId: f.organisations.voluntary.id,
      partnerOrganisationIds: [f.organisations.voluntary.id],
      status: "SUBMITTED",
      submittedAt: new Date(),
      createdById: people.member.id,
      authors: {
        create: [
          { userId: people.member.id, role: "LEAD" },
          { userId: people.spare.id, role: "CO_AUTHOR", addedById: people.member.id },
          { userId: people.demotedLead.id, role: "CO_AUTHOR", addedById: people.member.id },
        ],
      },
    },
  });

  // Two more runs of A's reflection by its lead: one nobody has answered, one closed early
  // (which `member` answered before it closed).
  const run = (title: string, closedEarlyAt: Date | null) =>
    db.survey.create({
      data: {
        partnershipId: partnership.id,
        questionSetId: f.questionSet.id,
        subGroupId: f.subGroupA.id,
        title,
        anonymity: "NAMED",
        closesAt: new Date(Date.now() + 7 * DAY),
        closedEarlyAt,
        createdById: people.subGroupLead.id,
      },
    });
  const unansweredSurvey = await run("Sub-group A check-in", null);
  const closedSurvey = await run("Sub-group A look back", new Date(Date.now() - HOUR));
  await db.surveyParticipant.create({ data: { surveyId: closedSurvey.id, userId: people.member.id } });
  await db.surveyResponse.create({
    data: {
      surveyId: closedSurvey.id,
      respondentId: people.member.id,
      submittedOn: new Date(Date.now() - 2 * HOUR),
      answers: { create: [{ questionId: f.questionSet.questions[1]!.id, score: 3 }] },
    },
  });

  return { ...f, subGroupC, joinRequestC, startedEvent, openRound, submittedProposal, unansweredSurvey, closedSurvey };
}

export type FlagWorld = Awaited<ReturnType<typeof buildFlagWorld>>;
