-- When a round was closed by hand before its scheduled closing time.
ALTER TABLE "FundingRound" ADD COLUMN "closedAt" TIMESTAMP(3);
