import type { Prisma } from "../../server/db/generated/client";
import type { SectionContent, ProposalSectionKey } from "../../lib/schemas/proposals";
import { DEMO_PROPOSALS, DEMO_PROPOSALS_FUND, type DemoProposal } from "./demo-data";

type Tx = Prisma.TransactionClient;

type Lookups = {
  partnershipId: string;
  userId: (email: string) => string;
  userName: (email: string) => string;
  organisationId: (key: string) => string;
  subGroupId: (name: string) => string;
  now: Date;
};

const DAY = 24 * 3600 * 1000;

function sectionsOf(proposal: DemoProposal, lookups: Lookups, now: Date): Partial<SectionContent> {
  const sections: Partial<SectionContent> = {
    title: { text: proposal.title },
    summary: { text: proposal.summary },
    need: { text: proposal.need },
    partners: {
      leadOrganisationId: lookups.organisationId(proposal.leadOrganisation),
      organisationIds: proposal.partnerOrganisations.map(lookups.organisationId),
    },
    budget: {
      lines: proposal.budget.map((line, index) => ({
        id: `line-${index + 1}`,
        item: line.item,
        amountPence: line.pence,
        organisationId: lookups.organisationId(line.organisation),
      })),
    },
  };
  if (proposal.hypothesis) sections.hypothesis = { text: proposal.hypothesis };
  if (proposal.measures.length > 0) {
    sections.measures = { items: proposal.measures.map((measure, index) => ({ id: `measure-${index + 1}`, ...measure })) };
  }
  if (proposal.activities.length > 0) {
    sections.activities = {
      items: proposal.activities.map((activity, index) => ({
        id: `activity-${index + 1}`,
        activity: activity.activity,
        by: new Date(now.getTime() + activity.byDays * DAY).toISOString().slice(0, 10),
      })),
    };
  }
  if (proposal.months !== null) sections.duration = { months: proposal.months };
  if (proposal.sustainability) sections.sustainability = { text: proposal.sustainability };
  if (proposal.risks) sections.risks = { text: proposal.risks };
  return sections;
}

/**
 * The proposals story: a second fund whose winter round has closed and is being scored,
 * and whose spring round is open with a submitted proposal and one being co-written.
 * Rows are written the way the application writes them: sections with versions, one
 * revision per save, timeline events, and weighted scores on submitted assessments.
 */
export async function seedDemoProposals(tx: Tx, lookups: Lookups) {
  const { now } = lookups;
  const officerId = lookups.userId(DEMO_PROPOSALS_FUND.officer);
  const fund = await tx.fund.create({
    data: {
      partnershipId: lookups.partnershipId,
      name: DEMO_PROPOSALS_FUND.name,
      source: DEMO_PROPOSALS_FUND.source,
      financialYear: DEMO_PROPOSALS_FUND.financialYear,
      totalPence: DEMO_PROPOSALS_FUND.totalPence,
      createdById: officerId,
    },
  });
  const criteria = DEMO_PROPOSALS_FUND.criteria;
  const roundIds = {} as Record<DemoProposal["round"], string>;
  for (const [key, round] of Object.entries(DEMO_PROPOSALS_FUND.rounds) as [DemoProposal["round"], (typeof DEMO_PROPOSALS_FUND.rounds)["winter"]][]) {
    const created = await tx.fundingRound.create({
      data: {
        fundId: fund.id,
        title: round.title,
        guidance: round.guidance,
        eligibility: round.eligibility,
        requiredPartnerSectors: round.requiredPartnerSectors,
        criteria,
        opensAt: new Date(now.getTime() + round.opensDaysFromSeed * DAY),
        closesAt: new Date(now.getTime() + round.closesDaysFromSeed * DAY),
        minAwardPence: round.minAwardPence,
        maxAwardPence: round.maxAwardPence,
        status: round.status,
      },
    });
    roundIds[key] = created.id;
  }
  for (const email of DEMO_PROPOSALS_FUND.panel) {
    await tx.roundAssessor.create({
      data: { roundId: roundIds.winter, userId: lookups.userId(email), appointedById: officerId, appointedAt: new Date(now.getTime() - 6 * DAY) },
    });
  }

  for (const demo of DEMO_PROPOSALS) {
    const round = DEMO_PROPOSALS_FUND.rounds[demo.round];
    const startedAt = new Date(now.getTime() + (round.opensDaysFromSeed + 1) * DAY);
    const leadId = lookups.userId(demo.lead);
    const sections = sectionsOf(demo, lookups, now);
    const requestedPence = demo.budget.reduce((sum, line) => sum + line.pence, 0);
    const submitted = demo.status !== "DRAFT";
    const submittedAt = submitted ? new Date(Math.min(now.getTime() - DAY, now.getTime() + (round.closesDaysFromSeed - 2) * DAY)) : null;
    const entries = Object.entries(sections) as [ProposalSectionKey, SectionContent[ProposalSectionKey]][];
    const proposal = await tx.proposal.create({
      data: {
        partnershipId: lookups.partnershipId,
        subGroupId: lookups.subGroupId(demo.subGroup),
        roundId: roundIds[demo.round],
        title: demo.title,
        requestedPence,
        leadOrganisationId: lookups.organisationId(demo.leadOrganisation),
        partnerOrganisationIds: demo.partnerOrganisations.map(lookups.organisationId),
        status: demo.status,
        revision: entries.length,
        submittedAt,
        createdById: leadId,
        createdAt: startedAt,
        authors: {
          create: [
            { userId: leadId, role: "LEAD", joinedAt: startedAt },
            ...demo.coAuthors.map((email) => ({ userId: lookups.userId(email), role: "CO_AUTHOR" as const, addedById: leadId, joinedAt: startedAt })),
          ],
        },
      },
    });
    // Sections alternate between the authors, as co-writing does.
    const writers = [leadId, ...demo.coAuthors.map(lookups.userId)];
    for (const [index, [key, content]] of entries.entries()) {
      const authorId = writers[index % writers.length]!;
      const savedAt = new Date(startedAt.getTime() + (index + 1) * 3600 * 1000);
      await tx.proposalSection.create({
        data: { proposalId: proposal.id, key, content: content as Prisma.InputJsonValue, version: 1, updatedById: authorId, updatedAt: savedAt },
      });
      await tx.proposalRevision.create({
        data: { proposalId: proposal.id, number: index + 1, sectionKey: key, sectionVersion: 1, content: content as Prisma.InputJsonValue, authorId, createdAt: savedAt },
      });
    }
    const events: { kind: "CREATED" | "CO_AUTHOR_JOINED" | "SUBMITTED" | "ASSESSMENT_STARTED" | "ASSESSED"; actorId: string | null; summary: string; at: Date }[] = [
      { kind: "CREATED", actorId: leadId, summary: `${lookups.userName(demo.lead)} started the proposal`, at: startedAt },
      ...demo.coAuthors.map((email) => ({
        kind: "CO_AUTHOR_JOINED" as const,
        actorId: leadId,
        summary: `${lookups.userName(email)} joined as a co-author`,
        at: new Date(startedAt.getTime() + 60_000),
      })),
    ];
    if (submittedAt) events.push({ kind: "SUBMITTED", actorId: leadId, summary: `Submitted to ${round.title}`, at: submittedAt });
    if (demo.status === "UNDER_ASSESSMENT") {
      events.push({ kind: "ASSESSMENT_STARTED", actorId: officerId, summary: "Assessment started", at: new Date(now.getTime() - 4 * DAY) });
    }
    const panelSize = DEMO_PROPOSALS_FUND.panel.length;
    let submittedScores = 0;
    for (const score of demo.scores ?? []) {
      const scores = criteria.map((criterion, index) => ({ criterion: criterion.name, score: score.scores[index] ?? 0, comment: "" }));
      const weightedScore = Math.round(criteria.reduce((sum, criterion, index) => sum + criterion.weight * (score.scores[index] ?? 0) * 100, 0) / 5);
      const at = new Date(now.getTime() - (3 - submittedScores) * DAY);
      await tx.assessment.create({
        data: {
          proposalId: proposal.id,
          assessorId: lookups.userId(score.assessor),
          status: score.submitted ? "SUBMITTED" : "DRAFT",
          scores,
          comment: score.comment || null,
          weightedScore: score.submitted ? weightedScore : null,
          submittedAt: score.submitted ? at : null,
        },
      });
      if (score.submitted) {
        submittedScores += 1;
        events.push({ kind: "ASSESSED", actorId: null, summary: `An assessor submitted their scores (${submittedScores} of ${panelSize})`, at });
      }
    }
    await tx.proposalEvent.createMany({
      data: events.map((event) => ({ proposalId: proposal.id, kind: event.kind, actorId: event.actorId, summary: event.summary, createdAt: event.at })),
    });
  }
  return { fundId: fund.id, roundIds };
}
