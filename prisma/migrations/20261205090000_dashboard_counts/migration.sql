-- Dashboards count in the database and read a few grouped rows, never every project's
-- measures or every overdue period: each project's report summary also keeps its success
-- measures counted against their targets, current in the transaction of every change to
-- what they depend on (the project's measures, its evaluation, its latest update).

-- A project's success measures counted against their targets. The one definition of "at target":
-- - a measure counts when it has a string id; it has a target when its target is a number;
-- - its value is the first numeric value for its id in the evaluation's final values, else
--   in the latest submitted update's;
-- - it has reached its target when the value is at or above a target at or above the
--   baseline (no baseline counts as 0), or at or below a target below it.
-- Stored JSON that is missing or malformed counts as no measures or no values.
CREATE FUNCTION "measure_counts"(
  measures JSONB,
  final_values JSONB,
  latest_values JSONB,
  OUT "measureCount" INTEGER,
  OUT "targetCount" INTEGER,
  OUT "reportedCount" INTEGER,
  OUT "onTrackCount" INTEGER
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH measure AS (
    SELECT
      CASE WHEN jsonb_typeof(m -> 'target') = 'number' THEN (m ->> 'target')::float8 END AS target,
      coalesce(CASE WHEN jsonb_typeof(m -> 'baseline') = 'number' THEN (m ->> 'baseline')::float8 END, 0) AS baseline,
      coalesce(
        (SELECT (v ->> 'value')::float8
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(final_values) = 'array' THEN final_values ELSE '[]'::jsonb END) WITH ORDINALITY AS f (v, n)
         WHERE jsonb_typeof(v -> 'measureId') = 'string' AND v ->> 'measureId' = m ->> 'id' AND jsonb_typeof(v -> 'value') = 'number'
         ORDER BY n LIMIT 1),
        (SELECT (v ->> 'value')::float8
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(latest_values) = 'array' THEN latest_values ELSE '[]'::jsonb END) WITH ORDINALITY AS l (v, n)
         WHERE jsonb_typeof(v -> 'measureId') = 'string' AND v ->> 'measureId' = m ->> 'id' AND jsonb_typeof(v -> 'value') = 'number'
         ORDER BY n LIMIT 1)
      ) AS value
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(measures) = 'array' THEN measures ELSE '[]'::jsonb END) AS m
    WHERE jsonb_typeof(m -> 'id') = 'string'
  )
  SELECT
    count(*)::int,
    count(target)::int,
    count(value)::int,
    (count(*) FILTER (WHERE CASE WHEN target >= baseline THEN value >= target ELSE value <= target END))::int
  FROM measure
$$;

-- AlterTable
ALTER TABLE "ProjectReportSummary"
  ADD COLUMN "measureCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "targetCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "reportedCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "onTrackCount" INTEGER NOT NULL DEFAULT 0;

-- Recounts one project's measures into its summary row (made when missing). The row is
-- locked first, as the update trigger does, so changes to one project take turns and each
-- later statement here sees what the previous holder of the lock committed.
CREATE FUNCTION "project_summary_recount"(project_id TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The project itself is being deleted: its summary goes with it.
  IF NOT EXISTS (SELECT 1 FROM "FundedProject" WHERE "id" = project_id) THEN RETURN; END IF;
  INSERT INTO "ProjectReportSummary" ("projectId") VALUES (project_id) ON CONFLICT ("projectId") DO NOTHING;
  PERFORM 1 FROM "ProjectReportSummary" WHERE "projectId" = project_id FOR UPDATE;
  UPDATE "ProjectReportSummary" s
  SET ("measureCount", "targetCount", "reportedCount", "onTrackCount") = (
    SELECT mc."measureCount", mc."targetCount", mc."reportedCount", mc."onTrackCount"
    FROM "FundedProject" p
    LEFT JOIN "ProjectEvaluation" e ON e."projectId" = p."id"
    CROSS JOIN LATERAL "measure_counts"(p."measures", e."measureResults", s."latestMeasureValues") mc
    WHERE p."id" = s."projectId"
  )
  WHERE s."projectId" = project_id;
END;
$$;

CREATE FUNCTION "funded_project_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "project_summary_recount"(NEW."id");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "FundedProject_recount" AFTER INSERT OR UPDATE OF "measures" ON "FundedProject"
FOR EACH ROW EXECUTE FUNCTION "funded_project_recount"();

CREATE FUNCTION "project_evaluation_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "project_summary_recount"(CASE WHEN TG_OP = 'DELETE' THEN OLD."projectId" ELSE NEW."projectId" END);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ProjectEvaluation_recount" AFTER INSERT OR DELETE ON "ProjectEvaluation"
FOR EACH ROW EXECUTE FUNCTION "project_evaluation_recount"();

-- The update trigger recounts too, once it has set the latest update's values.
CREATE OR REPLACE FUNCTION "progress_update_keep_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  project_id TEXT;
  period_ids TEXT[];
  latest RECORD;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" NOT IN ('SUBMITTED', 'ACCEPTED') THEN RETURN NULL; END IF;
    project_id := NEW."projectId";
    period_ids := ARRAY[NEW."periodId"];
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."status" NOT IN ('SUBMITTED', 'ACCEPTED') THEN RETURN NULL; END IF;
    project_id := OLD."projectId";
    period_ids := ARRAY[OLD."periodId"];
  ELSE
    IF OLD."status" NOT IN ('SUBMITTED', 'ACCEPTED') AND NEW."status" NOT IN ('SUBMITTED', 'ACCEPTED') THEN RETURN NULL; END IF;
    project_id := NEW."projectId";
    period_ids := ARRAY[OLD."periodId", NEW."periodId"];
  END IF;
  -- The project itself is being deleted: its summary goes with it.
  IF NOT EXISTS (SELECT 1 FROM "FundedProject" WHERE "id" = project_id) THEN RETURN NULL; END IF;

  INSERT INTO "ProjectReportSummary" ("projectId") VALUES (project_id) ON CONFLICT ("projectId") DO NOTHING;
  PERFORM 1 FROM "ProjectReportSummary" WHERE "projectId" = project_id FOR UPDATE;

  SELECT u."id", u."rag", u."measureValues", u."submittedAt" INTO latest
  FROM "ProgressUpdate" u
  WHERE u."projectId" = project_id AND u."status" IN ('SUBMITTED', 'ACCEPTED')
  ORDER BY u."submittedAt" DESC, u."id" DESC
  LIMIT 1;
  UPDATE "ProjectReportSummary"
  SET "latestUpdateId" = latest."id", "latestRag" = latest."rag",
      "latestMeasureValues" = latest."measureValues", "latestSubmittedAt" = latest."submittedAt"
  WHERE "projectId" = project_id;
  PERFORM "project_summary_recount"(project_id);

  UPDATE "ReportingPeriod" r
  SET "reported" = live.reported
  FROM (
    SELECT p."id", EXISTS (
      SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = p."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED')
    ) AS reported
    FROM "ReportingPeriod" p WHERE p."id" = ANY (period_ids)
  ) live
  WHERE r."id" = live."id" AND r."reported" IS DISTINCT FROM live.reported;
  RETURN NULL;
END;
$$;

-- Backfill: a summary row for every project, with its measures counted.
SELECT count("project_summary_recount"(p."id")) FROM "FundedProject" p;

-- Overdue reports: the periods due before a day with nothing in, by due day.
CREATE INDEX "ReportingPeriod_unreported_by_due" ON "ReportingPeriod" ("dueOn", "projectId") WHERE NOT "reported";

-- Lists in name order (the dashboards' outcomes by project) walk this instead of sorting.
CREATE INDEX "FundedProject_partnershipId_name_id_idx" ON "FundedProject"("partnershipId", "name", "id");
