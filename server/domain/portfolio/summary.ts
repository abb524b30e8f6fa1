import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { ProjectOutcome, ProjectStatus, RagStatus } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { calendarDay, daysUntilDue, reportState } from "@/lib/projects/schedule";
import { countMeasures, type MeasureCounts } from "./outcomes";
import { isoDay } from "@/lib/uk-time";

/**
 * The figures a dashboard shows about a set of funded projects: the partnership's whole
 * portfolio, or one sub-group's. They come from four queries run side by side: grouped
 * sums for money and decisions, the periods that are overdue, and one short row per project
 * (its latest update's RAG and measure values from its report summary). None reads the
 * progress updates, so their number does not change the cost. "Now" is always
 * passed in.
 */

export type PortfolioScope = { partnershipId: string; subGroupId?: string };

/** Lists (overdue projects, outcomes by project) stop at this many rows; their counts do not. */
export const PORTFOLIO_LIST_LIMIT = 100;

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

export type ProjectOutcomes = { id: string; name: string; status: ProjectStatus } & MeasureCounts;

export type PortfolioSummary = {
  money: PortfolioMoney;
  projects: {
    total: number;
    byStatus: { status: ProjectStatus; count: number }[];
    /** By the RAG of each project's latest submitted update; `rag: null` is "no update yet". */
    byRag: { rag: RagStatus | null; count: number }[];
  };
  overdue: { projectCount: number; periodCount: number; projects: OverdueProject[] };
  decisions: { total: number; byOutcome: { outcome: ProjectOutcome; count: number }[] };
  outcomes: {
    measureCount: number;
    targetCount: number;
    reportedCount: number;
    onTrackCount: number;
    projectCount: number;
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
 * Projects with reports past their due date and nothing submitted. The database narrows
 * to periods due by today with no live update (`reported`, kept by a trigger on the
 * updates, so the updates themselves are never read); `reportState` has the last word on lateness.
 * Decided projects no longer report, so they are never overdue.
 */
async function overdue(db: Database, scope: PortfolioScope, now: Date): Promise<PortfolioSummary["overdue"]> {
  const rows = await db.$queryRaw<{ projectId: string; name: string; subGroupName: string | null; dueOn: Date }[]>`
    SELECT p."id" AS "projectId", p."name", sg."name" AS "subGroupName", r."dueOn"
    FROM "ReportingPeriod" r
    JOIN "FundedProject" p ON p."id" = r."projectId"
    LEFT JOIN "SubGroup" sg ON sg."id" = p."subGroupId"
    WHERE p."partnershipId" = ${scope.partnershipId} ${scopeSql(scope)}
      AND p."status" <> 'DECIDED'
      AND r."dueOn" <= ${isoDay(calendarDay(now))}::date
      AND NOT r."reported"`;
  const byProject = new Map<string, Omit<OverdueProject, "leadName" | "daysLate">>();
  let periodCount = 0;
  for (const row of rows) {
    if (reportState(row, null, now) !== "OVERDUE") continue;
    periodCount += 1;
    const project = byProject.get(row.projectId);
    if (!project) {
      byProject.set(row.projectId, { id: row.projectId, name: row.name, subGroupName: row.subGroupName, overdueCount: 1, oldestDueOn: row.dueOn });
    } else {
      project.overdueCount += 1;
      if (row.dueOn < project.oldestDueOn) project.oldestDueOn = row.dueOn;
    }
  }
  const listed = [...byProject.values()]
    .sort((a, b) => a.oldestDueOn.getTime() - b.oldestDueOn.getTime() || a.name.localeCompare(b.name, "en-GB"))
    .slice(0, PORTFOLIO_LIST_LIMIT);
  const leads = await db.projectTeamMember.findMany({
    where: { projectId: { in: listed.map((project) => project.id) }, role: "LEAD" },
    select: { projectId: true, user: { select: { name: true } } },
  });
  const leadNames = new Map(leads.map((lead) => [lead.projectId, displayName(lead.user)]));
  return {
    projectCount: byProject.size,
    periodCount,
    projects: listed.map((project) => ({
      ...project,
      leadName: leadNames.get(project.id) ?? null,
      daysLate: -daysUntilDue(project.oldestDueOn, now),
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

/**
 * Projects by status and by latest RAG, and each project's success measures against their
 * targets (see outcomes.ts), from one row per project: its status, measures, the RAG and
 * measure values of its latest submitted or accepted update (its ProjectReportSummary, kept
 * by a trigger: the latest by submission time, as the project's page picks it) and its
 * evaluation's final values. Never the updates themselves.
 */
async function projectFigures(db: Database, scope: PortfolioScope): Promise<Pick<PortfolioSummary, "projects" | "outcomes">> {
  const projects = await db.$queryRaw<
    { id: string; name: string; status: ProjectStatus; rag: RagStatus | null; measures: unknown; latestValues: unknown; finalValues: unknown }[]
  >`
    SELECT p."id", p."name", p."status"::text AS "status", l."latestRag"::text AS "rag", p."measures",
      l."latestMeasureValues" AS "latestValues", e."measureResults" AS "finalValues"
    FROM "FundedProject" p
    LEFT JOIN "ProjectReportSummary" l ON l."projectId" = p."id"
    LEFT JOIN "ProjectEvaluation" e ON e."projectId" = p."id"
    WHERE p."partnershipId" = ${scope.partnershipId} ${scopeSql(scope)}
    ORDER BY p."name", p."id"`;

  const count = <T>(value: T, of: (project: (typeof projects)[number]) => T) => projects.filter((project) => of(project) === value).length;
  const byStatus = PROJECT_STATUS_ORDER.map((status) => ({ status, count: count(status, (project) => project.status) }));
  const byRag = [...RAG_ORDER, null].map((rag) => ({ rag, count: count(rag, (project) => project.rag) }));

  const measured: ProjectOutcomes[] = projects
    .map((project) => ({
      id: project.id,
      name: project.name,
      status: project.status,
      ...countMeasures(project.measures, project.finalValues, project.latestValues),
    }))
    .filter((project) => project.measureCount > 0);
  const total = (key: keyof MeasureCounts) => measured.reduce((sum, project) => sum + project[key], 0);
  return {
    projects: { total: projects.length, byStatus, byRag },
    outcomes: {
      measureCount: total("measureCount"),
      targetCount: total("targetCount"),
      reportedCount: total("reportedCount"),
      onTrackCount: total("onTrackCount"),
      projectCount: measured.length,
      projects: measured.slice(0, PORTFOLIO_LIST_LIMIT),
    },
  };
}

/** Everything a portfolio dashboard shows about the projects in `scope` at `now`. */
export async function portfolioSummary(db: Database, scope: PortfolioScope, now: Date): Promise<PortfolioSummary> {
  const [moneyFigures, { projects, outcomes }, overdueProjects, decisionCounts] = await Promise.all([
    money(db, scope),
    projectFigures(db, scope),
    overdue(db, scope, now),
    decisions(db, scope),
  ]);
  return { money: moneyFigures, projects, overdue: overdueProjects, decisions: decisionCounts, outcomes };
}
