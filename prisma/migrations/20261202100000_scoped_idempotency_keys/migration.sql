-- Idempotency keys count within one partnership and one operation, and are bound to what
-- the request asked for. Until now a key was unique across the whole ledger and a replay
-- was found by the key alone, so one partnership's key could return another's award, and
-- a reused key with a different amount silently returned the first award.

-- The ledger keeps the key each movement's request carried, but no longer requires it to be
-- unique across partnerships: IdempotencyKey below is what makes a request count once.
DROP INDEX "LedgerEntry_idempotencyKey_key";

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT,
    "awardId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_awardId_idx" ON "IdempotencyKey"("awardId");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_partnershipId_operation_key_key" ON "IdempotencyKey"("partnershipId", "operation", "key");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A fingerprint is a lowercase hex sha256; a key is never empty.
ALTER TABLE "IdempotencyKey"
  ADD CONSTRAINT "IdempotencyKey_request_hash_is_sha256" CHECK ("requestHash" IS NULL OR "requestHash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "IdempotencyKey_key_not_empty" CHECK (length("key") > 0);

-- Existing movements keep answering their retries, now only within their own partnership.
-- The partnership is the fund's. The operation follows from the movement: a commitment
-- came from approving a proposal when the award names one, otherwise from awarding a grant
-- directly; a release withdrew the award or completed it, as its status says. What those
-- requests asked for was not kept, so their fingerprint is left empty.
INSERT INTO "IdempotencyKey" ("id", "partnershipId", "operation", "key", "requestHash", "awardId", "createdAt")
SELECT
  'ledger_' || entry."id",
  fund."partnershipId",
  CASE entry."kind"
    WHEN 'COMMIT' THEN CASE WHEN award."proposalId" IS NOT NULL THEN 'assessment.decide' ELSE 'funding.awardGrant' END
    WHEN 'PAY' THEN 'funding.payTranche'
    WHEN 'VARY' THEN 'funding.varyAward'
    WHEN 'RETURN' THEN 'funding.returnUnderspend'
    WHEN 'RELEASE' THEN CASE WHEN award."status" = 'WITHDRAWN' THEN 'funding.withdrawAward' ELSE 'funding.completeAward' END
  END,
  entry."idempotencyKey",
  NULL,
  entry."awardId",
  entry."createdAt"
FROM "LedgerEntry" entry
JOIN "Fund" fund ON fund."id" = entry."fundId"
JOIN "Award" award ON award."id" = entry."awardId"
ON CONFLICT ("partnershipId", "operation", "key") DO NOTHING;
