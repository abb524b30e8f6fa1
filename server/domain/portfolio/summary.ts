import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { ProjectOutcome, ProjectStatus, RagStatus } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { calendarDay, daysUntilDue } from "@/lib/projects/schedule";
import { isoDay } from "@/lib/uk-time";

/**
 * The figures a dashboard shows about a set of funded projects: the partnership's whole
 * portfolio, or one sub-group's. They come from a few statements run side by side, each
 * returning only grouped rows or the listed projects: money and decisions by group, and
 * projects by status, RAG and measures and the overdue reports from tallies that triggers
 * keep (PortfolioProjectTally, PortfolioLateDay), so neither the number of progress updates
 * nor that of projects sets the cost, and no list returns more than a page of
 * PORTFOLIO_PAGE_SIZE rows. "Now" is always passed in.
 */

export type PortfolioScope = { partnershipId: string; subGroupId?: string };

/** Lists (overdue projects, outcomes by project) come a page of this many rows at a time; their counts are of every row. */
export const PORTFOLIO_PAGE_SIZE = 25;

/** Which page of each list to show (from 1; a page past the last shows no rows, with the counts). */
export type PortfolioPages = { overduePage?: number; outcomesPage?: number };

const offsetOf = (page: number | undefined) => (Math.max(1, page ?? 1) - 1) * PORTFOLIO_PAGE_SIZE;

export const PROJECT_STATUS_ORDER: readonly ProjectStatus[] = ["ACTIVE", "EVALUATING", "DECIDED"];
export const RAG_ORDER: readonly RagStatus[] = ["RED", "AMBER", "GREEN"];
export const OUTCOME_ORDER: readonly ProjectOutcome[] = ["SCALE_UP", "SUSTAIN", "ADAPT", "STOP"];

export type AreaMoney = {
  /** Null for awards made without a priority area. */
  priorityAreaId: string | null;
  title: string;
  committedPence: number;
  paidPence: number;
  /** Committed and not yet paid. */
  remainingPence: number;
};

export type PortfolioMoney = {
  committedPence: number;
  paidPence: number;
  remainingPence: number;
  /** The partnership's funds together (null for a sub-group, which has no funds of its own). */
  funds: { count: number; totalPence: number; committedPence: number; paidPence: number; availablePence: number } | null;
  byArea: AreaMoney[];
};

export type OverdueProject = {
  id: string;
  name: string;
  subGroupName: string | null;
  leadName: string | null;
  /** Periods past their due date with no update submitted. */
  overdueCount: number;
  oldestDueOn: Date;
  daysLate: number;
};

/** A project's success measures against their targets (the database's `measure_counts` has the rule). */
export type MeasureCounts = {
  measureCount: number;
  /** Measures with a target to compare against. */
  targetCount: number;
  /** Measures with a value reported. */
  reportedCount: number;
  /** Measures whose value has reached the target. */
  onTrackCount: number;
};

export type ProjectOutcomes = { id: string; name: string; status: ProjectStatus } & MeasureCounts;

export type PortfolioSummary = {
  money: PortfolioMoney;
  projects: {
    total: number;
    byStatus: { status: ProjectStatus; count: number }[];
    /** By the RAG of each project's latest submitted update; `rag: null` is "no update yet". */
    byRag: { rag: RagStatus | null; count: number }[];
  };
  overdue: { projectCount: number; periodCount: number; page: number; pageSize: number; projects: OverdueProject[] };
  decisions: { total: number; byOutcome: { outcome: ProjectOutcome; count: number }[] };
  outcomes: {
    measureCount: number;
    targetCount: number;
    reportedCount: number;
    onTrackCount: number;
    projectCount: number;
    page: number;
    pageSize: number;
    projects: ProjectOutcomes[];
  };
};


function scopeSql(scope: PortfolioScope) {
  return scope.subGroupId ? Prisma.sql`AND p."subGroupId" = ${scope.subGroupId}` : Prisma.empty;
}

/** The rows of a tally table (aliased `t`) for the scope: the partnership's, or one sub-group's. */
function tallyScopeSql(scope: PortfolioScope) {
  return Prisma.sql`t."partnershipId" = ${scope.partnershipId} ${scope.subGroupId ? Prisma.sql`AND t."subGroupKey" = ${scope.subGroupId}` : Prisma.empty}`;
}

function projectWhere(scope: PortfolioScope): Prisma.FundedProjectWhereInput {
  return scope.subGroupId ? { partnershipId: scope.partnershipId, subGroupId: scope.subGroupId } : { partnershipId: scope.partnershipId };
}

/** Committed, paid and remaining money by priority area, from the awards (and the funds for a whole partnership). */
async function money(db: Database, scope: PortfolioScope): Promise<PortfolioMoney> {
  const awardWhere: Prisma.AwardWhereInput = scope.subGroupId
    ? { fund: { partnershipId: scope.partnershipId }, project: { is: { subGroupId: scope.subGroupId } } }
    : { fund: { partnershipId: scope.partnershipId } };
  const [groups, areas, funds] = await Promise.all([
    db.award.groupBy({ by: ["priorityAreaId"], where: awardWhere, _sum: { awardedPence: true, paidPence: true } }),
    db.priorityArea.findMany({
      where: { partnershipId: scope.partnershipId },
      select: { id: true, title: true, archivedAt: true },
      orderBy: [{ position: "asc" }, { title: "asc" }],
    }),
    scope.subGroupId
      ? null
      : db.fund.aggregate({
          where: { partnershipId: scope.partnershipId },
          _count: { _all: true },
          _sum: { totalPence: true, committedPence: true, paidPence: true },
        }),
  ]);
  const sums = new Map(groups.map((group) => [group.priorityAreaId, group._sum]));
  const row = (priorityAreaId: string | null, title: string): AreaMoney => {
    const committedPence = sums.get(priorityAreaId)?.awardedPence ?? 0;
    const paidPence = sums.get(priorityAreaId)?.paidPence ?? 0;
    return { priorityAreaId, title, committedPence, paidPence, remainingPence: committedPence - paidPence };
  };
  // A partnership sees every current priority area (at £0 when nothing is awarded yet); a sub-group only its money.
  const byArea = areas
    .filter((area) => sums.has(area.id) || (!scope.subGroupId && area.archivedAt === null))
    .map((area) => row(area.id, area.title));
  if (sums.has(null)) byArea.push(row(null, "No priority area"));
  const committedPence = byArea.reduce((sum, area) => sum + area.committedPence, 0);
  const paidPence = byArea.reduce((sum, area) => sum + area.paidPence, 0);
  return {
    committedPence,
    paidPence,
    remainingPence: committedPence - paidPence,
    funds: funds && {
      count: funds._count._all,
      totalPence: funds._sum.totalPence ?? 0,
      committedPence: funds._sum.committedPence ?? 0,
      paidPence: funds._sum.paidPence ?? 0,
      availablePence: (funds._sum.totalPence ?? 0) - (funds._sum.committedPence ?? 0),
    },
    byArea,
  };
}

/**
 * The periods overdue at `now` in `scope`: due before today (a due day is late from the
 * start of the next, as `isLate` says) with no submitted or accepted update (`reported`,
 * kept by a trigger on the updates, so the updates themselves are never read), on projects
 * not yet decided (decided projects no longer report). Selects each period's "projectId"
 * and "dueOn".
 */
export function latePeriods(scope: PortfolioScope, now: Date) {
  return Prisma.sql`
    SELECT r."projectId", r."dueOn"
    FROM "ReportingPeriod" r
    JOIN "FundedProject" p ON p."id" = r."projectId"
    WHERE p."partnershipId" = ${scope.partnershipId} ${scopeSql(scope)}
      AND p."status" <> 'DECIDED'
      AND r."dueOn" < ${isoDay(calendarDay(now))}::date
      AND NOT r."reported"`;
}

/**
 * Projects with overdue reports: the counts from the late-reports tally (the periods and the
 * projects by due day, kept by triggers, summed over the days before today), and one page of
 * the projects, oldest overdue report first, found through each project's oldest open
 * period in its summary; only the listed projects' periods are counted here.
 */
async function overdue(db: Database, scope: PortfolioScope, now: Date, page = 1): Promise<PortfolioSummary["overdue"]> {
  const today = isoDay(calendarDay(now));
  const [[totals], listed] = await Promise.all([
    db.$queryRaw<{ projectCount: number; periodCount: number }[]>`
      SELECT coalesce(sum(t."projects"), 0)::int AS "projectCount", coalesce(sum(t."periods"), 0)::int AS "periodCount"
      FROM "PortfolioLateDay" t
      WHERE ${tallyScopeSql(scope)} AND t."dueOn" < ${today}::date`,
    db.$queryRaw<
      { id: string; name: string; subGroupName: string | null; hasLead: boolean | null; leadName: string | null; overdueCount: number; oldestDueOn: Date }[]
    >`
      SELECT p."id", p."name", sg."name" AS "subGroupName", s."oldestUnreportedDueOn" AS "oldestDueOn", late."overdueCount",
             lead."present" AS "hasLead", lead."name" AS "leadName"
      FROM "ProjectReportSummary" s
      JOIN "FundedProject" p ON p."id" = s."projectId"
      LEFT JOIN "SubGroup" sg ON sg."id" = p."subGroupId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "overdueCount" FROM (${latePeriods(scope, now)}) l WHERE l."projectId" = p."id"
      ) late
      LEFT JOIN LATERAL (
        SELECT true AS "present", u."name" FROM "ProjectTeamMember" t JOIN "User" u ON u."id" = t."userId"
        WHERE t."projectId" = p."id" AND t."role" = 'LEAD' ORDER BY t."userId" LIMIT 1
      ) lead ON true
      WHERE s."oldestUnreportedDueOn" < ${today}::date
        AND p."partnershipId" = ${scope.partnershipId} ${scopeSql(scope)}
        AND p."status" <> 'DECIDED'
      ORDER BY s."oldestUnreportedDueOn", p."name", p."id"
      LIMIT ${PORTFOLIO_PAGE_SIZE} OFFSET ${offsetOf(page)}`,
  ]);
  return {
    projectCount: totals!.projectCount,
    periodCount: totals!.periodCount,
    page: Math.max(1, page),
    pageSize: PORTFOLIO_PAGE_SIZE,
    projects: listed.map((row) => ({
      id: row.id,
      name: row.name,
      subGroupName: row.subGroupName,
      leadName: row.hasLead ? displayName({ name: row.leadName }) : null,
      overdueCount: row.overdueCount,
      oldestDueOn: row.oldestDueOn,
      daysLate: -daysUntilDue(row.oldestDueOn, now),
    })),
  };
}

async function decisions(db: Database, scope: PortfolioScope): Promise<PortfolioSummary["decisions"]> {
  const groups = await db.projectDecision.groupBy({
    by: ["outcome"],
    where: { project: projectWhere(scope) },
    _count: { _all: true },
  });
  const byOutcome = OUTCOME_ORDER.map((outcome) => ({
    outcome,
    count: groups.find((group) => group.outcome === outcome)?._count._all ?? 0,
  }));
  return { total: byOutcome.reduce((sum, group) => sum + group.count, 0), byOutcome };
}

/** What both project statements read: each project's status and its report summary, never its measures or updates. */
function summarisedProjects(scope: PortfolioScope) {
  return Prisma.sql`
    FROM "FundedProject" p
    JOIN "ProjectReportSummary" s ON s."projectId" = p."id"
    WHERE p."partnershipId" = ${scope.partnershipId} ${scopeSql(scope)}`;
}

/**
 * Projects by status and by latest RAG, and their success measures against their targets:
 * summed from the project tally (by sub-group, status and RAG, kept by triggers from each
 * project's report summary), so the cost does not grow with the number of projects. The
 * projects listed with their measures come a page at a time from the summaries.
 */
async function projectFigures(db: Database, scope: PortfolioScope, page = 1): Promise<Pick<PortfolioSummary, "projects" | "outcomes">> {
  const [groups, listed] = await Promise.all([
    db.$queryRaw<({ status: ProjectStatus; rag: RagStatus | null; projects: number; measured: number } & MeasureCounts)[]>`
      SELECT t."status"::text AS "status", nullif(t."ragKey", '') AS "rag", sum(t."projects")::int AS "projects",
        sum(t."measured")::int AS "measured", sum(t."measureCount")::int AS "measureCount", sum(t."targetCount")::int AS "targetCount",
        sum(t."reportedCount")::int AS "reportedCount", sum(t."onTrackCount")::int AS "onTrackCount"
      FROM "PortfolioProjectTally" t
      WHERE ${tallyScopeSql(scope)}
      GROUP BY 1, 2`,
    db.$queryRaw<({ id: string; name: string; status: ProjectStatus } & MeasureCounts)[]>`
      SELECT p."id", p."name", p."status"::text AS "status", s."measureCount", s."targetCount", s."reportedCount", s."onTrackCount"
      ${summarisedProjects(scope)} AND s."measureCount" > 0
      ORDER BY p."name", p."id"
      LIMIT ${PORTFOLIO_PAGE_SIZE} OFFSET ${offsetOf(page)}`,
  ]);
  const total = (key: "projects" | "measured" | keyof MeasureCounts, of: readonly typeof groups[number][] = groups) =>
    of.reduce((sum, group) => sum + group[key], 0);
  return {
    projects: {
      total: total("projects"),
      byStatus: PROJECT_STATUS_ORDER.map((status) => ({ status, count: total("projects", groups.filter((group) => group.status === status)) })),
      byRag: [...RAG_ORDER, null].map((rag) => ({ rag, count: total("projects", groups.filter((group) => group.rag === rag)) })),
    },
    outcomes: {
      measureCount: total("measureCount"),
      targetCount: total("targetCount"),
      reportedCount: total("reportedCount"),
      onTrackCount: total("onTrackCount"),
      projectCount: total("measured"),
      page: Math.max(1, page),
      pageSize: PORTFOLIO_PAGE_SIZE,
      projects: listed,
    },
  };
}

/** Everything a portfolio dashboard shows about the projects in `scope` at `now`, with the asked-for page of each list. */
export async function portfolioSummary(db: Database, scope: PortfolioScope, now: Date, pages: PortfolioPages = {}): Promise<PortfolioSummary> {
  const [moneyFigures, { projects, outcomes }, overdueProjects, decisionCounts] = await Promise.all([
    money(db, scope),
    projectFigures(db, scope, pages.outcomesPage),
    overdue(db, scope, now, pages.overduePage),
    decisions(db, scope),
  ]);
  return { money: moneyFigures, projects, overdue: overdueProjects, decisions: decisionCounts, outcomes };
}
