-- Dashboards read one short row per project and the periods still waiting for a report,
-- never the progress updates themselves (whose narratives make that table large): a
-- trigger on ProgressUpdate keeps both current in the transaction that submits, accepts,
-- returns or deletes an update.

-- AlterTable
ALTER TABLE "ReportingPeriod" ADD COLUMN "reported" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProjectReportSummary" (
    "projectId" TEXT NOT NULL,
    "latestUpdateId" TEXT,
    "latestRag" "RagStatus",
    "latestMeasureValues" JSONB,
    "latestSubmittedAt" TIMESTAMP(3),

    CONSTRAINT "ProjectReportSummary_pkey" PRIMARY KEY ("projectId")
);

-- AddForeignKey
ALTER TABLE "ProjectReportSummary" ADD CONSTRAINT "ProjectReportSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The periods waiting for a report, by project: overdue reports are read from here.
CREATE INDEX "ReportingPeriod_unreported" ON "ReportingPeriod" ("projectId", "dueOn") WHERE NOT "reported";

-- Recomputes a project's summary and its periods' flags whenever a submitted or accepted
-- update appears, changes status or goes. The summary row is locked first, so concurrent
-- changes to one project's updates take turns; each later statement in this (volatile)
-- function reads with a fresh snapshot, so under READ COMMITTED it sees whatever the
-- previous holder of the lock committed. Drafts being edited never get here.
CREATE FUNCTION "progress_update_keep_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER "ProgressUpdate_keep_summary"
AFTER INSERT OR DELETE OR UPDATE OF "status", "rag", "measureValues", "submittedAt", "periodId" ON "ProgressUpdate"
FOR EACH ROW EXECUTE FUNCTION "progress_update_keep_summary"();

-- Backfill from the updates already there.
INSERT INTO "ProjectReportSummary" ("projectId", "latestUpdateId", "latestRag", "latestMeasureValues", "latestSubmittedAt")
SELECT DISTINCT ON (u."projectId") u."projectId", u."id", u."rag", u."measureValues", u."submittedAt"
FROM "ProgressUpdate" u
WHERE u."status" IN ('SUBMITTED', 'ACCEPTED')
ORDER BY u."projectId", u."submittedAt" DESC, u."id" DESC;

UPDATE "ReportingPeriod" r SET "reported" = true
WHERE EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'));
