-- Closing an account and erasing a person's data (UK GDPR Article 17).

CREATE TYPE "ErasureState" AS ENUM ('REQUESTED', 'WITHDRAWN', 'ERASED');

ALTER TYPE "NotificationKind" ADD VALUE 'MEMBER_LEAVING';

ALTER TABLE "User" ADD COLUMN "erasedAt" TIMESTAMP(3);

CREATE TABLE "ErasureRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" "ErasureState" NOT NULL DEFAULT 'REQUESTED',
    -- The person themself, or null when the installation's data controller asked on their behalf.
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "ErasureRequest_userId_idx" ON "ErasureRequest"("userId");
-- At most one request waiting per person: a second request returns the first.
CREATE UNIQUE INDEX "ErasureRequest_one_waiting" ON "ErasureRequest"("userId") WHERE "state" = 'REQUESTED';
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_grace_period" CHECK ("effectiveAt" >= "requestedAt");
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_state_dates" CHECK (
  ("state" = 'REQUESTED' AND "withdrawnAt" IS NULL AND "erasedAt" IS NULL) OR
  ("state" = 'WITHDRAWN' AND "withdrawnAt" IS NOT NULL AND "erasedAt" IS NULL) OR
  ("state" = 'ERASED' AND "erasedAt" IS NOT NULL AND "withdrawnAt" IS NULL)
);

-- History tables refuse changes, except inside the transaction that carries out an erasure
-- (server/domain/personal-data/erasure.ts sets tandem.erasure for that transaction only), which
-- replaces a person's name and email in their text. Money and identities never change.
CREATE OR REPLACE FUNCTION tandem_erasing() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('tandem.erasure', true), '') = 'on'
$$;

CREATE OR REPLACE FUNCTION tandem_refuse_history_update() RETURNS trigger AS $$
BEGIN
  IF tandem_erasing() THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'tandem: % rows are history and cannot be changed', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION tandem_guard_story_moderation() RETURNS trigger AS $$
BEGIN
  IF tandem_erasing() THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'tandem: the moderation record of a story cannot be changed'
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION tandem_guard_progress_update() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF tandem_erasing() AND NEW."status" = OLD."status"
     AND (NEW."projectId", NEW."periodId", NEW."authorId", NEW."rag", NEW."percentComplete", NEW."spend",
          NEW."measureValues", NEW."milestoneChanges", NEW."submittedAt", NEW."late", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."projectId", OLD."periodId", OLD."authorId", OLD."rag", OLD."percentComplete", OLD."spend",
          OLD."measureValues", OLD."milestoneChanges", OLD."submittedAt", OLD."late", OLD."createdAt") THEN
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

-- The ledger stays append-only: during an erasure only the words of an entry's reason may change.
CREATE OR REPLACE FUNCTION tandem_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND tandem_erasing()
     AND (NEW."id", NEW."fundId", NEW."awardId", NEW."trancheId", NEW."kind", NEW."committedDelta", NEW."paidDelta",
          NEW."actorId", NEW."idempotencyKey", NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."fundId", OLD."awardId", OLD."trancheId", OLD."kind", OLD."committedDelta", OLD."paidDelta",
          OLD."actorId", OLD."idempotencyKey", OLD."createdAt") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The ledger is append-only: % of a ledger entry is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
