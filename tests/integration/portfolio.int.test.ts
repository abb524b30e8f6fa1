import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { myWork } from "@/server/domain/portfolio/my-work";
import { portfolioOverview } from "@/server/domain/portfolio/overview";
import { PORTFOLIO_PAGE_SIZE } from "@/server/domain/portfolio/summary";
import { subGroupPortfolio } from "@/server/domain/portfolio/sub-group";
import { getProject } from "@/server/domain/projects/queries";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { createPriorityArea } from "./support/factories";
import {
  fundedProject,
  fundWorld,
  grantAward,
  recordedProposal,
  subGroupIn,
  subGroupWorld,
  submitUpdate,
  updateInput,
} from "./support/worlds";

const database = withTestDatabase();

/** The dashboards are read as at this moment: 8 September 2021, mid-morning. */
const NOW = new Date("2021-09-08T09:00:00Z");

type Measure = { id: string; name: string; unit: string; kind: "NUMBER"; baseline: number | null; target: number | null };
const measure = (id: string, name: string, baseline: number | null, target: number | null): Measure => ({
  id,
  name,
  unit: "people",
  kind: "NUMBER",
  baseline,
  target,
});

/**
 * A partnership with £100,000 in one fund and four funded projects, all in 2021:
 *
 * - "Pharmacy check-ins" (Carers sub-group, unpaid carers, £5,000 with £2,500 paid): Lena
 *   leads, Colin is on the team. Monthly from April. Period 1 accepted (GREEN), period 2
 *   submitted and waiting (AMBER), period 3's update returned (RED, so it does not count),
 *   a draft for period 5.
 * - "Peer support" (Minds sub-group, mental health, £3,000 all paid): Mo leads. Quarterly
 *   from January, both updates accepted (RED then GREEN), evaluated and decided: scale up.
 * - "Carers café" (Carers sub-group, unpaid carers, £2,000): Lena leads. Monthly from
 *   March, no updates, evaluated (recommends sustain) and waiting for a decision.
 * - "Walking group" (no proposal or sub-group, no priority area, £1,000): Mo leads.
 *   Quarterly from June, nothing due until 14 September.
 *
 * Plus £500 awarded for mental health that has no project yet, a draft proposal Lena
 * co-authors, and a proposal under assessment that Dev sits on the panel for.
 */
async function buildWorld(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", role: "OFFICER" },
      chair: { name: "Carol Chair", role: "CHAIR" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      colin: { name: "Colin Team" },
      mo: { name: "Mo Lead" },
      dev: { name: "Dev Assessor" },
      olive: { name: "Olive Observer", role: "OBSERVER" },
      stranger: { name: "Other Officer", role: null, elsewhere: "OFFICER" },
    },
    area: { title: "Unpaid carers", position: 0 },
    subGroup: { name: "Carers" },
    members: ["lena"],
  });
  const { people } = w;
  const officer = w.api(people.officer);

  const areas = {
    carers: w.area,
    minds: await createPriorityArea(db, w.partnership.id, { title: "Mental health", position: 1 }),
    falls: await createPriorityArea(db, w.partnership.id, { title: "Falls", position: 2 }),
  };
  const subGroups = { carers: w.subGroup, minds: await subGroupIn(db, areas.minds, { name: "Minds" }) };

  const { fund, round } = await fundWorld(w, {
    by: people.officer,
    fund: { totalPence: 10_000_000 },
    round: {
      guidance: "g",
      eligibility: "e",
      opensAt: new Date("2020-10-01T00:00:00Z"),
      closesAt: new Date("2020-11-30T00:00:00Z"),
      status: "CLOSED",
    },
  });
  await db.roundAssessor.create({ data: { roundId: round.id, userId: people.dev.userId, appointedById: people.officer.userId } });

  const proposal = (
    title: string,
    subGroupId: string,
    status: "DRAFT" | "UNDER_ASSESSMENT" | "APPROVED",
    [lead, ...coAuthors]: [Actor, ...Actor[]],
    measures: Measure[],
  ) =>
    recordedProposal(w, {
      title,
      subGroupId,
      status,
      round,
      submittedAt: new Date("2020-11-01T00:00:00Z"),
      lead,
      coAuthors,
      requestedPence: 100_000,
      sections: { measures: { items: measures } },
    });
  const proposals = {
    pharmacy: await proposal("Pharmacy check-ins", subGroups.carers.id, "APPROVED", [people.lena, people.colin], [
      measure("m1", "Carers referred", 4, 60),
      measure("m2", "Days waiting for a carer's assessment", 30, 10),
      measure("m3", "Pharmacies taking part", null, null),
    ]),
    peer: await proposal("Peer support", subGroups.minds.id, "APPROVED", [people.mo], [measure("m1", "People supported", 0, 50)]),
    cafe: await proposal("Carers café", subGroups.carers.id, "APPROVED", [people.lena], [measure("m1", "Visitors", 0, 100)]),
    drop: await proposal("Drop-in clinic", subGroups.carers.id, "DRAFT", [people.colin, people.lena], []),
    assessed: await proposal("Listening line", subGroups.minds.id, "UNDER_ASSESSMENT", [people.mo], []),
  };

  const award = (projectName: string, priorityAreaId: string | null, amounts: number[], forProposal: { id: string } | null) =>
    grantAward(w, {
      by: people.officer,
      fund,
      proposal: forProposal ?? undefined,
      priorityAreaId,
      projectName,
      amountPence: amounts.reduce((sum, amount) => sum + amount, 0),
      tranches: amounts.map((amountPence, index) => ({ amountPence, dueOn: new Date(Date.UTC(2021, index, 15)) })),
    });
  const pay = (awardId: string, trancheId: string) =>
    officer.funding.payTranche({ awardId, trancheId, paidOn: new Date("2021-04-01T00:00:00Z"), reference: "BACS", idempotencyKey: randomUUID() });
  const awards = {
    pharmacy: await award("Pharmacy check-ins", areas.carers.id, [250_000, 250_000], proposals.pharmacy),
    peer: await award("Peer support", areas.minds.id, [300_000], proposals.peer),
    cafe: await award("Carers café", areas.carers.id, [200_000], proposals.cafe),
    walking: await award("Walking group", null, [100_000], null),
    notSetUp: await award("Befriending", areas.minds.id, [50_000], null),
  };
  await pay(awards.pharmacy.id, awards.pharmacy.tranches[0]!.id);
  await pay(awards.peer.id, awards.peer.tranches[0]!.id);

  const setUp = async (
    award: { id: string },
    startsOn: string,
    endsOn: string,
    reportingFrequency: "MONTHLY" | "QUARTERLY",
    leadUserId?: string,
  ) => (await fundedProject(w, { by: people.officer, award, startsOn, endsOn, reportingFrequency, leadUserId })).id;
  const projects = {
    pharmacy: await setUp(awards.pharmacy, "2021-04-01", "2021-09-30", "MONTHLY"),
    peer: await setUp(awards.peer, "2021-01-01", "2021-06-30", "QUARTERLY"),
    cafe: await setUp(awards.cafe, "2021-03-01", "2021-08-31", "MONTHLY"),
    walking: await setUp(awards.walking, "2021-06-01", "2021-11-30", "QUARTERLY", people.mo.userId),
  };
  const periodId = async (projectId: string, sequence: number) =>
    (await db.reportingPeriod.findFirstOrThrow({ where: { projectId, sequence } })).id;
  const post = async (
    actor: Actor,
    projectId: string,
    sequence: number,
    rag: "RED" | "AMBER" | "GREEN",
    measureValues: { measureId: string; value: number }[],
  ) => {
    const periodOf = await periodId(projectId, sequence);
    return submitUpdate(w, actor, updateInput(projectId, periodOf, { rag, percentComplete: 10 * sequence, measureValues }));
  };
  const review = (updateId: string, outcome: "ACCEPT" | "RETURN") =>
    officer.project.reviewUpdate({ updateId, outcome, note: outcome === "RETURN" ? "Add the spend, please." : "" });

  await review(await post(people.lena, projects.pharmacy, 1, "GREEN", [{ measureId: "m1", value: 12 }]), "ACCEPT");
  await post(people.lena, projects.pharmacy, 2, "AMBER", [
    { measureId: "m1", value: 65 },
    { measureId: "m2", value: 12 },
    { measureId: "m3", value: 8 },
  ]);
  await review(await post(people.colin, projects.pharmacy, 3, "RED", [{ measureId: "m1", value: 70 }]), "RETURN");
  await w.api(people.colin).project.saveUpdate(
    updateInput(projects.pharmacy, await periodId(projects.pharmacy, 5), { rag: null, percentComplete: null, narrative: "Half written." }),
  );

  await review(await post(people.mo, projects.peer, 1, "RED", [{ measureId: "m1", value: 20 }]), "ACCEPT");
  await review(await post(people.mo, projects.peer, 2, "GREEN", [{ measureId: "m1", value: 40 }]), "ACCEPT");
  await w.api(people.mo).project.submitEvaluation({
    projectId: projects.peer,
    measureResults: [{ measureId: "m1", value: 55 }],
    costPence: 290_000,
    whatWorked: "Peers were trusted.",
    whatDidNot: "Evenings were quiet.",
    recommendation: "SCALE_UP",
  });
  await officer.project.decide({ projectId: projects.peer, outcome: "SCALE_UP", reasons: "It worked.", nextStep: "" });

  await w.api(people.lena).project.submitEvaluation({
    projectId: projects.cafe,
    measureResults: [{ measureId: "m1", value: 80 }],
    costPence: 200_000,
    whatWorked: "Carers came back.",
    whatDidNot: "Too few visitors.",
    recommendation: "SUSTAIN",
  });

  return { ...w, areas, subGroups, fund, round, proposals, awards, projects };
}

let built: ReturnType<typeof buildWorld> | undefined;
/** The world is built once and only read by the tests below. */
const world = () => (built ??= buildWorld(database.db));

describe("the portfolio dashboard", () => {
  it("shows money committed, paid and remaining by priority area, and the funds' totals", async () => {
    const w = await world();
    const overview = await w.api(w.people.officer).portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(overview.money.byArea).toEqual([
      { priorityAreaId: w.areas.carers.id, title: "Unpaid carers", committedPence: 700_000, paidPence: 250_000, remainingPence: 450_000 },
      { priorityAreaId: w.areas.minds.id, title: "Mental health", committedPence: 350_000, paidPence: 300_000, remainingPence: 50_000 },
      { priorityAreaId: w.areas.falls.id, title: "Falls", committedPence: 0, paidPence: 0, remainingPence: 0 },
      { priorityAreaId: null, title: "No priority area", committedPence: 100_000, paidPence: 0, remainingPence: 100_000 },
    ]);
    expect(overview.money).toMatchObject({ committedPence: 1_150_000, paidPence: 550_000, remainingPence: 600_000 });
    expect(overview.money.funds).toEqual({
      count: 1,
      totalPence: 10_000_000,
      committedPence: 1_150_000,
      paidPence: 550_000,
      availablePence: 8_850_000,
    });
  });

  it("counts projects by status and by the RAG of their latest submitted update (returned ones do not count)", async () => {
    const w = await world();
    const overview = await w.api(w.people.chair).portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(overview.projects).toEqual({
      total: 4,
      byStatus: [
        { status: "ACTIVE", count: 2 },
        { status: "EVALUATING", count: 1 },
        { status: "DECIDED", count: 1 },
      ],
      byRag: [
        { rag: "RED", count: 0 },
        { rag: "AMBER", count: 1 },
        { rag: "GREEN", count: 1 },
        { rag: null, count: 2 },
      ],
    });
    expect(overview.decisions).toEqual({
      total: 1,
      byOutcome: [
        { outcome: "SCALE_UP", count: 1 },
        { outcome: "SUSTAIN", count: 0 },
        { outcome: "ADAPT", count: 0 },
        { outcome: "STOP", count: 0 },
      ],
    });
  });

  it("lists overdue updates at a given moment, longest overdue first, never for decided projects", async () => {
    const w = await world();
    const overview = await portfolioOverview(database.db, w.partnership.id, NOW);
    // Café: periods due 14 April to 14 August (5). Pharmacy: 14 July (returned) and 14 August (2).
    expect(overview.overdue).toEqual({
      projectCount: 2,
      periodCount: 7,
      page: 1,
      pageSize: PORTFOLIO_PAGE_SIZE,
      projects: [
        {
          id: w.projects.cafe,
          name: "Carers café",
          subGroupName: "Carers",
          leadName: "Lena Lead",
          overdueCount: 5,
          oldestDueOn: new Date("2021-04-14T00:00:00Z"),
          daysLate: 147,
        },
        {
          id: w.projects.pharmacy,
          name: "Pharmacy check-ins",
          subGroupName: "Carers",
          leadName: "Lena Lead",
          overdueCount: 2,
          oldestDueOn: new Date("2021-07-14T00:00:00Z"),
          daysLate: 56,
        },
      ],
    });

    // The same count as each project's own page at that moment.
    const membership = await database.db.membership.findFirstOrThrow({ where: { userId: w.people.officer.userId } });
    for (const [projectId, expected] of [
      [w.projects.cafe, 5],
      [w.projects.pharmacy, 2],
      [w.projects.walking, 0],
      [w.projects.peer, 0],
    ] as const) {
      const project = await database.db.fundedProject.findUniqueOrThrow({ where: { id: projectId } });
      const view = await getProject(
        database.db,
        {
          actor: { userId: w.people.officer.userId, name: null, email: "officer@example.org", organisationId: null },
          membership: { id: membership.id, partnershipId: w.partnership.id, role: "OFFICER" },
          subGroup: null,
          project: { id: projectId, partnershipId: w.partnership.id, status: project.status, myTeamRole: null, update: null },
        },
        NOW,
      );
      expect(view.overdueCount).toBe(expected);
    }
  });

  it("makes a report overdue from the first moment of the day after it was due", async () => {
    const w = await world();
    // The walking group's first report is due on 14 September.
    const onTheDay = await portfolioOverview(database.db, w.partnership.id, new Date("2021-09-14T23:59:59.999Z"));
    expect(onTheDay.overdue.projects.map((project) => project.id)).not.toContain(w.projects.walking);
    const dayAfter = await portfolioOverview(database.db, w.partnership.id, new Date("2021-09-15T00:00:00Z"));
    expect(dayAfter.overdue.projects.find((project) => project.id === w.projects.walking)).toMatchObject({
      overdueCount: 1,
      daysLate: 1,
      leadName: "Mo Lead",
      subGroupName: null,
    });
    // By then the café's sixth report (due the same day) and the pharmacy's fifth are overdue too.
    expect(dayAfter.overdue).toMatchObject({ projectCount: 3, periodCount: 10 });
  });

  it("compares each project's measures with their targets: the evaluation's values first, else the latest update's", async () => {
    const w = await world();
    const overview = await portfolioOverview(database.db, w.partnership.id, NOW);
    expect(overview.outcomes).toEqual({
      measureCount: 5,
      targetCount: 4,
      reportedCount: 5,
      onTrackCount: 2,
      projectCount: 3,
      page: 1,
      pageSize: PORTFOLIO_PAGE_SIZE,
      projects: [
        // Evaluated at 80 visitors of 100.
        { id: w.projects.cafe, name: "Carers café", status: "EVALUATING", measureCount: 1, targetCount: 1, reportedCount: 1, onTrackCount: 0 },
        // The latest update said 40, the evaluation 55: the target of 50 is reached.
        { id: w.projects.peer, name: "Peer support", status: "DECIDED", measureCount: 1, targetCount: 1, reportedCount: 1, onTrackCount: 1 },
        // 65 referred of 60 (reached); 12 days waiting where the target is to fall to 10 (not yet); one measure without a target.
        { id: w.projects.pharmacy, name: "Pharmacy check-ins", status: "ACTIVE", measureCount: 3, targetCount: 2, reportedCount: 3, onTrackCount: 1 },
      ],
    });
  });

  it("is for officers and chairs: members and observers are refused, other partnerships cannot see it", async () => {
    const w = await world();
    const input = { partnershipSlug: w.partnership.slug };
    await expectFailure(w.api(w.people.lena).portfolio.overview(input), "FORBIDDEN");
    await expectFailure(w.api(w.people.olive).portfolio.overview(input), "FORBIDDEN");
    await expectFailure(callerFor(database.db, null).portfolio.overview(input), "UNAUTHORIZED");
    await expectFailure(w.api(w.people.stranger).portfolio.overview(input), "NOT_FOUND");
  });
});

describe("a sub-group's projects", () => {
  it("has the same figures for the sub-group's projects only, and its proposals by status", async () => {
    const w = await world();
    const portfolio = await subGroupPortfolio(database.db, w.subGroups.carers.id, NOW);
    expect(portfolio.money).toEqual({
      committedPence: 700_000,
      paidPence: 250_000,
      remainingPence: 450_000,
      funds: null,
      byArea: [{ priorityAreaId: w.areas.carers.id, title: "Unpaid carers", committedPence: 700_000, paidPence: 250_000, remainingPence: 450_000 }],
    });
    expect(portfolio.projects.byStatus).toEqual([
      { status: "ACTIVE", count: 1 },
      { status: "EVALUATING", count: 1 },
      { status: "DECIDED", count: 0 },
    ]);
    expect(portfolio.projects.byRag.map((group) => group.count)).toEqual([0, 1, 0, 1]);
    expect(portfolio.overdue).toMatchObject({ projectCount: 2, periodCount: 7 });
    expect(portfolio.decisions.total).toBe(0);
    expect(portfolio.outcomes).toMatchObject({ measureCount: 4, targetCount: 3, onTrackCount: 1, projectCount: 2 });
    expect(portfolio.projectList.map((project) => [project.name, project.status, project.latest?.rag ?? null, project.overdueCount])).toEqual([
      ["Carers café", "EVALUATING", null, 5],
      ["Pharmacy check-ins", "ACTIVE", "AMBER", 2],
    ]);
    expect(portfolio.proposals.byStatus.filter((group) => group.count > 0)).toEqual([
      { status: "DRAFT", count: 1 },
      { status: "APPROVED", count: 2 },
    ]);
  });

  it("is open to the sub-group's people, officers and chairs, not to other members", async () => {
    const w = await world();
    const input = { subGroupId: w.subGroups.carers.id };
    expect((await w.api(w.people.lena).portfolio.subGroup(input)).projects.total).toBe(2);
    expect((await w.api(w.people.chair).portfolio.subGroup(input)).projects.total).toBe(2);
    await expectFailure(w.api(w.people.mo).portfolio.subGroup(input), "FORBIDDEN");
  });
});

describe("my work", () => {
  it("shows a lead their projects, the updates due from them, and the proposals they write", async () => {
    const w = await world();
    const membership = { id: "m", partnershipId: w.partnership.id, role: "MEMBER" as const };
    const work = await myWork(database.db, w.people.lena, membership, NOW);
    expect(work.projects.map((project) => [project.name, project.myRole, project.status, project.overdueCount]).sort()).toEqual([
      ["Carers café", "LEAD", "EVALUATING", 5],
      ["Pharmacy check-ins", "LEAD", "ACTIVE", 2],
    ]);
    expect(work.projects.find((project) => project.id === w.projects.pharmacy)!.nextDue).toEqual({
      sequence: 3,
      dueOn: new Date("2021-07-14T00:00:00Z"),
      state: "OVERDUE",
    });
    expect(work.updatesDue.map((due) => [due.projectName, due.periodSequence, due.dueOn.toISOString().slice(0, 10), due.state, due.hasDraft])).toEqual([
      ["Carers café", 1, "2021-04-14", "OVERDUE", false],
      ["Carers café", 2, "2021-05-14", "OVERDUE", false],
      ["Carers café", 3, "2021-06-14", "OVERDUE", false],
      ["Carers café", 4, "2021-07-14", "OVERDUE", false],
      ["Pharmacy check-ins", 3, "2021-07-14", "OVERDUE", false],
      ["Carers café", 5, "2021-08-14", "OVERDUE", false],
      ["Pharmacy check-ins", 4, "2021-08-14", "OVERDUE", false],
      ["Carers café", 6, "2021-09-14", "DUE_SOON", false],
      ["Pharmacy check-ins", 5, "2021-09-14", "DUE_SOON", true],
    ]);
    expect(work.updatesDue.at(-1)!.daysUntilDue).toBe(6);
    expect(work.proposals.map((proposal) => [proposal.title, proposal.myRole, proposal.status]).sort()).toEqual([
      ["Carers café", "LEAD", "APPROVED"],
      ["Drop-in clinic", "CO_AUTHOR", "DRAFT"],
      ["Pharmacy check-ins", "LEAD", "APPROVED"],
    ]);
    expect(work.waiting).toEqual({ updatesToReview: null, projectsToDecide: null, proposalsUnderAssessment: null, proposalsToScore: [] });

    // Through the API, with the clock as it is: still Lena's own.
    const viaApi = await w.api(w.people.lena).portfolio.myWork({ partnershipSlug: w.partnership.slug });
    expect(viaApi.projects).toHaveLength(2);
    expect(viaApi.role).toBe("MEMBER");
  });

  it("shows an officer what waits for their decision", async () => {
    const w = await world();
    const work = await w.api(w.people.officer).portfolio.myWork({ partnershipSlug: w.partnership.slug });
    expect(work.projects).toEqual([]);
    expect(work.updatesDue).toEqual([]);
    expect(work.proposals).toEqual([]);
    expect(work.waiting.updatesToReview).toMatchObject({
      count: 1,
      items: [{ projectId: w.projects.pharmacy, projectName: "Pharmacy check-ins", periodSequence: 2, late: true }],
    });
    expect(work.waiting.projectsToDecide).toMatchObject([{ projectId: w.projects.cafe, projectName: "Carers café", recommendation: "SUSTAIN" }]);
    expect(work.waiting.proposalsUnderAssessment).toEqual({ count: 1, rounds: [{ roundId: w.round.id, title: "Round 1", count: 1 }] });
    expect(work.waiting.proposalsToScore).toEqual([]);
  });

  it("shows an assessor the proposals they are asked to score, and a chair nothing to decide", async () => {
    const w = await world();
    const dev = await w.api(w.people.dev).portfolio.myWork({ partnershipSlug: w.partnership.slug });
    expect(dev.waiting.proposalsToScore).toEqual([
      { proposalId: w.proposals.assessed.id, title: "Listening line", roundTitle: "Round 1", started: false },
    ]);
    expect(dev.waiting.updatesToReview).toBeNull();
    const chair = await w.api(w.people.chair).portfolio.myWork({ partnershipSlug: w.partnership.slug });
    expect(chair.waiting).toEqual({ updatesToReview: null, projectsToDecide: null, proposalsUnderAssessment: null, proposalsToScore: [] });
    const observer = await w.api(w.people.olive).portfolio.myWork({ partnershipSlug: w.partnership.slug });
    expect(observer.projects).toEqual([]);
  });
});

describe("counting measures against targets (the database's measure_counts)", () => {
  type Counts = { measureCount: number; targetCount: number; reportedCount: number; onTrackCount: number };
  const counts = async (measures: unknown, finalValues: unknown, latestValues: unknown): Promise<Counts> => {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    const [row] = await database.db.$queryRaw<Counts[]>`
      SELECT * FROM "measure_counts"(${json(measures)}::jsonb, ${json(finalValues)}::jsonb, ${json(latestValues)}::jsonb)`;
    return row!;
  };
  const reached = async (baseline: number | null, target: number | null, value: number | null) =>
    (await counts([measure("a", "A", baseline, target)], value === null ? [] : [{ measureId: "a", value }], [])).onTrackCount === 1;

  it("reaches a rising target at or above it and a falling one at or below it", async () => {
    expect(await reached(4, 60, 60)).toBe(true);
    expect(await reached(4, 60, 59.5)).toBe(false);
    expect(await reached(30, 10, 10)).toBe(true);
    expect(await reached(30, 10, 11)).toBe(false);
    expect(await reached(null, -5, -6)).toBe(true);
    expect(await reached(null, -5, -4)).toBe(false);
    expect(await reached(0, null, 100)).toBe(false);
    expect(await reached(0, 10, null)).toBe(false);
  });

  it("prefers the evaluation's value, falls back to the latest update's, and ignores what is not a number", async () => {
    const measures = [measure("a", "A", 0, 10), measure("b", "B", 0, 10), measure("c", "C", 0, null), { name: "no id" }, { id: 7 }, "a"];
    expect(
      await counts(
        measures,
        [{ measureId: "a", value: 12 }, { measureId: "b", value: null }, { measureId: "a", value: 1 }],
        [{ measureId: "b", value: 9 }, { measureId: "c", value: "x" }, { measureId: 7, value: 3 }],
      ),
    ).toEqual({ measureCount: 3, targetCount: 2, reportedCount: 2, onTrackCount: 1 });
    // The first numeric value for a measure counts: 1 is below the target, a later 12 would reach it.
    expect(await counts([measure("a", "A", 0, 10)], [{ measureId: "a", value: "12" }, { measureId: "a", value: 1 }, { measureId: "a", value: 12 }], [])).toEqual({
      measureCount: 1,
      targetCount: 1,
      reportedCount: 1,
      onTrackCount: 0,
    });
    const none = { measureCount: 0, targetCount: 0, reportedCount: 0, onTrackCount: 0 };
    expect(await counts("not a list", null, undefined)).toEqual(none);
    expect(await counts(null, null, null)).toEqual(none);
    expect(await counts({ id: "a" }, { measureId: "a", value: 1 }, 5)).toEqual(none);
  });
});
