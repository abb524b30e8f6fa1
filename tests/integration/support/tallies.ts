import type { Database } from "@/server/db/client";

/**
 * Every dashboard tally row that differs from the same counted afresh from the projects,
 * their summaries and their periods (rows that net to nothing are the same as no row), and
 * every summary whose oldest open period is not the one its periods say. Empty when the
 * triggers kept everything in step.
 */
export async function talliesOutOfStep(db: Database): Promise<unknown[]> {
  return db.$queryRaw<unknown[]>`
    WITH kept_projects AS (
      SELECT to_jsonb(t) AS row FROM "PortfolioProjectTally" t
      WHERE (t."projects", t."measured", t."measureCount", t."targetCount", t."reportedCount", t."onTrackCount") <> (0, 0, 0, 0, 0, 0)
    ), live_projects AS (
      SELECT to_jsonb(t) AS row FROM "portfolio_project_tally_live"() t
    ), kept_days AS (
      SELECT to_jsonb(d) AS row FROM "PortfolioLateDay" d WHERE (d."periods", d."projects") <> (0, 0)
    ), live_days AS (
      SELECT to_jsonb(d) AS row FROM "portfolio_late_day_live"() d
    )
    (SELECT 'kept project tally' AS "only", row FROM kept_projects EXCEPT SELECT 'kept project tally', row FROM live_projects)
    UNION ALL
    (SELECT 'live project tally', row FROM live_projects EXCEPT SELECT 'live project tally', row FROM kept_projects)
    UNION ALL
    (SELECT 'kept late day', row FROM kept_days EXCEPT SELECT 'kept late day', row FROM live_days)
    UNION ALL
    (SELECT 'live late day', row FROM live_days EXCEPT SELECT 'live late day', row FROM kept_days)
    UNION ALL
    SELECT 'summary oldest open period', jsonb_build_object('projectId', s."projectId", 'kept', s."oldestUnreportedDueOn", 'live', o."dueOn")
    FROM "ProjectReportSummary" s
    CROSS JOIN LATERAL (SELECT min(r."dueOn") AS "dueOn" FROM "ReportingPeriod" r WHERE r."projectId" = s."projectId" AND NOT r."reported") o
    WHERE s."oldestUnreportedDueOn" IS DISTINCT FROM o."dueOn"`;
}
