-- CreateEnum
CREATE TYPE "StoryStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "StoryTheme" AS ENUM ('CITYWIDE_RESPONSE', 'INTER_ORGANISATIONAL_COLLABORATION', 'RAPID_ADAPTATION', 'JOINED_UP_INFORMATION', 'CREATIVE_ACCESSIBLE_COMMUNICATION', 'CROSS_SYSTEM_KINDNESS');

-- CreateEnum
CREATE TYPE "StoryModerationAction" AS ENUM ('SUBMITTED', 'PUBLISHED', 'RETURNED', 'UNPUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('INTRODUCTION_SESSION', 'NETWORKING_BREAKFAST', 'SUB_GROUP_MEETING', 'WORKSHOP');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventRecurrence" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('GOING', 'WAITING', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('TEXT', 'SCALE');

-- CreateEnum
CREATE TYPE "SurveyAnonymity" AS ENUM ('NAMED', 'ANONYMOUS');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'STORY_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'STORY_MODERATED';
ALTER TYPE "NotificationKind" ADD VALUE 'STORY_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'EVENT_PLACE_CONFIRMED';
ALTER TYPE "NotificationKind" ADD VALUE 'EVENT_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'CONNECTION_LOGGED';
ALTER TYPE "NotificationKind" ADD VALUE 'SURVEY_OPENED';

-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "themes" "StoryTheme"[] DEFAULT ARRAY[]::"StoryTheme"[],
    "status" "StoryStatus" NOT NULL DEFAULT 'DRAFT',
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "returnNote" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceAnswerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryOrganisation" (
    "storyId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    CONSTRAINT "StoryOrganisation_pkey" PRIMARY KEY ("storyId","organisationId")
);

-- CreateTable
CREATE TABLE "StoryProject" (
    "storyId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    CONSTRAINT "StoryProject_pkey" PRIMARY KEY ("storyId","projectId")
);

-- CreateTable
CREATE TABLE "StoryComment" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryModeration" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" "StoryModerationAction" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryModeration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSeries" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "recurrence" "EventRecurrence" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "subGroupId" TEXT,
    "seriesId" TEXT,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "onlineUrl" TEXT,
    "venueName" TEXT,
    "venueAddress" TEXT,
    "accessibilityNotes" TEXT,
    "capacity" INTEGER,
    "status" "EventStatus" NOT NULL DEFAULT 'SCHEDULED',
    "cancelledAt" TIMESTAMP(3),
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSpeaker" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "topic" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "EventSpeaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRsvp" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "RsvpStatus" NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "attended" BOOLEAN,

    CONSTRAINT "EventRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkingRound" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkingTable" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "NetworkingTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkingSeat" (
    "tableId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "NetworkingSeat_pkey" PRIMARY KEY ("tableId","userId")
);

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "eventId" TEXT,
    "fromUserId" TEXT NOT NULL,
    "toUserId" TEXT NOT NULL,
    "note" TEXT,
    "proposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionSet" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isTemplate" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "questionSetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "help" TEXT NOT NULL DEFAULT '',
    "kind" "SurveyQuestionKind" NOT NULL DEFAULT 'TEXT',

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "questionSetId" TEXT NOT NULL,
    "subGroupId" TEXT,
    "projectId" TEXT,
    "title" TEXT NOT NULL,
    "anonymity" "SurveyAnonymity" NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedEarlyAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyParticipant" (
    "surveyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "respondedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyParticipant_pkey" PRIMARY KEY ("surveyId","userId")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "respondentId" TEXT,
    "submittedOn" DATE NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "text" TEXT,
    "score" INTEGER,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Story_sourceAnswerId_key" ON "Story"("sourceAnswerId");

-- CreateIndex
CREATE INDEX "Story_partnershipId_status_publishedAt_idx" ON "Story"("partnershipId", "status", "publishedAt");

-- CreateIndex
CREATE INDEX "Story_authorId_idx" ON "Story"("authorId");

-- CreateIndex
CREATE INDEX "StoryOrganisation_organisationId_idx" ON "StoryOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "StoryProject_projectId_idx" ON "StoryProject"("projectId");

-- CreateIndex
CREATE INDEX "StoryComment_storyId_createdAt_idx" ON "StoryComment"("storyId", "createdAt");

-- CreateIndex
CREATE INDEX "StoryModeration_storyId_createdAt_idx" ON "StoryModeration"("storyId", "createdAt");

-- CreateIndex
CREATE INDEX "EventSeries_partnershipId_idx" ON "EventSeries"("partnershipId");

-- CreateIndex
CREATE INDEX "Event_partnershipId_startsAt_idx" ON "Event"("partnershipId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_subGroupId_startsAt_idx" ON "Event"("subGroupId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSpeaker_eventId_position_key" ON "EventSpeaker"("eventId", "position");

-- CreateIndex
CREATE INDEX "EventRsvp_eventId_status_queuedAt_idx" ON "EventRsvp"("eventId", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "EventRsvp_userId_idx" ON "EventRsvp"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EventRsvp_eventId_userId_key" ON "EventRsvp"("eventId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkingRound_eventId_number_key" ON "NetworkingRound"("eventId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkingTable_roundId_number_key" ON "NetworkingTable"("roundId", "number");

-- CreateIndex
CREATE INDEX "NetworkingSeat_userId_idx" ON "NetworkingSeat"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_proposalId_key" ON "Connection"("proposalId");

-- CreateIndex
CREATE INDEX "Connection_toUserId_idx" ON "Connection"("toUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_partnershipId_fromUserId_toUserId_key" ON "Connection"("partnershipId", "fromUserId", "toUserId");

-- CreateIndex
CREATE INDEX "QuestionSet_partnershipId_idx" ON "QuestionSet"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_questionSetId_position_key" ON "SurveyQuestion"("questionSetId", "position");

-- CreateIndex
CREATE INDEX "Survey_partnershipId_closesAt_idx" ON "Survey"("partnershipId", "closesAt");

-- CreateIndex
CREATE INDEX "Survey_subGroupId_createdAt_idx" ON "Survey"("subGroupId", "createdAt");

-- CreateIndex
CREATE INDEX "Survey_projectId_idx" ON "Survey"("projectId");

-- CreateIndex
CREATE INDEX "SurveyParticipant_userId_idx" ON "SurveyParticipant"("userId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_idx" ON "SurveyResponse"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_respondentId_key" ON "SurveyResponse"("surveyId", "respondentId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_responseId_questionId_key" ON "SurveyAnswer"("responseId", "questionId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_sourceAnswerId_fkey" FOREIGN KEY ("sourceAnswerId") REFERENCES "SurveyAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryOrganisation" ADD CONSTRAINT "StoryOrganisation_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryOrganisation" ADD CONSTRAINT "StoryOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryProject" ADD CONSTRAINT "StoryProject_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryProject" ADD CONSTRAINT "StoryProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryComment" ADD CONSTRAINT "StoryComment_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryComment" ADD CONSTRAINT "StoryComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryModeration" ADD CONSTRAINT "StoryModeration_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryModeration" ADD CONSTRAINT "StoryModeration_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSeries" ADD CONSTRAINT "EventSeries_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSeries" ADD CONSTRAINT "EventSeries_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_subGroupId_fkey" FOREIGN KEY ("subGroupId") REFERENCES "SubGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSpeaker" ADD CONSTRAINT "EventSpeaker_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRsvp" ADD CONSTRAINT "EventRsvp_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRsvp" ADD CONSTRAINT "EventRsvp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkingRound" ADD CONSTRAINT "NetworkingRound_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkingTable" ADD CONSTRAINT "NetworkingTable_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NetworkingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkingSeat" ADD CONSTRAINT "NetworkingSeat_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "NetworkingTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkingSeat" ADD CONSTRAINT "NetworkingSeat_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSet" ADD CONSTRAINT "QuestionSet_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSet" ADD CONSTRAINT "QuestionSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_questionSetId_fkey" FOREIGN KEY ("questionSetId") REFERENCES "QuestionSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_questionSetId_fkey" FOREIGN KEY ("questionSetId") REFERENCES "QuestionSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_subGroupId_fkey" FOREIGN KEY ("subGroupId") REFERENCES "SubGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "FundedProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyParticipant" ADD CONSTRAINT "SurveyParticipant_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyParticipant" ADD CONSTRAINT "SurveyParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------
-- Written by hand: rules PostgreSQL keeps whatever the application does.
-- ---------------------------------------------------------------------------

ALTER TABLE "Story" ADD CONSTRAINT "Story_body_length" CHECK (char_length("body") <= 20000);
ALTER TABLE "Story" ADD CONSTRAINT "Story_title_present" CHECK (char_length(btrim("title")) > 0);
ALTER TABLE "Story" ADD CONSTRAINT "Story_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Event" ADD CONSTRAINT "Event_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Event" ADD CONSTRAINT "Event_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_not_self" CHECK ("fromUserId" <> "toUserId");
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_score_range" CHECK ("score" IS NULL OR "score" BETWEEN 1 AND 5);
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_one_audience" CHECK ("subGroupId" IS NULL OR "projectId" IS NULL);

-- The moderation record is history: rows are added, never changed.
CREATE OR REPLACE FUNCTION tandem_guard_story_moderation() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'tandem: the moderation record of a story cannot be changed'
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StoryModeration_append_only"
  BEFORE UPDATE ON "StoryModeration"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_story_moderation();

-- An event never has more people going than it has places. The event row is locked first,
-- so concurrent RSVPs are counted one after another.
CREATE OR REPLACE FUNCTION tandem_guard_event_capacity() RETURNS trigger AS $$
DECLARE
  places integer;
  going integer;
BEGIN
  IF NEW."status" <> 'GOING' OR (TG_OP = 'UPDATE' AND OLD."status" = 'GOING') THEN
    RETURN NEW;
  END IF;
  SELECT "capacity" INTO places FROM "Event" WHERE "id" = NEW."eventId" FOR UPDATE;
  IF places IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO going FROM "EventRsvp"
    WHERE "eventId" = NEW."eventId" AND "status" = 'GOING' AND "id" <> NEW."id";
  IF going >= places THEN
    RAISE EXCEPTION 'tandem: this event is full'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "EventRsvp_capacity"
  BEFORE INSERT OR UPDATE OF "status" ON "EventRsvp"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_event_capacity();

-- Lowering an event's capacity below the people already going is refused.
CREATE OR REPLACE FUNCTION tandem_guard_event_capacity_change() RETURNS trigger AS $$
DECLARE
  going integer;
BEGIN
  IF NEW."capacity" IS NOT NULL AND (OLD."capacity" IS NULL OR NEW."capacity" < OLD."capacity") THEN
    SELECT count(*) INTO going FROM "EventRsvp" WHERE "eventId" = NEW."id" AND "status" = 'GOING';
    IF going > NEW."capacity" THEN
      RAISE EXCEPTION 'tandem: more people are going than the new capacity'
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Event_capacity_change"
  BEFORE UPDATE OF "capacity" ON "Event"
  FOR EACH ROW EXECUTE FUNCTION tandem_guard_event_capacity_change();
