-- CreateEnum
CREATE TYPE "ProjectOutcome" AS ENUM ('SCALE_UP', 'SUSTAIN', 'ADAPT', 'STOP');

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "publishesPortfolio" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProjectEvaluation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "measureResults" JSONB NOT NULL DEFAULT '[]',
    "costPence" INTEGER NOT NULL,
    "whatWorked" TEXT NOT NULL,
    "whatDidNot" TEXT NOT NULL,
    "recommendation" "ProjectOutcome" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectDecision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "outcome" "ProjectOutcome" NOT NULL,
    "reasons" TEXT NOT NULL,
    "nextStep" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectEvaluation_projectId_key" ON "ProjectEvaluation"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectDecision_projectId_key" ON "ProjectDecision"("projectId");

-- AddForeignKey
ALTER TABLE "ProjectEvaluation" ADD CONSTRAINT "ProjectEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvaluation" ADD CONSTRAINT "ProjectEvaluation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectDecision" ADD CONSTRAINT "ProjectDecision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectDecision" ADD CONSTRAINT "ProjectDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Guards: an evaluation and a decision are kept as made.
ALTER TABLE "ProjectEvaluation" ADD CONSTRAINT "ProjectEvaluation_cost_not_negative" CHECK ("costPence" >= 0);
ALTER TABLE "ProjectDecision" ADD CONSTRAINT "ProjectDecision_reasons_given" CHECK (length(btrim("reasons")) > 0);
CREATE TRIGGER "ProjectEvaluation_append_only" BEFORE UPDATE ON "ProjectEvaluation"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_history_update();
CREATE TRIGGER "ProjectDecision_append_only" BEFORE UPDATE ON "ProjectDecision"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_history_update();

-- Notifications about the end of a test.
ALTER TYPE "NotificationKind" ADD VALUE 'PROJECT_EVALUATED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROJECT_DECIDED';

-- Dashboards read each project's latest submitted update and the officers' review queue.
CREATE INDEX "ProgressUpdate_latest_submitted" ON "ProgressUpdate" ("projectId", "submittedAt" DESC, "id" DESC)
  WHERE "status" IN ('SUBMITTED', 'ACCEPTED');
CREATE INDEX "ProgressUpdate_waiting_review" ON "ProgressUpdate" ("projectId") WHERE "status" = 'SUBMITTED';
