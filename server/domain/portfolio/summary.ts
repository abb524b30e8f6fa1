import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { ProjectOutcome, ProjectStatus, RagStatus } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { calendarDay, daysUntilDue } from "@/lib/projects/schedule";
import { isoDay } from "@/lib/uk-time";

/**
 * The figures a dashboard shows about a set of funded projects: the partnership's whole
 * portfolio, or one sub-group's. They come from a few statements run side by side, each
 * counting in the database and returning only grouped rows or the listed projects: money
 * and decisions by group, projects by status, RAG and measures (from each project's
 * report summary, kept by a trigger), and the overdue periods by project. None reads the
 * progress updates, so their number does not change the cost, and no list returns more
 * than a page of PORTFOLIO_PAGE_SIZE rows. "Now" is always passed in.
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
 * Projects with overdue reports, in one statement: the late periods grouped by project,
 * the oldest first, one page of them with the counts over all of them.
 */
async function overdue(db: Database, scope: PortfolioScope, now: Date, page = 1): Promise<PortfolioSummary["overdue"]> {
  const rows = await db.$queryRaw<
    {
      projectCount: number;
      periodCount: number;
      id: string | null;
      name: string;
      subGroupName: string | null;
      hasLead: boolean | null;
      leadName: string | null;
      overdueCount: number;
      oldestDueOn: Date;
    }[]
  >`
    WITH late AS (
      SELECT l."projectId", count(*)::int AS "overdueCount", min(l."dueOn") AS "oldestDueOn"
      FROM (${latePeriods(scope, now)}) l
      GROUP BY l."projectId"
    ), totals AS (
      SELECT count(*)::int AS "projectCount", coalesce(sum(late."overdueCount"), 0)::int AS "periodCount" FROM late
    ), listed AS (
      SELECT p."id", p."name", sg."name" AS "subGroupName", late."overdueCount", late."oldestDueOn"
      FROM late
      JOIN "FundedProject" p ON p."id" = late."projectId"
      LEFT JOIN "SubGroup" sg ON sg."id" = p."subGroupId"
      ORDER BY late."oldestDueOn", p."name", p."id"
      LIMIT ${PORTFOLIO_PAGE_SIZE} OFFSET ${offsetOf(page)}
    )
    SELECT totals.*, listed.*, lead."present" AS "hasLead", lead."name" AS "leadName"
    FROM totals
    LEFT JOIN listed ON true
    LEFT JOIN LATERAL (
      SELECT true AS "present", u."name" FROM "ProjectTeamMember" t JOIN "User" u ON u."id" = t."userId"
      WHERE t."projectId" = listed."id" AND t."role" = 'LEAD' ORDER BY t."userId" LIMIT 1
    ) lead ON true
    ORDER BY listed."oldestDueOn", listed."name", listed."id"`;
  // The totals row is always there (the listed projects are joined onto it), so rows[0] exists.
  const { projectCount, periodCount } = rows[0]!;
  return {
    projectCount,
    periodCount,
    page: Math.max(1, page),
    pageSize: PORTFOLIO_PAGE_SIZE,
    projects: rows.flatMap((row) =>
      row.id === null
        ? []
        : [
            {
              id: row.id,
              name: row.name,
              subGroupName: row.subGroupName,
              leadName: row.hasLead ? displayName({ name: row.leadName }) : null,
              overdueCount: row.overdueCount,
              oldestDueOn: row.oldestDueOn,
              daysLate: -daysUntilDue(row.oldestDueOn, now),
            },
          ],
    ),
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
 * Projects by status and by latest RAG, and their success measures against their targets,
 * counted in the database from each project's report summary: the RAG of its latest
 * submitted or accepted update and its measures counted against their targets (the
 * evaluation's final values first, else that update's), both kept by triggers. Only the
 * listed projects come back as rows.
 */
async function projectFigures(db: Database, scope: PortfolioScope, page = 1): Promise<Pick<PortfolioSummary, "projects" | "outcomes">> {
  const [groups, listed] = await Promise.all([
    db.$queryRaw<({ status: ProjectStatus; rag: RagStatus | null; projects: number; measured: number } & MeasureCounts)[]>`
      SELECT p."status"::text AS "status", s."latestRag"::text AS "rag", count(*)::int AS "projects",
        (count(*) FILTER (WHERE s."measureCount" > 0))::int AS "measured",
        sum(s."measureCount")::int AS "measureCount", sum(s."targetCount")::int AS "targetCount",
        sum(s."reportedCount")::int AS "reportedCount", sum(s."onTrackCount")::int AS "onTrackCount"
      ${summarisedProjects(scope)}
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
