-- A dashboard's counts no longer grow with the number of projects: tallies by partnership,
-- sub-group and status/RAG, and of the reports not yet in by due day, are kept current by
-- triggers in the transaction of every change they depend on, and a dashboard sums a few
-- dozen of their rows. Each change adds its rows in key order in one statement, so two
-- transactions lock the tally rows they share in the same order.

-- AlterTable
ALTER TABLE "ProjectReportSummary" ADD COLUMN "oldestUnreportedDueOn" DATE;

-- CreateTable
CREATE TABLE "PortfolioProjectTally" (
    "partnershipId" TEXT NOT NULL,
    "subGroupKey" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "ragKey" TEXT NOT NULL,
    "projects" INTEGER NOT NULL DEFAULT 0,
    "measured" INTEGER NOT NULL DEFAULT 0,
    "measureCount" INTEGER NOT NULL DEFAULT 0,
    "targetCount" INTEGER NOT NULL DEFAULT 0,
    "reportedCount" INTEGER NOT NULL DEFAULT 0,
    "onTrackCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PortfolioProjectTally_pkey" PRIMARY KEY ("partnershipId","subGroupKey","status","ragKey")
);

-- CreateTable
CREATE TABLE "PortfolioLateDay" (
    "partnershipId" TEXT NOT NULL,
    "subGroupKey" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "periods" INTEGER NOT NULL DEFAULT 0,
    "projects" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PortfolioLateDay_pkey" PRIMARY KEY ("partnershipId","subGroupKey","dueOn")
);

-- CreateIndex
CREATE INDEX "ProjectReportSummary_oldestUnreportedDueOn_idx" ON "ProjectReportSummary"("oldestUnreportedDueOn");

-- AddForeignKey
ALTER TABLE "PortfolioProjectTally" ADD CONSTRAINT "PortfolioProjectTally_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioLateDay" ADD CONSTRAINT "PortfolioLateDay_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the tallies should hold, counted afresh from the projects, their summaries and their
-- periods: for the backfill below, for rebuilding after a bulk load, and for the tests.
CREATE FUNCTION "portfolio_project_tally_live"() RETURNS SETOF "PortfolioProjectTally" LANGUAGE sql STABLE AS $$
  SELECT p."partnershipId", coalesce(p."subGroupId", ''), p."status", coalesce(s."latestRag"::text, ''),
         count(*)::int, (count(*) FILTER (WHERE s."measureCount" > 0))::int,
         sum(s."measureCount")::int, sum(s."targetCount")::int, sum(s."reportedCount")::int, sum(s."onTrackCount")::int
  FROM "FundedProject" p
  JOIN "ProjectReportSummary" s ON s."projectId" = p."id"
  GROUP BY 1, 2, 3, 4
$$;

-- A period counts while nothing is in for it and its project is not decided; a project counts
-- on the due day of its oldest such period.
CREATE FUNCTION "portfolio_late_day_live"() RETURNS SETOF "PortfolioLateDay" LANGUAGE sql STABLE AS $$
  WITH open AS (
    SELECT p."partnershipId", coalesce(p."subGroupId", '') AS "subGroupKey", r."projectId", r."dueOn"
    FROM "ReportingPeriod" r
    JOIN "FundedProject" p ON p."id" = r."projectId"
    WHERE NOT r."reported" AND p."status" <> 'DECIDED'
  ), oldest AS (
    SELECT "partnershipId", "subGroupKey", min("dueOn") AS "dueOn" FROM open GROUP BY "partnershipId", "subGroupKey", "projectId"
  )
  SELECT d."partnershipId", d."subGroupKey", d."dueOn", d.periods, coalesce(o.projects, 0)
  FROM (SELECT "partnershipId", "subGroupKey", "dueOn", count(*)::int AS periods FROM open GROUP BY 1, 2, 3) d
  LEFT JOIN (SELECT "partnershipId", "subGroupKey", "dueOn", count(*)::int AS projects FROM oldest GROUP BY 1, 2, 3) o
    USING ("partnershipId", "subGroupKey", "dueOn")
$$;

-- Adds signed changes to the tallies, netted by key, in key order.
CREATE FUNCTION "portfolio_project_tally_add"(changes "PortfolioProjectTally"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "PortfolioProjectTally" AS t
  SELECT c."partnershipId", c."subGroupKey", c."status", c."ragKey", sum(c."projects"), sum(c."measured"),
         sum(c."measureCount"), sum(c."targetCount"), sum(c."reportedCount"), sum(c."onTrackCount")
  FROM unnest(changes) c
  GROUP BY 1, 2, 3, 4
  HAVING (sum(c."projects"), sum(c."measured"), sum(c."measureCount"), sum(c."targetCount"), sum(c."reportedCount"), sum(c."onTrackCount"))
         IS DISTINCT FROM (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("partnershipId", "subGroupKey", "status", "ragKey") DO UPDATE SET
    "projects" = t."projects" + excluded."projects",
    "measured" = t."measured" + excluded."measured",
    "measureCount" = t."measureCount" + excluded."measureCount",
    "targetCount" = t."targetCount" + excluded."targetCount",
    "reportedCount" = t."reportedCount" + excluded."reportedCount",
    "onTrackCount" = t."onTrackCount" + excluded."onTrackCount"
$$;

CREATE FUNCTION "portfolio_late_day_add"(changes "PortfolioLateDay"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "PortfolioLateDay" AS t
  SELECT c."partnershipId", c."subGroupKey", c."dueOn", sum(c."periods"), sum(c."projects")
  FROM unnest(changes) c
  GROUP BY 1, 2, 3
  HAVING (sum(c."periods"), sum(c."projects")) IS DISTINCT FROM (0::bigint, 0::bigint)
  ORDER BY 1, 2, 3
  ON CONFLICT ("partnershipId", "subGroupKey", "dueOn") DO UPDATE SET
    "periods" = t."periods" + excluded."periods",
    "projects" = t."projects" + excluded."projects"
$$;

-- One project's part in the project tally, with its summary, counted `sign` times.
CREATE FUNCTION "portfolio_project_part"(partnership_id TEXT, sub_group_id TEXT, status "ProjectStatus", s "ProjectReportSummary", sign INTEGER)
RETURNS "PortfolioProjectTally" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(partnership_id, coalesce(sub_group_id, ''), status, coalesce(s."latestRag"::text, ''), sign,
             CASE WHEN s."measureCount" > 0 THEN sign ELSE 0 END,
             sign * s."measureCount", sign * s."targetCount", sign * s."reportedCount", sign * s."onTrackCount")::"PortfolioProjectTally"
$$;

-- One project's part in the late tally (its open periods, and itself on its oldest one's
-- day), counted `sign` times; nothing for a decided project.
CREATE FUNCTION "portfolio_late_part"(project_id TEXT, partnership_id TEXT, sub_group_id TEXT, status "ProjectStatus", oldest DATE, sign INTEGER)
RETURNS "PortfolioLateDay"[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN status = 'DECIDED' THEN ARRAY[]::"PortfolioLateDay"[] ELSE
    ARRAY(
      SELECT ROW(partnership_id, coalesce(sub_group_id, ''), r."dueOn", sign, 0)::"PortfolioLateDay"
      FROM "ReportingPeriod" r WHERE r."projectId" = project_id AND NOT r."reported"
      UNION ALL
      SELECT ROW(partnership_id, coalesce(sub_group_id, ''), oldest, 0, sign)::"PortfolioLateDay" WHERE oldest IS NOT NULL
    ) END
$$;

-- A summary row's change moves its project in the project tally, and between due days when
-- its oldest open period changes.
CREATE FUNCTION "project_report_summary_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
  late "PortfolioLateDay"[] := ARRAY[]::"PortfolioLateDay"[];
BEGIN
  SELECT fp."partnershipId", fp."subGroupId", fp."status" INTO p FROM "FundedProject" fp
  WHERE fp."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."projectId" ELSE NEW."projectId" END;
  -- The project itself is being deleted: its own trigger has already taken it out.
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "portfolio_project_tally_add"(ARRAY["portfolio_project_part"(p."partnershipId", p."subGroupId", p."status", NEW, 1)]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "portfolio_project_tally_add"(ARRAY["portfolio_project_part"(p."partnershipId", p."subGroupId", p."status", OLD, -1)]);
  ELSE
    PERFORM "portfolio_project_tally_add"(ARRAY[
      "portfolio_project_part"(p."partnershipId", p."subGroupId", p."status", OLD, -1),
      "portfolio_project_part"(p."partnershipId", p."subGroupId", p."status", NEW, 1)]);
  END IF;
  IF p."status" <> 'DECIDED' THEN
    IF TG_OP <> 'INSERT' AND OLD."oldestUnreportedDueOn" IS NOT NULL THEN
      late := late || ROW(p."partnershipId", coalesce(p."subGroupId", ''), OLD."oldestUnreportedDueOn", 0, -1)::"PortfolioLateDay";
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."oldestUnreportedDueOn" IS NOT NULL THEN
      late := late || ROW(p."partnershipId", coalesce(p."subGroupId", ''), NEW."oldestUnreportedDueOn", 0, 1)::"PortfolioLateDay";
    END IF;
    PERFORM "portfolio_late_day_add"(late);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ProjectReportSummary_tally" AFTER INSERT OR DELETE ON "ProjectReportSummary"
FOR EACH ROW EXECUTE FUNCTION "project_report_summary_tally"();

CREATE TRIGGER "ProjectReportSummary_tally_change" AFTER UPDATE ON "ProjectReportSummary"
FOR EACH ROW
WHEN ((OLD."latestRag", OLD."measureCount", OLD."targetCount", OLD."reportedCount", OLD."onTrackCount", OLD."oldestUnreportedDueOn")
      IS DISTINCT FROM (NEW."latestRag", NEW."measureCount", NEW."targetCount", NEW."reportedCount", NEW."onTrackCount", NEW."oldestUnreportedDueOn"))
EXECUTE FUNCTION "project_report_summary_tally"();

-- A period opening or closing (an update submitted, returned, withdrawn) or moving day
-- changes its day's count, and the project's oldest open day in its summary.
CREATE FUNCTION "reporting_period_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  project_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."projectId" ELSE NEW."projectId" END;
  p RECORD;
  late "PortfolioLateDay"[] := ARRAY[]::"PortfolioLateDay"[];
BEGIN
  SELECT fp."partnershipId", fp."subGroupId", fp."status" INTO p FROM "FundedProject" fp WHERE fp."id" = project_id;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF p."status" <> 'DECIDED' THEN
    IF TG_OP <> 'INSERT' AND NOT OLD."reported" THEN
      late := late || ROW(p."partnershipId", coalesce(p."subGroupId", ''), OLD."dueOn", -1, 0)::"PortfolioLateDay";
    END IF;
    IF TG_OP <> 'DELETE' AND NOT NEW."reported" THEN
      late := late || ROW(p."partnershipId", coalesce(p."subGroupId", ''), NEW."dueOn", 1, 0)::"PortfolioLateDay";
    END IF;
    PERFORM "portfolio_late_day_add"(late);
  END IF;
  UPDATE "ProjectReportSummary" s
  SET "oldestUnreportedDueOn" = o."dueOn"
  FROM (SELECT min(r."dueOn") AS "dueOn" FROM "ReportingPeriod" r WHERE r."projectId" = project_id AND NOT r."reported") o
  WHERE s."projectId" = project_id AND s."oldestUnreportedDueOn" IS DISTINCT FROM o."dueOn";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ReportingPeriod_tally" AFTER INSERT OR DELETE ON "ReportingPeriod"
FOR EACH ROW EXECUTE FUNCTION "reporting_period_tally"();

CREATE TRIGGER "ReportingPeriod_tally_change" AFTER UPDATE OF "reported", "dueOn" ON "ReportingPeriod"
FOR EACH ROW WHEN ((OLD."reported", OLD."dueOn") IS DISTINCT FROM (NEW."reported", NEW."dueOn"))
EXECUTE FUNCTION "reporting_period_tally"();

-- A project changing status (decided projects report no more) or sub-group moves all it
-- counts; one being deleted takes it all out first, while its periods and summary are there.
CREATE FUNCTION "funded_project_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s "ProjectReportSummary";
  parts "PortfolioProjectTally"[] := ARRAY[]::"PortfolioProjectTally"[];
BEGIN
  SELECT * INTO s FROM "ProjectReportSummary" WHERE "projectId" = OLD."id";
  IF FOUND THEN
    parts := ARRAY["portfolio_project_part"(OLD."partnershipId", OLD."subGroupId", OLD."status", s, -1)];
    IF TG_OP = 'UPDATE' THEN
      parts := parts || "portfolio_project_part"(NEW."partnershipId", NEW."subGroupId", NEW."status", s, 1);
    END IF;
    PERFORM "portfolio_project_tally_add"(parts);
  END IF;
  PERFORM "portfolio_late_day_add"(
    "portfolio_late_part"(OLD."id", OLD."partnershipId", OLD."subGroupId", OLD."status", s."oldestUnreportedDueOn", -1)
    || CASE WHEN TG_OP = 'UPDATE'
         THEN "portfolio_late_part"(NEW."id", NEW."partnershipId", NEW."subGroupId", NEW."status", s."oldestUnreportedDueOn", 1)
         ELSE ARRAY[]::"PortfolioLateDay"[] END);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END;
$$;

-- Named to fire before "FundedProject_recount" (triggers fire in name order): one statement
-- that changes a project's status and its measures moves the project with its summary as it
-- was, and the recount's change to the summary is then added under the new status.
CREATE TRIGGER "FundedProject_move_tally" AFTER UPDATE OF "status", "subGroupId" ON "FundedProject"
FOR EACH ROW WHEN ((OLD."status", OLD."subGroupId") IS DISTINCT FROM (NEW."status", NEW."subGroupId"))
EXECUTE FUNCTION "funded_project_tally"();

CREATE TRIGGER "FundedProject_tally_delete" BEFORE DELETE ON "FundedProject"
FOR EACH ROW EXECUTE FUNCTION "funded_project_tally"();

-- Counts everything afresh (the backfill, and after a bulk load made with the triggers off).
CREATE FUNCTION "portfolio_tallies_rebuild"() RETURNS void LANGUAGE sql AS $$
  UPDATE "ProjectReportSummary" s
  SET "oldestUnreportedDueOn" = (SELECT min(r."dueOn") FROM "ReportingPeriod" r WHERE r."projectId" = s."projectId" AND NOT r."reported");
  DELETE FROM "PortfolioProjectTally";
  INSERT INTO "PortfolioProjectTally" SELECT * FROM "portfolio_project_tally_live"();
  DELETE FROM "PortfolioLateDay";
  INSERT INTO "PortfolioLateDay" SELECT * FROM "portfolio_late_day_live"();
$$;

ALTER TABLE "ProjectReportSummary" DISABLE TRIGGER "ProjectReportSummary_tally_change";
SELECT "portfolio_tallies_rebuild"();
ALTER TABLE "ProjectReportSummary" ENABLE TRIGGER "ProjectReportSummary_tally_change";
