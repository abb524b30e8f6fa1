-- CreateEnum
CREATE TYPE "ReportingFrequency" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'EVALUATING', 'DECIDED');

-- CreateEnum
CREATE TYPE "ProjectTeamRole" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "RagStatus" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "ProgressUpdateStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MilestoneState" AS ENUM ('PLANNED', 'DONE', 'SLIPPED');

-- AlterTable
ALTER TABLE "Tranche" ADD COLUMN     "requiresPeriodId" TEXT;

-- CreateTable
CREATE TABLE "FundedProject" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "proposalId" TEXT,
    "subGroupId" TEXT,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reportingFrequency" "ReportingFrequency" NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "measures" JSONB NOT NULL DEFAULT '[]',
    "budgetLines" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundedProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectTeamMember" (
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ProjectTeamRole" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectTeamMember_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "MilestoneState" NOT NULL DEFAULT 'PLANNED',
    "doneOn" DATE,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "acceptedUpdateId" TEXT,
    "dueSoonRemindedAt" TIMESTAMP(3),
    "overdueRemindedAt" TIMESTAMP(3),

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" "ProgressUpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "rag" "RagStatus",
    "percentComplete" INTEGER,
    "narrative" TEXT NOT NULL DEFAULT '',
    "spend" JSONB NOT NULL DEFAULT '[]',
    "measureValues" JSONB NOT NULL DEFAULT '[]',
    "milestoneChanges" JSONB NOT NULL DEFAULT '[]',
    "risks" TEXT NOT NULL DEFAULT '',
    "learning" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FundedProject_awardId_key" ON "FundedProject"("awardId");

-- CreateIndex
CREATE UNIQUE INDEX "FundedProject_proposalId_key" ON "FundedProject"("proposalId");

-- CreateIndex
CREATE INDEX "FundedProject_partnershipId_status_idx" ON "FundedProject"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "FundedProject_subGroupId_idx" ON "FundedProject"("subGroupId");

-- CreateIndex
CREATE INDEX "ProjectTeamMember_userId_idx" ON "ProjectTeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_projectId_sequence_key" ON "Milestone"("projectId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_acceptedUpdateId_key" ON "ReportingPeriod"("acceptedUpdateId");

-- CreateIndex
CREATE INDEX "ReportingPeriod_dueOn_idx" ON "ReportingPeriod"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_projectId_sequence_key" ON "ReportingPeriod"("projectId", "sequence");

-- CreateIndex
CREATE INDEX "ProgressUpdate_projectId_createdAt_idx" ON "ProgressUpdate"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_periodId_idx" ON "ProgressUpdate"("periodId");

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_requiresPeriodId_fkey" FOREIGN KEY ("requiresPeriodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_subGroupId_fkey" FOREIGN KEY ("subGroupId") REFERENCES "SubGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTeamMember" ADD CONSTRAINT "ProjectTeamMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTeamMember" ADD CONSTRAINT "ProjectTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_acceptedUpdateId_fkey" FOREIGN KEY ("acceptedUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------
-- Guards the database keeps for funded projects, whatever the application does.
-- ---------------------------------------------------------------------------

-- Exactly one lead per project.
CREATE UNIQUE INDEX "ProjectTeamMember_one_lead" ON "ProjectTeamMember" ("projectId") WHERE "role" = 'LEAD';

ALTER TABLE "FundedProject" ADD CONSTRAINT "FundedProject_period_order" CHECK ("endsOn" > "startsOn");
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_order" CHECK ("endsOn" >= "startsOn" AND "dueOn" >= "endsOn");
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_sequence_positive" CHECK ("sequence" >= 1);
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_percent_range"
  CHECK ("percentComplete" IS NULL OR "percentComplete" BETWEEN 0 AND 100);
-- A submitted update says how the project is doing.
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_submitted_complete"
  CHECK ("status" = 'DRAFT' OR ("submittedAt" IS NOT NULL AND "rag" IS NOT NULL AND "percentComplete" IS NOT NULL));
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_reviewed"
  CHECK ("status" NOT IN ('ACCEPTED', 'RETURNED') OR ("reviewedById" IS NOT NULL AND "reviewedAt" IS NOT NULL));

-- Once submitted, an update is history: only its review may be recorded, once.
CREATE OR REPLACE FUNCTION tandem_guard_progress_update() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF OLD."status" = 'SUBMITTED' AND NEW."status" IN ('ACCEPTED', 'RETURNED')
     AND (NEW."projectId", NEW."periodId", NEW."authorId", NEW."rag", NEW."percentComplete", NEW."narrative",
          NEW."spend", NEW."measureValues", NEW."milestoneChanges", NEW."risks", NEW."learning",
          NEW."submittedAt", NEW."late", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."projectId", OLD."periodId", OLD."authorId", OLD."rag", OLD."percentComplete", OLD."narrative",
          OLD."spend", OLD."measureValues", OLD."milestoneChanges", OLD."risks", OLD."learning",
          OLD."submittedAt", OLD."late", OLD."createdAt") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'tandem: a submitted progress update cannot be changed'
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ProgressUpdate_history" BEFORE UPDATE ON "ProgressUpdate"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_progress_update();

-- A period's accepted update must be an accepted update of that period.
CREATE OR REPLACE FUNCTION tandem_guard_accepted_update() RETURNS trigger AS $$
BEGIN
  IF NEW."acceptedUpdateId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "ProgressUpdate" u
    WHERE u."id" = NEW."acceptedUpdateId" AND u."periodId" = NEW."id" AND u."status" = 'ACCEPTED'
  ) THEN
    RAISE EXCEPTION 'tandem: only an accepted update of this period can be its accepted update'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ReportingPeriod_accepted_update" BEFORE INSERT OR UPDATE OF "acceptedUpdateId" ON "ReportingPeriod"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_accepted_update();

-- A payment tied to reporting cannot be paid before the update it waits for is accepted.
CREATE OR REPLACE FUNCTION tandem_guard_tranche_reporting() RETURNS trigger AS $$
BEGIN
  IF NEW."paidAt" IS NOT NULL AND OLD."paidAt" IS NULL AND NEW."requiresPeriodId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "ReportingPeriod" p WHERE p."id" = NEW."requiresPeriodId" AND p."acceptedUpdateId" IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'tandem: this payment waits for a progress update to be accepted'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Tranche_reporting_gate" BEFORE UPDATE ON "Tranche"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_tranche_reporting();

-- Notifications about funded projects.
ALTER TYPE "NotificationKind" ADD VALUE 'PROJECT_SET_UP';
ALTER TYPE "NotificationKind" ADD VALUE 'PROGRESS_UPDATE_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROGRESS_UPDATE_REVIEWED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROGRESS_UPDATE_DUE';
