-- Sessions end after a time without use as well as at their absolute expiry.
-- Existing sessions count as used now.
ALTER TABLE "Session" ADD COLUMN "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Rate limits shared by every instance: one row per key holding its recent requests.
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "hits" TIMESTAMP(3)[],
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");
