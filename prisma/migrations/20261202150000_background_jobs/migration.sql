-- Background jobs: a queue in PostgreSQL that every instance works from.
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "onceKey" TEXT,
    "partnershipId" TEXT,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "progress" JSONB,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackgroundJob_pkey" PRIMARY KEY ("id"),
    -- A job never runs more often than it may, and a running job always has a holder.
    CONSTRAINT "BackgroundJob_attempts_check" CHECK ("attempts" >= 0 AND "maxAttempts" >= 1 AND "attempts" <= "maxAttempts"),
    CONSTRAINT "BackgroundJob_running_held_check" CHECK ("state" <> 'RUNNING' OR ("lockedBy" IS NOT NULL AND "lockedUntil" IS NOT NULL))
);

CREATE UNIQUE INDEX "BackgroundJob_onceKey_key" ON "BackgroundJob"("onceKey");
CREATE INDEX "BackgroundJob_state_runAfter_idx" ON "BackgroundJob"("state", "runAfter");
CREATE INDEX "BackgroundJob_partnershipId_state_idx" ON "BackgroundJob"("partnershipId", "state");

ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
