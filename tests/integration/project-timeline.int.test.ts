import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { approvedProposal, daysAgo, daysFromNow, fundedProject, fundWorld, grantAward, isoDay, subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

/**
 * A proposal by Lena (lead author) and Colin (co-author), started, submitted and approved
 * weeks ago, then awarded £5,000 in two payments.
 */
async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", organisation: "voluntary", role: "OFFICER" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      colin: { name: "Colin Coauthor", organisation: "voluntary" },
      dev: { name: "Dev Bystander", organisation: "voluntary" },
    },
    organisations: { public: { linked: false } },
  });
  const { people } = w;
  const { fund, round } = await fundWorld(w, {
    by: people.officer,
    round: { guidance: "g", eligibility: "e", opensAt: daysAgo(70), closesAt: daysAgo(30), status: "DECIDED" },
  });
  const proposal = await approvedProposal(w, {
    round,
    lead: people.lena,
    coAuthors: [people.colin],
    requestedPence: 500_000,
    submittedAt: daysAgo(40),
    sections: {
      measures: { items: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }] },
      budget: { lines: [{ id: "b1", item: "Pharmacy time", amountPence: 500_000, organisationId: null }] },
    },
  });
  // Its history as the app recorded it at the time.
  await db.proposalEvent.createMany({
    data: [
      { kind: "CREATED" as const, actor: people.lena, summary: "Lena Lead started the proposal “Pharmacy check-ins”", daysAgo: 60 },
      { kind: "SUBMITTED" as const, actor: people.lena, summary: "Lena Lead submitted the proposal", daysAgo: 40 },
      { kind: "APPROVED" as const, actor: people.officer, summary: "Fiona Officer approved the proposal", daysAgo: 20 },
    ].map((event) => ({
      proposalId: proposal.id,
      kind: event.kind,
      actorId: event.actor.userId,
      summary: event.summary,
      createdAt: daysAgo(event.daysAgo),
    })),
  });
  const award = await grantAward(w, {
    by: people.officer,
    fund,
    proposal,
    recipientOrganisationId: w.organisations.voluntary.id,
    amountPence: 500_000,
    tranches: [
      { amountPence: 250_000, dueOn: new Date() },
      { amountPence: 250_000, dueOn: daysFromNow(90) },
    ],
  });
  return { ...w, fund, proposal, award };
}

describe("a funded project's timeline", () => {
  it("runs from the proposal's history through set-up, reporting and payment to the evaluation and the decision", async () => {
    const { db } = database;
    const w = await world(db);
    const officer = w.api(w.people.officer);
    const lena = w.api(w.people.lena);

    // A test that ran for six months and ended ten days ago.
    const { id: projectId } = await fundedProject(w, {
      by: w.people.officer,
      award: w.award,
      startsOn: isoDay(-200),
      endsOn: isoDay(-10),
      reportingFrequency: "QUARTERLY",
    });
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    const draft = await lena.project.saveUpdate({
      projectId,
      periodId: period1.id,
      rag: "GREEN",
      percentComplete: 50,
      narrative: "Six pharmacies asking about caring.",
      spend: [{ budgetLineId: "b1", spentPence: 200_000 }],
      measureValues: [{ measureId: "m1", value: 30 }],
      milestoneChanges: [],
      risks: "",
      learning: "",
    });
    const submitted = await lena.project.submitUpdate({ updateId: draft.id });
    await officer.project.reviewUpdate({ updateId: draft.id, outcome: "ACCEPT", note: "" });
    const tranche1 = w.award.tranches.find((tranche) => tranche.sequence === 1)!;
    await officer.funding.payTranche({
      awardId: w.award.id,
      trancheId: tranche1.id,
      paidOn: new Date(),
      reference: "BACS-1",
      idempotencyKey: randomUUID(),
    });
    await lena.project.submitEvaluation({
      projectId,
      measureResults: [{ measureId: "m1", value: 64 }],
      costPence: 480_000,
      whatWorked: "Pharmacists asking at the counter found carers nobody knew.",
      whatDidNot: "Weekend staff were not trained.",
      recommendation: "SCALE_UP",
    });
    await officer.project.decide({
      projectId,
      outcome: "SCALE_UP",
      reasons: "Referrals rose sixteen-fold.",
      nextStep: "Put to the IJB for recurring funding in 2022/23.",
    });

    const timeline = await officer.project.timeline({ projectId });
    expect(timeline.map((entry) => entry.summary)).toEqual([
      "Lena Lead started the proposal “Pharmacy check-ins”",
      "Lena Lead submitted the proposal",
      "Fiona Officer approved the proposal",
      "Awarded £5,000.00",
      "Set up as a funded project",
      `Posted the period 1 update${submitted.late ? " (late)" : ""}`,
      "Accepted the period 1 update",
      "Paid £2,500.00 (payment 1)",
      "Evaluated the test: recommends Scale up",
      "Decided: Scale up — Referrals rose sixteen-fold.",
    ]);
    const times = timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline.map((entry) => entry.actor?.name ?? null)).toEqual([
      "Lena Lead",
      "Lena Lead",
      "Fiona Officer",
      "Fiona Officer",
      "Fiona Officer",
      "Lena Lead",
      "Fiona Officer",
      "Fiona Officer",
      "Lena Lead",
      "Fiona Officer",
    ]);
    const projectPage = `/p/${w.partnership.slug}/projects/${projectId}`;
    expect(timeline.find((entry) => entry.kind === "UPDATE_ACCEPTED")!.link).toBe(`${projectPage}#update-${draft.id}`);
    expect(timeline.find((entry) => entry.kind === "DECIDED")!.link).toBe(`${projectPage}#decision-heading`);

    // The team sees the same history; someone outside the project and its steering group does not.
    expect((await w.api(w.people.colin).project.timeline({ projectId })).map((entry) => entry.id)).toEqual(timeline.map((entry) => entry.id));
    await expectFailure(w.api(w.people.dev).project.timeline({ projectId }), "FORBIDDEN");
  });

  it("shows only the set-up and the money for a project awarded without a proposal", async () => {
    const { db } = database;
    const w = await world(db);
    const award = await grantAward(w, {
      by: w.people.officer,
      fund: w.fund,
      projectName: "Direct award",
      recipientName: "Someone",
      amountPence: 10_000,
      tranches: [{ amountPence: 10_000, dueOn: new Date() }],
    });
    const { id: projectId } = await fundedProject(w, {
      by: w.people.officer,
      award,
      startsOn: isoDay(-10),
      endsOn: isoDay(80),
      reportingFrequency: "QUARTERLY",
      leadUserId: w.people.dev.userId,
    });
    const timeline = await w.api(w.people.dev).project.timeline({ projectId });
    expect(timeline.map((entry) => [entry.kind, entry.summary])).toEqual([
      ["FUNDS_AWARDED", "Awarded £100.00"],
      ["SET_UP", "Set up as a funded project"],
    ]);
    expect(await db.proposalEvent.count({ where: { proposalId: w.proposal.id } })).toBe(3);
  });
});
