-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_ASSESSMENT', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalAuthorRole" AS ENUM ('LEAD', 'CO_AUTHOR');

-- CreateEnum
CREATE TYPE "ProposalEventKind" AS ENUM ('CREATED', 'CO_AUTHOR_JOINED', 'CO_AUTHOR_REMOVED', 'ROUND_CHOSEN', 'SUBMITTED', 'RETURNED_TO_DRAFT', 'WITHDRAWN', 'ASSESSMENT_STARTED', 'ASSESSED', 'CONFLICT_DECLARED', 'APPROVED', 'DECLINED', 'AWARDED');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ProposalDecisionOutcome" AS ENUM ('APPROVED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActivityKind" ADD VALUE 'PROPOSAL_STARTED';
ALTER TYPE "ActivityKind" ADD VALUE 'PROPOSAL_SUBMITTED';
ALTER TYPE "ActivityKind" ADD VALUE 'PROPOSAL_DECIDED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'CO_AUTHOR_ADDED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_DECISION';
ALTER TYPE "NotificationKind" ADD VALUE 'ASSESSOR_APPOINTED';

-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "proposalId" TEXT;

-- AlterTable
ALTER TABLE "FundingRound" ADD COLUMN     "allowsChangesAfterSubmission" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "requiredSections" TEXT[] DEFAULT ARRAY['title', 'summary', 'need', 'hypothesis', 'measures', 'activities', 'partners', 'budget', 'duration', 'sustainability', 'risks']::TEXT[],
ADD COLUMN     "scoreMax" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "subGroupId" TEXT NOT NULL,
    "roundId" TEXT,
    "title" TEXT NOT NULL,
    "requestedPence" INTEGER NOT NULL DEFAULT 0,
    "leadOrganisationId" TEXT,
    "partnerOrganisationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAuthor" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ProposalAuthorRole" NOT NULL,
    "addedById" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalAuthor_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "ProposalSection" (
    "proposalId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalSection_pkey" PRIMARY KEY ("proposalId","key")
);

-- CreateTable
CREATE TABLE "ProposalRevision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "sectionVersion" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalComment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalEvent" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "kind" "ProposalEventKind" NOT NULL,
    "actorId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundAssessor" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "appointedById" TEXT NOT NULL,
    "appointedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundAssessor_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "scores" JSONB NOT NULL,
    "comment" TEXT,
    "weightedScore" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalDecision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "outcome" "ProposalDecisionOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "overrideReason" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_partnershipId_status_idx" ON "Proposal"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "Proposal_subGroupId_status_idx" ON "Proposal"("subGroupId", "status");

-- CreateIndex
CREATE INDEX "Proposal_roundId_status_idx" ON "Proposal"("roundId", "status");

-- CreateIndex
CREATE INDEX "ProposalAuthor_userId_idx" ON "ProposalAuthor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalRevision_proposalId_number_key" ON "ProposalRevision"("proposalId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalRevision_proposalId_sectionKey_sectionVersion_key" ON "ProposalRevision"("proposalId", "sectionKey", "sectionVersion");

-- CreateIndex
CREATE INDEX "ProposalComment_proposalId_sectionKey_createdAt_idx" ON "ProposalComment"("proposalId", "sectionKey", "createdAt");

-- CreateIndex
CREATE INDEX "ProposalEvent_proposalId_createdAt_idx" ON "ProposalEvent"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "RoundAssessor_userId_idx" ON "RoundAssessor"("userId");

-- CreateIndex
CREATE INDEX "Assessment_assessorId_idx" ON "Assessment"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_proposalId_assessorId_key" ON "Assessment"("proposalId", "assessorId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_roundId_idx" ON "ConflictDeclaration"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_proposalId_assessorId_key" ON "ConflictDeclaration"("proposalId", "assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalDecision_proposalId_key" ON "ProposalDecision"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_proposalId_key" ON "Award"("proposalId");

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_subGroupId_fkey" FOREIGN KEY ("subGroupId") REFERENCES "SubGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAuthor" ADD CONSTRAINT "ProposalAuthor_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAuthor" ADD CONSTRAINT "ProposalAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSection" ADD CONSTRAINT "ProposalSection_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalComment" ADD CONSTRAINT "ProposalComment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalComment" ADD CONSTRAINT "ProposalComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAssessor" ADD CONSTRAINT "RoundAssessor_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAssessor" ADD CONSTRAINT "RoundAssessor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------
-- Invariants the database keeps, whatever the application does.
-- ---------------------------------------------------------------------------

ALTER TABLE "FundingRound" ADD CONSTRAINT "FundingRound_scoreMax_range" CHECK ("scoreMax" BETWEEN 1 AND 10);

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_requestedPence_not_negative" CHECK ("requestedPence" >= 0);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_revision_not_negative" CHECK ("revision" >= 0);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_submitted_has_round"
  CHECK ("status" IN ('DRAFT', 'WITHDRAWN') OR ("roundId" IS NOT NULL AND "submittedAt" IS NOT NULL));

-- Exactly one lead author per proposal (the application adds the lead with the proposal).
CREATE UNIQUE INDEX "ProposalAuthor_one_lead" ON "ProposalAuthor" ("proposalId") WHERE "role" = 'LEAD';

ALTER TABLE "ProposalSection" ADD CONSTRAINT "ProposalSection_version_positive" CHECK ("version" >= 1);
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_number_positive" CHECK ("number" >= 1);

ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_weightedScore_range"
  CHECK ("weightedScore" IS NULL OR "weightedScore" BETWEEN 0 AND 10000);
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_submitted_is_complete"
  CHECK ("status" = 'DRAFT' OR ("weightedScore" IS NOT NULL AND "submittedAt" IS NOT NULL));

ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_reason_given" CHECK (length(btrim("reason")) > 0);

-- Revisions, timeline events and decisions are history: they may be added, never rewritten.
CREATE OR REPLACE FUNCTION tandem_refuse_history_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'tandem: % rows are history and cannot be changed', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ProposalRevision_append_only" BEFORE UPDATE ON "ProposalRevision"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_history_update();
CREATE TRIGGER "ProposalEvent_append_only" BEFORE UPDATE ON "ProposalEvent"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_history_update();
CREATE TRIGGER "ProposalDecision_append_only" BEFORE UPDATE ON "ProposalDecision"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_history_update();
