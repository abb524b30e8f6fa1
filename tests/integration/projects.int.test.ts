import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson, unique } from "./support/factories";

const database = withTestDatabase();

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The field messages a refusal carries, keyed as the API sends them. */
function fieldErrorsOf(error: TRPCError): Record<string, string[]> {
  if (error.cause instanceof AppError) return error.cause.fieldErrors ?? {};
  const fieldErrors: Record<string, string[]> = {};
  if (error.cause instanceof ZodError) {
    for (const issue of error.cause.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  }
  return fieldErrors;
}

const DAY = 24 * 3600 * 1000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/**
 * An approved proposal by Lena (carers' charity, lead author) and Colin (the council,
 * co-author) that asked for £6,500 and was awarded £5,000 in two payments.
 */
async function world(db: Database) {
  const partnership = await createPartnership(db);
  const carers = await createOrganisation(db, { name: `Carers Centre ${unique()}`, sector: "VOLUNTARY" });
  const council = await createOrganisation(db, { name: `Council ${unique()}`, sector: "PUBLIC" });
  await db.partnershipOrganisation.createMany({
    data: [carers, council].map((organisation) => ({ partnershipId: partnership.id, organisationId: organisation.id })),
  });
  const person = async (name: string, organisationId: string | null, role: MembershipRole = "MEMBER"): Promise<Actor> => {
    const { actor } = await createPerson(db, { name, organisationId });
    await addMember(db, partnership.id, actor.userId, role);
    return actor;
  };
  const people = {
    officer: await person("Fiona Officer", council.id, "OFFICER"),
    lena: await person("Lena Lead", carers.id),
    colin: await person("Colin Coauthor", council.id),
    dev: await person("Dev Bystander", null),
  };
  const api = (actor: Actor) => callerFor(db, actor);
  const priorityArea = await db.priorityArea.create({
    data: { partnershipId: partnership.id, title: "Unpaid carers", description: "d", outcomesSought: "o", position: 0 },
  });
  const subGroup = await db.subGroup.create({
    data: { partnershipId: partnership.id, priorityAreaId: priorityArea.id, name: "Carers", purpose: "p" },
  });
  const fund = await api(people.officer).funding.createFund({
    partnershipSlug: partnership.slug,
    name: "Test and learn fund",
    source: "HSCP",
    financialYear: "2021/22",
    totalPence: 2_000_000,
  });
  const round = await db.fundingRound.create({
    data: {
      fundId: fund.id,
      title: "Round 1",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Partnership", weight: 100 }],
      opensAt: new Date(Date.now() - 60 * DAY),
      closesAt: new Date(Date.now() - 30 * DAY),
      minAwardPence: 1_000,
      maxAwardPence: 1_000_000,
      status: "DECIDED",
    },
  });
  const proposal = await db.proposal.create({
    data: {
      partnershipId: partnership.id,
      subGroupId: subGroup.id,
      roundId: round.id,
      submittedAt: new Date(Date.now() - 40 * DAY),
      title: "Pharmacy check-ins",
      requestedPence: 650_000,
      status: "APPROVED",
      createdById: people.lena.userId,
      authors: {
        create: [
          { userId: people.lena.userId, role: "LEAD" },
          { userId: people.colin.userId, role: "CO_AUTHOR" },
        ],
      },
      sections: {
        create: [
          {
            key: "measures",
            version: 1,
            content: { items: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }] },
          },
          {
            key: "activities",
            version: 1,
            content: {
              items: [
                { id: "a1", activity: "Train pharmacy staff", by: isoDay(-60) },
                { id: "a2", activity: "Review with the sub-group", by: null },
              ],
            },
          },
          {
            key: "budget",
            version: 1,
            content: {
              lines: [
                { id: "b1", item: "Pharmacy time", amountPence: 400_000, organisationId: null },
                { id: "b2", item: "Support worker", amountPence: 250_000, organisationId: carers.id },
              ],
            },
          },
        ],
      },
    },
  });
  const award = await api(people.officer).funding.awardGrant({
    fundId: fund.id,
    projectName: "Pharmacy check-ins",
    recipientName: "Carers Centre",
    recipientOrganisationId: carers.id,
    amountPence: 500_000,
    tranches: [
      { amountPence: 250_000, dueOn: new Date() },
      { amountPence: 250_000, dueOn: new Date(Date.now() + 90 * DAY) },
    ],
    idempotencyKey: randomUUID(),
  });
  await db.award.update({ where: { id: award.id }, data: { proposalId: proposal.id } });
  return { partnership, people, api, fund, proposal, award, subGroup, carers };
}

type World = Awaited<ReturnType<typeof world>>;

/** Sets the project up: began 100 days ago, runs 8 months, monthly reports; payment 2 waits for period 1's update. */
async function setUp(w: World) {
  const tranche2 = w.award.tranches.find((tranche) => tranche.sequence === 2)!;
  const { id } = await w.api(w.people.officer).project.setUp({
    awardId: w.award.id,
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
    const byMember = await failure(
      w.api(w.people.lena).project.setUp({ awardId: w.award.id, startsOn: isoDay(0), endsOn: isoDay(90), reportingFrequency: "QUARTERLY" }),
    );
    expect(byMember.code).toBe("FORBIDDEN");
    const backwards = await failure(
      w.api(w.people.officer).project.setUp({ awardId: w.award.id, startsOn: isoDay(90), endsOn: isoDay(0), reportingFrequency: "QUARTERLY" }),
    );
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(backwards)).toMatchObject({ endsOn: ["The end date must be after the start date"] });
    await setUp(w);
    const twice = await failure(
      w.api(w.people.officer).project.setUp({ awardId: w.award.id, startsOn: isoDay(0), endsOn: isoDay(90), reportingFrequency: "QUARTERLY" }),
    );
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe('"Pharmacy check-ins" has already been set up as a project.');
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
    expect((await failure(w.api(w.people.officer).project.saveUpdate(draftInput(projectId, period1)))).code).toBe("FORBIDDEN");
    expect((await failure(w.api(w.people.dev).project.get({ projectId }))).code).toBe("FORBIDDEN");
    expect((await failure(w.api(w.people.dev).project.submitUpdate({ updateId: draft.id }))).code).toBe("FORBIDDEN");

    await w.api(w.people.colin).project.submitUpdate({ updateId: draft.id });
    expect((await failure(w.api(w.people.lena).project.reviewUpdate({ updateId: draft.id, outcome: "ACCEPT", note: "" }))).code).toBe(
      "FORBIDDEN",
    );

    // A removed team member loses access at once.
    await db.projectTeamMember.delete({ where: { projectId_userId: { projectId, userId: w.people.colin.userId } } });
    expect((await failure(w.api(w.people.colin).project.get({ projectId }))).code).toBe("FORBIDDEN");

    // Someone from another partnership cannot tell it exists.
    const stranger = await createPerson(db, { name: "Other Officer" });
    const other = await createPartnership(db);
    await addMember(db, other.id, stranger.actor.userId, "OFFICER");
    expect((await failure(callerFor(db, stranger.actor).project.get({ projectId }))).code).toBe("NOT_FOUND");
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

    const again = await failure(lena.project.saveUpdate(draftInput(projectId, period1.id, { updateId: draft.id, narrative: "Rewritten" })));
    expect(again.code).toBe("CONFLICT");
    await expect(db.$executeRaw`UPDATE "ProgressUpdate" SET "narrative" = 'Rewritten' WHERE "id" = ${draft.id}`).rejects.toThrow(
      /submitted progress update cannot be changed/,
    );
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).narrative).toBe("Six pharmacies asking about caring.");

    // A second update for the same period waits its turn.
    const second = await lena.project.saveUpdate(draftInput(projectId, period1.id));
    const waiting = await failure(lena.project.submitUpdate({ updateId: second.id }));
    expect(waiting.code).toBe("CONFLICT");
    expect(waiting.message).toBe("An update for period 1 is already waiting for an officer. Your draft is saved.");
  });

  it("refuses bad input with clear messages and loses nothing: percentages, measure values, spend above the award", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const period2 = await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence: 2 } });
    const lena = w.api(w.people.lena);

    const percent = await failure(lena.project.saveUpdate(draftInput(projectId, period2.id, { percentComplete: 120 })));
    expect(percent.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(percent)).toMatchObject({ percentComplete: ["Enter a percentage from 0 to 100"] });
    const wrongType = await failure(
      lena.project.saveUpdate(draftInput(projectId, period2.id, { measureValues: [{ measureId: "m1", value: "lots" }] })),
    );
    expect(wrongType.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(wrongType)).toMatchObject({ "measureValues.0.value": ["Enter a number"] });
    const unknownLine = await failure(
      lena.project.saveUpdate(draftInput(projectId, period2.id, { spend: [{ budgetLineId: "nope", spentPence: 1 }] })),
    );
    expect(unknownLine.code).toBe("BAD_REQUEST");
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
    const refused = await failure(lena.project.submitUpdate({ updateId: draft.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("This update is not ready to submit. Your draft is saved.");
    expect(fieldErrorsOf(refused)).toMatchObject({
      rag: ["Choose red, amber or green"],
      spend: ["Spend to date adds up to £5,500.00, more than the award of £5,000.00. Check the amounts."],
    });
    const kept = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } });
    expect(kept).toMatchObject({ status: "DRAFT", narrative: "Six pharmacies asking about caring.", percentComplete: 20 });

    // One line over its share is flagged, not refused.
    await lena.project.saveUpdate({
      ...overspent,
      updateId: draft.id,
      rag: "AMBER",
      spend: [
        { budgetLineId: "b1", spentPence: 100_000 },
        { budgetLineId: "b2", spentPence: 200_000 },
      ],
    });
    expect(await lena.project.submitUpdate({ updateId: draft.id })).toMatchObject({ overLines: ["b2"] });
    const view = await lena.project.get({ projectId });
    expect(view.budget.overLines).toEqual(["b2"]);
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
    const closed = await failure(w.api(w.people.lena).project.saveUpdate(draftInput(projectId, period1.id)));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toBe("The partnership has decided this test's future, so the project is closed to new updates.");
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

    const early = await failure(pay());
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toBe("Payment 2 waits for the project's update for period 1 to be accepted.");
    // The database refuses it too, whatever the application does.
    await expect(db.$executeRaw`UPDATE "Tranche" SET "paidAt" = now() WHERE "id" = ${tranche2.id}`).rejects.toThrow(
      /waits for a progress update to be accepted/,
    );

    const lena = w.api(w.people.lena);
    const update = await lena.project.saveUpdate(draftInput(projectId, period1.id));
    await lena.project.submitUpdate({ updateId: update.id });
    expect((await failure(pay())).code).toBe("CONFLICT");

    const returned = await failure(officer.project.reviewUpdate({ updateId: update.id, outcome: "RETURN", note: "" }));
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

    const tooSoon = await failure(officer.project.decide({ projectId, outcome: "SCALE_UP", reasons: "Keen", nextStep: "" }));
    expect(tooSoon.code).toBe("CONFLICT");
    expect(tooSoon.message).toBe("Wait for the lead's evaluation before deciding the test's future.");
    expect((await failure(w.api(w.people.colin).project.submitEvaluation(evaluation(projectId)))).code).toBe("FORBIDDEN");

    const overCost = await failure(lena.project.submitEvaluation(evaluation(projectId, { costPence: 500_001 })));
    expect(overCost.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(overCost)).toEqual({ costPence: ["The cost is more than the award of £5,000.00. Check the amount."] });
    const blank = await failure(lena.project.submitEvaluation(evaluation(projectId, { whatWorked: "  " })));
    expect(fieldErrorsOf(blank)).toEqual({ whatWorked: ["Say what worked"] });

    expect(await lena.project.submitEvaluation(evaluation(projectId))).toMatchObject({ status: "EVALUATING" });
    expect((await failure(lena.project.submitEvaluation(evaluation(projectId)))).code).toBe("CONFLICT");
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
    expect((await failure(officer.project.decide({ projectId, outcome: "STOP", reasons: "Changed mind", nextStep: "" }))).code).toBe("CONFLICT");
    expect(await db.notification.count({ where: { kind: "PROJECT_DECIDED", userId: w.people.lena.userId } })).toBe(1);
  });

  it("opens the evaluation only from a month before the test ends", async () => {
    const { db } = database;
    const w = await world(db);
    const { projectId } = await setUp(w);
    const early = await failure(w.api(w.people.lena).project.submitEvaluation(evaluation(projectId)));
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toMatch(/^The evaluation opens a month before the test ends/);
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
    expect((await failure(w.api(w.people.colin).project.addTeamMember({ projectId, userId: w.people.dev.userId }))).code).toBe("FORBIDDEN");

    await lena.project.addTeamMember({ projectId, userId: w.people.dev.userId });
    expect(await db.notification.count({ where: { userId: w.people.dev.userId, kind: "PROJECT_SET_UP" } })).toBe(1);
    const twice = await failure(lena.project.addTeamMember({ projectId, userId: w.people.dev.userId }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe("Dev Bystander is already in the team.");
    // Dev can now write updates.
    await w.api(w.people.dev).project.saveUpdate(draftInput(projectId, period1.id));

    const lead = await failure(w.api(w.people.officer).project.removeTeamMember({ projectId, userId: w.people.lena.userId }));
    expect(lead.code).toBe("CONFLICT");
    expect(lead.message).toBe("The project's lead stays in the team.");
    await lena.project.removeTeamMember({ projectId, userId: w.people.dev.userId });
    expect((await failure(w.api(w.people.dev).project.get({ projectId }))).code).toBe("FORBIDDEN");
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

    const removal = await failure(lena.project.removeTeamMember({ projectId, userId: w.people.dev.userId }));
    expect(removal.code).toBe("CONFLICT");
    expect(removal.message).toBe("This project has been decided, so its team no longer changes.");
    const addition = await failure(lena.project.addTeamMember({ projectId, userId: w.people.officer.userId }));
    expect(addition.code).toBe("CONFLICT");
    expect(await teamIds()).toEqual(before);
  });
});
