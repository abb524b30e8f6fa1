import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { expectFailure, fieldErrorsOf } from "./support/expect";
import { approvedProposal, daysAgo, daysFromNow, fundedProject, fundWorld, grantAward, isoDay, subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

/**
 * An approved proposal by Lena (carers' charity, lead author) and Colin (the council,
 * co-author) that asked for £6,500 and was awarded £5,000 in two payments.
 */
async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", organisation: "public", role: "OFFICER" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      colin: { name: "Colin Coauthor", organisation: "public" },
      dev: { name: "Dev Bystander" },
      stranger: { name: "Other Officer", role: null, elsewhere: "OFFICER" },
    },
    organisations: { public: { name: "Council" } },
  });
  const { people } = w;
  const { fund, round } = await fundWorld(w, {
    by: people.officer,
    round: { guidance: "g", eligibility: "e", opensAt: daysAgo(60), closesAt: daysAgo(30), status: "DECIDED" },
  });
  const proposal = await approvedProposal(w, {
    round,
    lead: people.lena,
    coAuthors: [people.colin],
    requestedPence: 650_000,
    submittedAt: daysAgo(40),
    sections: {
      measures: { items: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }] },
      activities: {
        items: [
          { id: "a1", activity: "Train pharmacy staff", by: isoDay(-60) },
          { id: "a2", activity: "Review with the sub-group", by: null },
        ],
      },
      budget: {
        lines: [
          { id: "b1", item: "Pharmacy time", amountPence: 400_000, organisationId: null },
          { id: "b2", item: "Support worker", amountPence: 250_000, organisationId: w.organisations.voluntary.id },
        ],
      },
    },
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
  return { ...w, fund, proposal, award, carers: w.organisations.voluntary };
}

type World = Awaited<ReturnType<typeof world>>;

/** Sets the project up: began 100 days ago, runs 8 months, monthly reports; payment 2 waits for period 1's update. */
async function setUp(w: World) {
  const tranche2 = w.award.tranches.find((tranche) => tranche.sequence === 2)!;
  const { id } = await fundedProject(w, {
    by: w.people.officer,
    award: w.award,
    startsOn: isoDay(-100),
    endsOn: isoDay(140),
    reportingFrequency: "MONTHLY",
    tiedTranches: [{ trancheId: tranche2.id, periodSequence: 1 }],
  });
  return { projectId: id, tranche2 };
}

function draftInput(projectId: string, periodId: string, overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    periodId,
    rag: "GREEN" as const,
    percentComplete: 20,
    narrative: "Six pharmacies asking about caring.",
    spend: [
      { budgetLineId: "b1", spentPence: 100_000 },
      { budgetLineId: "b2", spentPence: 50_000 },
    ],
    measureValues: [{ measureId: "m1", value: 12 }],
    milestoneChanges: [],
    risks: "",
    learning: "Pharmacists need a script.",
    ...overrides,
  };
}

describe("setting up a funded project from an award", () => {
  it("carries the proposal over: team, measures, milestones, the budget shared to the award, and the reporting periods", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const view = await w.api(w.people.lena).project.get({ projectId });

    expect(view.name).toBe("Pharmacy check-ins");
    expect(view.status).toBe("ACTIVE");
    expect(view.team.map((member) => [member.name, member.role])).toEqual([
      ["Lena Lead", "LEAD"],
      ["Colin Coauthor", "MEMBER"],
    ]);
    expect(view.measures).toEqual([
      { id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60, latest: null },
    ]);
    expect(view.milestones.map((milestone) => [milestone.title, milestone.state])).toEqual([
      ["Train pharmacy staff", "PLANNED"],
      ["Review with the sub-group", "PLANNED"],
    ]);
    expect(view.milestones[0]!.overdue).toBe(true);
    // £6,500 asked, £5,000 awarded: the lines are shared in proportion and add up to the award.
    expect(view.budget.lines.map((line) => [line.id, line.awardedPence])).toEqual([
      ["b1", 307_692],
      ["b2", 192_308],
    ]);
    expect(view.budget.totalAwardedPence).toBe(500_000);
    expect(view.periods).toHaveLength(8);
    expect(view.periods[0]!.state).toBe("OVERDUE");
    expect(view.award.tranches[1]!.waitsFor).toEqual({ periodSequence: 1, accepted: false });
    expect(view.viewer).toMatchObject({ isTeam: true, isLead: true, canPostUpdate: true, canReview: false });
    expect(view.overdueCount).toBeGreaterThanOrEqual(2);

    const told = await db.notification.findMany({ where: { kind: "PROJECT_SET_UP" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.lena.userId, w.people.colin.userId].sort());
  });

  it("is for officers only, once per award, with dates in order", async () => {
    const { db } = database;
    const w = await world(db);
    await expectFailure(
      w.api(w.people.lena).project.setUp({ awardId: w.award.id, startsOn: isoDay(0), endsOn: isoDay(90), reportingFrequency: "QUARTERLY" }),
      "FORBIDDEN",
    );
    const backwards = await expectFailure(
      w.api(w.people.officer).project.setUp({ awardId: w.award.id, startsOn: isoDay(90), endsOn: isoDay(0), reportingFrequency: "QUARTERLY" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(backwards)).toMatchObject({ endsOn: ["The end date must be after the start date"] });
    await setUp(w);
    await expectFailure(
      w.api(w.people.officer).project.setUp({ awardId: w.award.id, startsOn: isoDay(0), endsOn: isoDay(90), reportingFrequency: "QUARTERLY" }),
      "CONFLICT",
      '"Pharmacy check-ins" has already been set up as a project.',
    );
    expect(await db.fundedProject.count({ where: { awardId: w.award.id } })).toBe(1);
  });
});

describe("progress updates", () => {
  it("only the lead and team post updates; only officers review them; others cannot even read the project", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period1 = (await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } })).id;

    const draft = await w.api(w.people.colin).project.saveUpdate(draftInput(projectId, period1));
    await expectFailure(w.api(w.people.officer).project.saveUpdate(draftInput(projectId, period1)), "FORBIDDEN");
    await expectFailure(w.api(w.people.dev).project.get({ projectId }), "FORBIDDEN");
    await expectFailure(w.api(w.people.dev).project.submitUpdate({ updateId: draft.id }), "FORBIDDEN");

    await w.api(w.people.colin).project.submitUpdate({ updateId: draft.id });
    await expectFailure(w.api(w.people.lena).project.reviewUpdate({ updateId: draft.id, outcome: "ACCEPT", note: "" }), "FORBIDDEN");

    // A removed team member loses access at once.
    await db.projectTeamMember.delete({ where: { projectId_userId: { projectId, userId: w.people.colin.userId } } });
    await expectFailure(w.api(w.people.colin).project.get({ projectId }), "FORBIDDEN");

    // Someone from another partnership cannot tell it exists.
    await expectFailure(w.api(w.people.stranger).project.get({ projectId }), "NOT_FOUND");
  });

  it("flags a late update, and keeps submitted updates as history", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    const lena = w.api(w.people.lena);

    const draft = await lena.project.saveUpdate(draftInput(projectId, period1.id));
    const submitted = await lena.project.submitUpdate({ updateId: draft.id });
    // Period 1 ended about 70 days ago and was due 14 days after: this update is late.
    expect(submitted).toMatchObject({ late: true, overLines: [] });
    const view = await lena.project.get({ projectId });
    expect(view.periods[0]!.state).toBe("SUBMITTED_LATE");
    expect(view.latest).toMatchObject({ rag: "GREEN", percentComplete: 20 });
    expect(view.measures[0]!.latest).toBe(12);
    expect(view.budget.totalSpentPence).toBe(150_000);

    await expectFailure(
      lena.project.saveUpdate(draftInput(projectId, period1.id, { updateId: draft.id, narrative: "Rewritten" })),
      "CONFLICT",
    );
    await expect(db.$executeRaw`UPDATE "ProgressUpdate" SET "narrative" = 'Rewritten' WHERE "id" = ${draft.id}`).rejects.toThrow(
      /submitted progress update cannot be changed/,
    );
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).narrative).toBe("Six pharmacies asking about caring.");

    // A second update for the same period waits its turn.
    const second = await lena.project.saveUpdate(draftInput(projectId, period1.id));
    await expectFailure(
      lena.project.submitUpdate({ updateId: second.id }),
      "CONFLICT",
      "An update for period 1 is already waiting for an officer. Your draft is saved.",
    );
  });

  it("refuses bad input with clear messages and loses nothing: percentages, measure values, spend above the award", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period2 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 2 } });
    const lena = w.api(w.people.lena);

    const percent = await expectFailure(
      lena.project.saveUpdate(draftInput(projectId, period2.id, { percentComplete: 120 })),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(percent)).toMatchObject({ percentComplete: ["Enter a percentage from 0 to 100"] });
    const wrongType = await expectFailure(
      lena.project.saveUpdate(draftInput(projectId, period2.id, { measureValues: [{ measureId: "m1", value: "lots" }] })),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(wrongType)).toMatchObject({ "measureValues.0.value": ["Enter a number"] });
    await expectFailure(
      lena.project.saveUpdate(draftInput(projectId, period2.id, { spend: [{ budgetLineId: "nope", spentPence: 1 }] })),
      "BAD_REQUEST",
    );
    expect(await db.progressUpdate.count({ where: { projectId } })).toBe(0);

    // Half-written: kept as a draft. Spend above the award: refused on submission, draft kept.
    const overspent = draftInput(projectId, period2.id, {
      rag: null,
      spend: [
        { budgetLineId: "b1", spentPence: 400_000 },
        { budgetLineId: "b2", spentPence: 150_000 },
      ],
    });
    const draft = await lena.project.saveUpdate(overspent);
    const refused = await expectFailure(
      lena.project.submitUpdate({ updateId: draft.id }),
      "BAD_REQUEST",
      "This update is not ready to submit. Your draft is saved.",
    );
    expect(fieldErrorsOf(refused)).toMatchObject({
      rag: ["Choose red, amber or green"],
      spend: ["Spend to date adds up to £5,500.00, more than the award of £5,000.00. Check the amounts."],
    });
    const kept = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } });
    expect(kept).toMatchObject({ status: "DRAFT", narrative: "Six pharmacies asking about caring.", percentComplete: 20 });

    // One line over its share is allowed, but only with a reason for it.
    await lena.project.saveUpdate({
      ...overspent,
      updateId: draft.id,
      rag: "AMBER",
      spend: [
        { budgetLineId: "b1", spentPence: 100_000 },
        { budgetLineId: "b2", spentPence: 200_000 },
      ],
    });
    const unexplained = await expectFailure(
      lena.project.submitUpdate({ updateId: draft.id }),
      "BAD_REQUEST",
      "This update is not ready to submit. Your draft is saved.",
    );
    expect(fieldErrorsOf(unexplained)).toEqual({
      "spend.1.overspendReason": ['Say why "Support worker" is over budget: £2,000.00 spent of £1,923.08 awarded'],
    });
    await lena.project.saveUpdate({
      ...overspent,
      updateId: draft.id,
      rag: "AMBER",
      spend: [
        { budgetLineId: "b1", spentPence: 100_000 },
        { budgetLineId: "b2", spentPence: 200_000, overspendReason: "The worker's hours went up for the winter rush." },
      ],
    });
    expect(await lena.project.submitUpdate({ updateId: draft.id })).toMatchObject({ overLines: ["b2"] });
    const view = await w.api(w.people.officer).project.get({ projectId });
    expect(view.budget.overLines).toEqual(["b2"]);
    expect(view.budget.lines.find((line) => line.id === "b2")).toMatchObject({
      over: true,
      overspendReason: "The worker's hours went up for the winter rush.",
    });
    const submitted = view.updates.find((update) => update.id === draft.id);
    expect(submitted?.spend).toContainEqual({
      budgetLineId: "b2",
      spentPence: 200_000,
      overspendReason: "The worker's hours went up for the winter rush.",
    });
  });

  it("marks milestones done or slipped when the update is submitted", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    const [train, review] = await db.milestone.findMany({ where: { projectId }, orderBy: { sequence: "asc" } });
    const lena = w.api(w.people.lena);
    const draft = await lena.project.saveUpdate(
      draftInput(projectId, period1.id, {
        milestoneChanges: [
          { milestoneId: train!.id, state: "DONE", doneOn: isoDay(-55) },
          { milestoneId: review!.id, state: "SLIPPED", newDueOn: isoDay(170) },
        ],
      }),
    );
    expect((await db.milestone.findUniqueOrThrow({ where: { id: train!.id } })).state).toBe("PLANNED");
    await lena.project.submitUpdate({ updateId: draft.id });
    const after = await db.milestone.findMany({ where: { projectId }, orderBy: { sequence: "asc" } });
    expect(after.map((milestone) => [milestone.state, milestone.doneOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["DONE", isoDay(-55)],
      ["SLIPPED", null],
    ]);
    expect(after[1]!.dueOn.toISOString().slice(0, 10)).toBe(isoDay(170));
  });

  it("refuses updates once the partnership has decided the project's future", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    await db.fundedProject.update({ where: { id: projectId }, data: { status: "DECIDED" } });
    await expectFailure(
      w.api(w.people.lena).project.saveUpdate(draftInput(projectId, period1.id)),
      "CONFLICT",
      "The partnership has decided this test's future, so the project is closed to new updates.",
    );
  });
});

describe("payments tied to reporting", () => {
  it("a payment waiting for an update cannot be paid until an officer accepts it", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId, tranche2 } = await setUp(w);
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    const officer = w.api(w.people.officer);
    const pay = () =>
      officer.funding.payTranche({
        awardId: w.award.id,
        trancheId: tranche2.id,
        paidOn: new Date(),
        reference: "BACS-2",
        idempotencyKey: randomUUID(),
      });

    await expectFailure(pay(), "CONFLICT", "Payment 2 waits for the project's update for period 1 to be accepted.");
    // The database refuses it too, whatever the application does.
    await expect(db.$executeRaw`UPDATE "Tranche" SET "paidAt" = now() WHERE "id" = ${tranche2.id}`).rejects.toThrow(
      /waits for a progress update to be accepted/,
    );

    const lena = w.api(w.people.lena);
    const update = await lena.project.saveUpdate(draftInput(projectId, period1.id));
    await lena.project.submitUpdate({ updateId: update.id });
    await expectFailure(pay(), "CONFLICT");

    const returned = await expectFailure(officer.project.reviewUpdate({ updateId: update.id, outcome: "RETURN", note: "" }), "BAD_REQUEST");
    expect(fieldErrorsOf(returned)).toMatchObject({ note: ["Say what the lead should change"] });
    await officer.project.reviewUpdate({ updateId: update.id, outcome: "ACCEPT", note: "" });
    const paid = await pay();
    expect(paid.paidPence).toBe(250_000);
    const view = await lena.project.get({ projectId });
    expect(view.periods[0]!.state).toBe("ACCEPTED");
    expect(view.award.tranches[1]).toMatchObject({ waitsFor: { periodSequence: 1, accepted: true } });
    expect(await db.notification.count({ where: { kind: "PROGRESS_UPDATE_REVIEWED", userId: w.people.lena.userId } })).toBe(1);
  });
});

describe("lists", () => {
  it("pages through the partnership's projects with a cursor, and each person sees their own", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const officer = w.api(w.people.officer);
    for (let index = 0; index < 4; index++) {
      const award = await officer.funding.awardGrant({
        fundId: w.fund.id,
        projectName: `Extra test ${index}`,
        recipientName: "Someone",
        amountPence: 10_000,
        tranches: [{ amountPence: 10_000, dueOn: new Date() }],
        idempotencyKey: randomUUID(),
      });
      await officer.project.setUp({
        awardId: award.id,
        startsOn: isoDay(-10),
        endsOn: isoDay(80),
        reportingFrequency: "QUARTERLY",
        leadUserId: w.people.dev.userId,
      });
    }
    const first = await officer.project.list({ partnershipSlug: w.partnership.slug, limit: 2 });
    const second = await officer.project.list({ partnershipSlug: w.partnership.slug, limit: 2, cursor: first.nextCursor! });
    const third = await officer.project.list({ partnershipSlug: w.partnership.slug, limit: 2, cursor: second.nextCursor! });
    const ids = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect(ids).toContain(projectId);

    const mine = await w.api(w.people.lena).project.mine({ partnershipSlug: w.partnership.slug });
    expect(mine.items.map((item) => [item.id, item.myRole])).toEqual([[projectId, "LEAD"]]);
    const devs = await w.api(w.people.dev).project.mine({ partnershipSlug: w.partnership.slug });
    expect(devs.items).toHaveLength(4);
  });
});

describe("the test-and-learn decision", () => {
  async function endedProject(w: World) {
    const { id } = await w.api(w.people.officer).project.setUp({
      awardId: w.award.id,
      startsOn: isoDay(-200),
      endsOn: isoDay(-10),
      reportingFrequency: "QUARTERLY",
    });
    return id;
  }
  const evaluation = (projectId: string, overrides: Record<string, unknown> = {}) => ({
    projectId,
    measureResults: [{ measureId: "m1", value: 64 }],
    costPence: 480_000,
    whatWorked: "Pharmacists asking at the counter found carers nobody knew.",
    whatDidNot: "Weekend staff were not trained.",
    recommendation: "SCALE_UP" as const,
    ...overrides,
  });

  it("the lead evaluates once the test ends; the partnership then records scale up, and the project closes with its history", async () => {
    const { db } = database;
    const w = await world(db);
    const projectId = await endedProject(w);
    const officer = w.api(w.people.officer);
    const lena = w.api(w.people.lena);

    await expectFailure(
      officer.project.decide({ projectId, outcome: "SCALE_UP", reasons: "Keen", nextStep: "" }),
      "CONFLICT",
      "Wait for the lead's evaluation before deciding the test's future.",
    );
    await expectFailure(w.api(w.people.colin).project.submitEvaluation(evaluation(projectId)), "FORBIDDEN");

    const overCost = await expectFailure(lena.project.submitEvaluation(evaluation(projectId, { costPence: 500_001 })), "BAD_REQUEST");
    expect(fieldErrorsOf(overCost)).toEqual({ costPence: ["The cost is more than the award of £5,000.00. Check the amount."] });
    const blank = await expectFailure(lena.project.submitEvaluation(evaluation(projectId, { whatWorked: "  " })), "BAD_REQUEST");
    expect(fieldErrorsOf(blank)).toEqual({ whatWorked: ["Say what worked"] });

    expect(await lena.project.submitEvaluation(evaluation(projectId))).toMatchObject({ status: "EVALUATING" });
    await expectFailure(lena.project.submitEvaluation(evaluation(projectId)), "CONFLICT");
    await expect(db.$executeRaw`UPDATE "ProjectEvaluation" SET "costPence" = 1 WHERE "projectId" = ${projectId}`).rejects.toThrow(/history/);

    const decided = await officer.project.decide({
      projectId,
      outcome: "SCALE_UP",
      reasons: "Referrals rose sixteen-fold; every pharmacy in Paisley next.",
      nextStep: "Put to the IJB for recurring funding in 2022/23.",
    });
    expect(decided.status).toBe("DECIDED");
    const view = await lena.project.get({ projectId });
    expect(view.decision).toMatchObject({ outcome: "SCALE_UP", nextStep: "Put to the IJB for recurring funding in 2022/23.", decidedBy: { name: "Fiona Officer" } });
    expect(view.evaluation).toMatchObject({ costPence: 480_000, recommendation: "SCALE_UP", author: { name: "Lena Lead" } });
    expect(view.viewer).toMatchObject({ canPostUpdate: false, canEvaluate: false, canDecide: false });
    expect(view.periods.length).toBeGreaterThan(0);
    await expectFailure(officer.project.decide({ projectId, outcome: "STOP", reasons: "Changed mind", nextStep: "" }), "CONFLICT");
    expect(await db.notification.count({ where: { kind: "PROJECT_DECIDED", userId: w.people.lena.userId } })).toBe(1);
  });

  it("opens the evaluation only from a month before the test ends", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    await expectFailure(
      w.api(w.people.lena).project.submitEvaluation(evaluation(projectId)),
      "CONFLICT",
      /^The evaluation opens a month before the test ends/,
    );
    expect((await w.api(w.people.lena).project.get({ projectId })).viewer.canEvaluate).toBe(false);
  });
});

describe("the project's team", () => {
  it("the lead adds and removes people from any organisation; the lead stays; others may not change it", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period1 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 1 } });
    const lena = w.api(w.people.lena);

    const candidates = await lena.project.teamCandidates({ projectId });
    expect(candidates.map((candidate) => candidate.name).sort()).toEqual(["Dev Bystander", "Fiona Officer"]);
    // The picker searches by name or organisation, and never answers with more than a screenful.
    expect((await lena.project.teamCandidates({ projectId, search: "dev b" })).map((candidate) => candidate.name)).toEqual(["Dev Bystander"]);
    expect((await lena.project.teamCandidates({ projectId, search: "COUNCIL" })).map((candidate) => candidate.name)).toEqual(["Fiona Officer"]);
    await w.crowd(25);
    expect(await lena.project.teamCandidates({ projectId })).toHaveLength(20);
    expect((await lena.project.teamCandidates({ projectId, search: "Guest 2" })).map((candidate) => candidate.name)).toEqual([
      "Guest 20",
      "Guest 21",
      "Guest 22",
      "Guest 23",
      "Guest 24",
      "Guest 25",
    ]);
    await expectFailure(w.api(w.people.colin).project.addTeamMember({ projectId, userId: w.people.dev.userId }), "FORBIDDEN");

    await lena.project.addTeamMember({ projectId, userId: w.people.dev.userId });
    expect(await db.notification.count({ where: { userId: w.people.dev.userId, kind: "PROJECT_SET_UP" } })).toBe(1);
    await expectFailure(
      lena.project.addTeamMember({ projectId, userId: w.people.dev.userId }),
      "CONFLICT",
      "Dev Bystander is already in the team.",
    );
    // Dev can now write updates.
    await w.api(w.people.dev).project.saveUpdate(draftInput(projectId, period1.id));

    await expectFailure(
      w.api(w.people.officer).project.removeTeamMember({ projectId, userId: w.people.lena.userId }),
      "CONFLICT",
      "The project's lead stays in the team.",
    );
    await lena.project.removeTeamMember({ projectId, userId: w.people.dev.userId });
    await expectFailure(w.api(w.people.dev).project.get({ projectId }), "FORBIDDEN");
  });

  it("stays as it was once the project has been decided: nobody is added or taken off", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const lena = w.api(w.people.lena);
    await lena.project.addTeamMember({ projectId, userId: w.people.dev.userId });
    await db.fundedProject.update({ where: { id: projectId }, data: { status: "DECIDED" } });
    const teamIds = async () =>
      (await db.projectTeamMember.findMany({ where: { projectId }, select: { userId: true } })).map((member) => member.userId).sort();
    const before = await teamIds();
    expect(before).toContain(w.people.dev.userId);

    await expectFailure(
      lena.project.removeTeamMember({ projectId, userId: w.people.dev.userId }),
      "CONFLICT",
      "This project has been decided, so its team no longer changes.",
    );
    await expectFailure(lena.project.addTeamMember({ projectId, userId: w.people.officer.userId }), "CONFLICT");
    expect(await teamIds()).toEqual(before);
  });
});
