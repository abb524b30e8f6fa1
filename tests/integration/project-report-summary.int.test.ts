import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { PORTFOLIO_PAGE_SIZE } from "@/server/domain/portfolio/summary";
import { withTestDatabase } from "./support/database";
import { talliesOutOfStep } from "./support/tallies";
import { expectFailure } from "./support/expect";
import { daysAgo, fundedProject, fundWorld, grantAward, isoDay, subGroupWorld, submitUpdate, updateInput } from "./support/worlds";

/**
 * Each project's report summary (its latest submitted or accepted update's RAG and measure
 * values) and each period's `reported` flag are kept by a trigger on ProgressUpdate, so the
 * dashboards never read the updates. These tests check them against what the updates
 * themselves say, after every kind of change, and under concurrent transactions.
 */

const database = withTestDatabase();

async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", role: "OFFICER" },
      lena: { name: "Lena Lead" },
      colin: { name: "Colin Team" },
    },
  });
  const { people } = w;
  const { fund } = await fundWorld(w, { by: people.officer, fund: { totalPence: 5_000_000 } });
  const project = async (name: string) => {
    const award = await grantAward(w, { by: people.officer, fund, projectName: name, amountPence: 100_000, tranches: [{ amountPence: 100_000, dueOn: new Date() }] });
    const set = await fundedProject(w, {
      by: people.officer,
      award,
      startsOn: isoDay(-150),
      endsOn: isoDay(60),
      reportingFrequency: "MONTHLY",
      leadUserId: people.lena.userId,
    });
    // One success measure, as a proposal would have carried over.
    await db.fundedProject.update({
      where: { id: set.id },
      data: { measures: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 0, target: 40 }] },
    });
    await w.api(people.lena).project.addTeamMember({ projectId: set.id, userId: people.colin.userId });
    return set;
  };
  return { ...w, project };
}

/** What the summary should say, worked out from the updates themselves (as the dashboard once did). */
async function expectedSummary(db: Database, projectId: string) {
  const [latest] = await db.$queryRaw<{ id: string; rag: string | null; measureValues: unknown; submittedAt: Date | null }[]>`
    SELECT u."id", u."rag"::text AS "rag", u."measureValues", u."submittedAt" FROM "ProgressUpdate" u
    WHERE u."projectId" = ${projectId} AND u."status" IN ('SUBMITTED', 'ACCEPTED')
    ORDER BY u."submittedAt" DESC, u."id" DESC LIMIT 1`;
  return latest
    ? { latestUpdateId: latest.id, latestRag: latest.rag, latestMeasureValues: latest.measureValues, latestSubmittedAt: latest.submittedAt }
    : null;
}

async function storedSummary(db: Database, projectId: string) {
  const row = await db.projectReportSummary.findUnique({ where: { projectId } });
  if (!row || row.latestUpdateId === null) return null;
  return { latestUpdateId: row.latestUpdateId, latestRag: row.latestRag, latestMeasureValues: row.latestMeasureValues, latestSubmittedAt: row.latestSubmittedAt };
}

/** Each period's flag against whether it has a submitted or accepted update. */
async function reportedFlags(db: Database, projectId: string) {
  return db.$queryRaw<{ sequence: number; reported: boolean; expected: boolean }[]>`
    SELECT r."sequence", r."reported",
      EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED')) AS "expected"
    FROM "ReportingPeriod" r WHERE r."projectId" = ${projectId} ORDER BY r."sequence"`;
}

type Counts = { measureCount: number; targetCount: number; reportedCount: number; onTrackCount: number };

/** The measure counts the summary keeps, and the same counted afresh from the project, its evaluation and its latest update. */
async function measureCounts(db: Database, projectId: string) {
  const [row] = await db.$queryRaw<{ stored: Counts; fresh: Counts }[]>`
    SELECT
      json_build_object('measureCount', s."measureCount", 'targetCount', s."targetCount", 'reportedCount', s."reportedCount", 'onTrackCount', s."onTrackCount") AS "stored",
      (SELECT row_to_json(mc) FROM "measure_counts"(p."measures", e."measureResults", (
        SELECT u."measureValues" FROM "ProgressUpdate" u WHERE u."projectId" = p."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED')
        ORDER BY u."submittedAt" DESC, u."id" DESC LIMIT 1)) mc) AS "fresh"
    FROM "FundedProject" p
    LEFT JOIN "ProjectReportSummary" s ON s."projectId" = p."id"
    LEFT JOIN "ProjectEvaluation" e ON e."projectId" = p."id"
    WHERE p."id" = ${projectId}`;
  return row!;
}

async function expectInStep(db: Database, projectId: string) {
  expect(await storedSummary(db, projectId)).toEqual(await expectedSummary(db, projectId));
  const counts = await measureCounts(db, projectId);
  expect(counts.stored).toEqual(counts.fresh);
  const flags = await reportedFlags(db, projectId);
  expect(flags.map((flag) => flag.reported)).toEqual(flags.map((flag) => flag.expected));
  // The dashboards' tallies, kept from the summaries and periods, are in step too.
  expect(await talliesOutOfStep(db)).toEqual([]);
}

describe("a project's report summary", () => {
  it("follows submitting, accepting, returning and answering a returned update, and ignores drafts", async () => {
    const w = await world(database.db);
    const { id: projectId, periods } = await w.project("Pharmacy check-ins");
    const lena = w.api(w.people.lena);
    const officer = w.api(w.people.officer);
    const post = (sequence: number, rag: "RED" | "AMBER" | "GREEN", value: number) =>
      submitUpdate(w, w.people.lena, updateInput(projectId, periods[sequence - 1]!.id, { rag, measureValues: [{ measureId: "m1", value }] }));

    expect(await storedSummary(w.db, projectId)).toBeNull();
    await lena.project.saveUpdate(updateInput(projectId, periods[0]!.id, { rag: "RED", narrative: "Half written." }));
    expect(await storedSummary(w.db, projectId)).toBeNull();
    expect((await reportedFlags(w.db, projectId)).filter((flag) => flag.reported)).toEqual([]);

    const first = await w.db.progressUpdate.findFirstOrThrow({ where: { projectId, periodId: periods[0]!.id } });
    await lena.project.submitUpdate({ updateId: first.id });
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: first.id, latestRag: "RED" });
    await expectInStep(w.db, projectId);

    await officer.project.reviewUpdate({ updateId: first.id, outcome: "ACCEPT", note: "" });
    await expectInStep(w.db, projectId);

    const second = await post(2, "AMBER", 30);
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: second, latestRag: "AMBER", latestMeasureValues: [{ measureId: "m1", value: 30 }] });
    expect((await reportedFlags(w.db, projectId)).slice(0, 3).map((flag) => flag.reported)).toEqual([true, true, false]);

    // Returned: the latest is period 1's again, and period 2 waits for a report once more.
    await officer.project.reviewUpdate({ updateId: second, outcome: "RETURN", note: "Add the spend, please." });
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: first.id, latestRag: "RED" });
    expect((await reportedFlags(w.db, projectId)).slice(0, 2).map((flag) => flag.reported)).toEqual([true, false]);
    await expectInStep(w.db, projectId);

    // Answered with a new update.
    const answer = await post(2, "GREEN", 45);
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: answer, latestRag: "GREEN" });
    await expectInStep(w.db, projectId);

    // The dashboard reads it: one project, GREEN; period 3 onwards (due by now) overdue.
    const overview = await officer.portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(overview.projects.byRag).toEqual([
      { rag: "RED", count: 0 },
      { rag: "AMBER", count: 0 },
      { rag: "GREEN", count: 1 },
      { rag: null, count: 0 },
    ]);
    const overdueSequences = periods.filter((period) => period.sequence > 2 && period.dueOn < daysAgo(1)).length;
    expect(overview.overdue).toMatchObject({ projectCount: 1, periodCount: overdueSequences });
    // The latest update's value (45) has reached the target of 40.
    expect(overview.outcomes).toMatchObject({ measureCount: 1, targetCount: 1, reportedCount: 1, onTrackCount: 1 });

    // Reporting an overdue period takes it off the list at once.
    await post(3, "AMBER", 50);
    const after = await officer.portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(after.overdue.periodCount).toBe(overdueSequences - 1);
    expect(after.projects.byRag.find((group) => group.rag === "AMBER")!.count).toBe(1);
    await expectInStep(w.db, projectId);
  });

  it("stays right when two people submit a project's updates at the same moment", async () => {
    const w = await world(database.db);
    const { id: projectId, periods } = await w.project("Peer support");
    const drafts = await Promise.all(
      [w.people.lena, w.people.colin].map((author, index) =>
        w.api(author).project.saveUpdate(updateInput(projectId, periods[index]!.id, { rag: index === 0 ? "RED" : "GREEN" })),
      ),
    );
    await Promise.all(
      [w.people.lena, w.people.colin].map((author, index) => w.api(author).project.submitUpdate({ updateId: drafts[index]!.id })),
    );
    expect(await storedSummary(w.db, projectId)).not.toBeNull();
    await expectInStep(w.db, projectId);
    expect((await reportedFlags(w.db, projectId)).slice(0, 2).map((flag) => flag.reported)).toEqual([true, true]);
  });

  it("takes turns in the database: a transaction waiting on another sees what it committed", async () => {
    // Straight through the client, without the app's own project lock: the earlier submission
    // commits last, and must not overwrite the later one that committed first (as a trigger
    // that simply wrote its own row would).
    const w = await world(database.db);
    const { id: projectId, periods } = await w.project("Carers café");
    const insert = (tx: Pick<Database, "progressUpdate">, periodIndex: number, submittedAt: Date, rag: "RED" | "GREEN") =>
      tx.progressUpdate.create({
        data: { projectId, periodId: periods[periodIndex]!.id, authorId: w.people.lena.userId, status: "SUBMITTED", rag, percentComplete: 10, submittedAt },
        select: { id: true },
      });
    // The project's summary row exists already.
    await insert(w.db, 2, new Date("2025-06-01T10:00:00Z"), "RED");
    let releaseLater!: () => void;
    const laterMayCommit = new Promise<void>((resolve) => (releaseLater = resolve));
    let laterInserted!: () => void;
    const laterHasInserted = new Promise<void>((resolve) => (laterInserted = resolve));

    const later = w.db.$transaction(async (tx) => {
      const row = await insert(tx, 1, new Date("2026-01-02T10:00:00Z"), "GREEN");
      laterInserted();
      await laterMayCommit;
      return row.id;
    });
    await laterHasInserted;
    const earlier = w.db.$transaction(async (tx) => {
      // Waits here (inside the trigger) until `later` commits.
      return (await insert(tx, 0, new Date("2026-01-01T10:00:00Z"), "RED")).id;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseLater();
    const [laterId] = await Promise.all([later, earlier]);

    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: laterId, latestRag: "GREEN" });
    await expectInStep(w.db, projectId);
  });

  it("goes with its project, and removing an update recomputes it", async () => {
    const w = await world(database.db);
    const { id: projectId, periods } = await w.project("Walking group");
    const first = await submitUpdate(w, w.people.lena, updateInput(projectId, periods[0]!.id, { rag: "AMBER" }));
    const second = await submitUpdate(w, w.people.lena, updateInput(projectId, periods[1]!.id, { rag: "RED" }));
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: second });

    await w.db.progressUpdate.delete({ where: { id: second } });
    expect(await storedSummary(w.db, projectId)).toMatchObject({ latestUpdateId: first, latestRag: "AMBER" });
    await expectInStep(w.db, projectId);

    await w.db.$executeRaw`DELETE FROM "Tranche" WHERE "requiresPeriodId" IN (SELECT "id" FROM "ReportingPeriod" WHERE "projectId" = ${projectId})`;
    await w.db.fundedProject.delete({ where: { id: projectId } });
    expect(await w.db.projectReportSummary.count({ where: { projectId } })).toBe(0);
  });

  it("moves a project in the dashboards' tallies when it leaves its sub-group, is decided or is deleted, and when RAGs cross at once", async () => {
    const w = await world(database.db);
    const a = await w.project("Tally one");
    const b = await w.project("Tally two");
    const post = (project: typeof a, index: number, rag: "RED" | "AMBER" | "GREEN") =>
      submitUpdate(w, w.people.lena, updateInput(project.id, project.periods[index]!.id, { rag, measureValues: [{ measureId: "m1", value: 10 * index }] }));
    await Promise.all([post(a, 0, "GREEN"), post(b, 0, "AMBER")]);
    expect(await talliesOutOfStep(w.db)).toEqual([]);
    // The two swap RAGs in the same moment, twice: each takes one tally row from the other.
    await Promise.all([post(a, 1, "AMBER"), post(b, 1, "GREEN")]);
    await Promise.all([post(a, 2, "GREEN"), post(b, 2, "AMBER")]);
    expect(await talliesOutOfStep(w.db)).toEqual([]);

    const [tallied] = await w.db.$queryRaw<{ projects: number; late: number }[]>`
      SELECT (SELECT sum("projects")::int FROM "PortfolioProjectTally" WHERE "partnershipId" = ${w.partnership.id}) AS "projects",
             (SELECT sum("periods")::int FROM "PortfolioLateDay" WHERE "partnershipId" = ${w.partnership.id} AND "dueOn" < current_date) AS "late"`;
    const overdueBefore = a.periods.filter((period) => period.dueOn < new Date(new Date().toISOString().slice(0, 10))).length - 3;
    expect(tallied).toEqual({ projects: 2, late: 2 * overdueBefore });

    await w.db.fundedProject.update({ where: { id: a.id }, data: { subGroupId: null } });
    expect(await talliesOutOfStep(w.db)).toEqual([]);
    await w.db.fundedProject.update({ where: { id: a.id }, data: { status: "DECIDED" } });
    expect(await talliesOutOfStep(w.db)).toEqual([]);
    const overview = await w.api(w.people.officer).portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(overview.overdue).toMatchObject({ projectCount: 1, periodCount: overdueBefore });
    expect(overview.projects.byStatus.find((group) => group.status === "DECIDED")?.count).toBe(1);
    await w.db.fundedProject.update({ where: { id: a.id }, data: { status: "EVALUATING", subGroupId: w.subGroup.id } });
    expect(await talliesOutOfStep(w.db)).toEqual([]);
    // One statement that changes the status and the measures (which recounts the summary).
    await w.db.$executeRaw`UPDATE "FundedProject" SET "status" = 'ACTIVE', "measures" = '[]'::jsonb WHERE "id" = ${a.id}`;
    expect(await talliesOutOfStep(w.db)).toEqual([]);

    await w.db.$executeRaw`DELETE FROM "Tranche" WHERE "requiresPeriodId" IN (SELECT "id" FROM "ReportingPeriod" WHERE "projectId" = ${b.id})`;
    await w.db.progressUpdate.deleteMany({ where: { projectId: b.id } });
    await w.db.fundedProject.delete({ where: { id: b.id } });
    expect(await talliesOutOfStep(w.db)).toEqual([]);
  });

  it("keeps the project's measures counted against their targets as the measures, updates and evaluation change", async () => {
    const w = await world(database.db);
    const { id: projectId, periods } = await w.project("Befriending calls");
    const counts = async () => (await measureCounts(w.db, projectId)).stored;
    // Made with the project: one measure with a target, nothing reported yet.
    expect(await counts()).toEqual({ measureCount: 1, targetCount: 1, reportedCount: 0, onTrackCount: 0 });

    await submitUpdate(w, w.people.lena, updateInput(projectId, periods[0]!.id, { rag: "GREEN", measureValues: [{ measureId: "m1", value: 45 }] }));
    expect(await counts()).toEqual({ measureCount: 1, targetCount: 1, reportedCount: 1, onTrackCount: 1 });
    await expectInStep(w.db, projectId);

    // A second measure, meant to fall, not yet reported; the first's target raised past the value.
    await w.db.fundedProject.update({
      where: { id: projectId },
      data: {
        measures: [
          { id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 0, target: 50 },
          { id: "m2", name: "Days waiting", unit: "days", kind: "NUMBER", baseline: 30, target: 10 },
        ],
      },
    });
    expect(await counts()).toEqual({ measureCount: 2, targetCount: 2, reportedCount: 1, onTrackCount: 0 });

    await submitUpdate(w, w.people.lena, updateInput(projectId, periods[1]!.id, { rag: "AMBER", measureValues: [{ measureId: "m1", value: 48 }, { measureId: "m2", value: 9 }] }));
    expect(await counts()).toEqual({ measureCount: 2, targetCount: 2, reportedCount: 2, onTrackCount: 1 });

    // The evaluation's final values come first.
    await w.db.projectEvaluation.create({
      data: {
        projectId,
        authorId: w.people.lena.userId,
        measureResults: [{ measureId: "m1", value: 52 }],
        costPence: 90_000,
        whatWorked: "Evening calls.",
        whatDidNot: "Morning calls.",
        recommendation: "SCALE_UP",
      },
    });
    expect(await counts()).toEqual({ measureCount: 2, targetCount: 2, reportedCount: 2, onTrackCount: 2 });
    await expectInStep(w.db, projectId);

    // The dashboard adds them up from the summaries.
    const overview = await w.api(w.people.officer).portfolio.overview({ partnershipSlug: w.partnership.slug });
    expect(overview.outcomes).toMatchObject({ measureCount: 2, targetCount: 2, reportedCount: 2, onTrackCount: 2, projectCount: 1 });
    expect(overview.outcomes.projects).toEqual([
      { id: projectId, name: "Befriending calls", status: expect.any(String), measureCount: 2, targetCount: 2, reportedCount: 2, onTrackCount: 2 },
    ]);
  });

  it("pages the dashboard's lists: every project once, in order, with the counts over them all", async () => {
    const w = await world(database.db);
    const names = Array.from({ length: PORTFOLIO_PAGE_SIZE + 2 }, (_, index) => `Project ${String(index + 1).padStart(2, "0")}`);
    const projects = [];
    for (const name of names) projects.push(await w.project(name));
    const officer = w.api(w.people.officer);
    const overview = (overduePage?: number, outcomesPage?: number) =>
      officer.portfolio.overview({ partnershipSlug: w.partnership.slug, overduePage, outcomesPage });

    const first = await overview();
    const second = await overview(2, 2);
    const overduePeriods = projects.reduce((sum, project) => sum + project.periods.filter((period) => period.dueOn < new Date(new Date().toISOString().slice(0, 10))).length, 0);
    for (const page of [first, second]) {
      expect(page.overdue).toMatchObject({ projectCount: names.length, periodCount: overduePeriods, pageSize: PORTFOLIO_PAGE_SIZE });
      expect(page.outcomes).toMatchObject({ projectCount: names.length, measureCount: names.length, pageSize: PORTFOLIO_PAGE_SIZE });
    }
    expect([first.overdue.page, second.overdue.page, first.outcomes.page, second.outcomes.page]).toEqual([1, 2, 1, 2]);
    expect(first.overdue.projects).toHaveLength(PORTFOLIO_PAGE_SIZE);
    // All started on the same day, so equally overdue: by name.
    expect([...first.overdue.projects, ...second.overdue.projects].map((project) => project.name)).toEqual(names);
    expect([...first.outcomes.projects, ...second.outcomes.projects].map((project) => project.name)).toEqual(names);

    // A page past the last has no rows, and still the counts.
    const past = await overview(3, 9);
    expect(past.overdue).toMatchObject({ projectCount: names.length, page: 3, projects: [] });
    expect(past.outcomes).toMatchObject({ projectCount: names.length, page: 9, projects: [] });
    await expectFailure(overview(0), "BAD_REQUEST");
  });
});
