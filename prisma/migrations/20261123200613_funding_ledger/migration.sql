-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'DECIDED');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('COMMIT', 'VARY', 'RELEASE', 'PAY', 'RETURN');

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "financialYear" TEXT NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "ringFencedPence" INTEGER NOT NULL DEFAULT 0,
    "committedPence" INTEGER NOT NULL DEFAULT 0,
    "unfencedCommittedPence" INTEGER NOT NULL DEFAULT 0,
    "paidPence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RingFence" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "priorityAreaId" TEXT NOT NULL,
    "limitPence" INTEGER NOT NULL,
    "committedPence" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RingFence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingRound" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL,
    "eligibility" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "minAwardPence" INTEGER NOT NULL,
    "maxAwardPence" INTEGER NOT NULL,
    "priorityAreaIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "roundId" TEXT,
    "priorityAreaId" TEXT,
    "projectName" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "conditions" TEXT,
    "awardedPence" INTEGER NOT NULL DEFAULT 0,
    "paidPence" INTEGER NOT NULL DEFAULT 0,
    "status" "AwardStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tranche" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "paidOn" TIMESTAMP(3),
    "reference" TEXT,

    CONSTRAINT "Tranche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "awardId" TEXT,
    "trancheId" TEXT,
    "kind" "LedgerKind" NOT NULL,
    "committedDelta" INTEGER NOT NULL DEFAULT 0,
    "paidDelta" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "amountPence" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Fund_partnershipId_idx" ON "Fund"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "RingFence_fundId_priorityAreaId_key" ON "RingFence"("fundId", "priorityAreaId");

-- CreateIndex
CREATE INDEX "FundingRound_fundId_idx" ON "FundingRound"("fundId");

-- CreateIndex
CREATE INDEX "Award_fundId_idx" ON "Award"("fundId");

-- CreateIndex
CREATE INDEX "Award_roundId_idx" ON "Award"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "Tranche_awardId_sequence_key" ON "Tranche"("awardId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_idempotencyKey_key" ON "LedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_fundId_createdAt_idx" ON "LedgerEntry"("fundId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_awardId_idx" ON "LedgerEntry"("awardId");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_createdAt_idx" ON "AuditEvent"("partnershipId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_action_idx" ON "AuditEvent"("partnershipId", "action");

-- AddForeignKey
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingFence" ADD CONSTRAINT "RingFence_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RingFence" ADD CONSTRAINT "RingFence_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingRound" ADD CONSTRAINT "FundingRound_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ===========================================================================
-- Money invariants, enforced by PostgreSQL itself.
-- ===========================================================================

ALTER TABLE "Fund"
  ADD CONSTRAINT "Fund_total_positive" CHECK ("totalPence" > 0),
  ADD CONSTRAINT "Fund_ring_fences_within_total" CHECK ("ringFencedPence" >= 0 AND "ringFencedPence" <= "totalPence"),
  ADD CONSTRAINT "Fund_committed_within_total" CHECK ("committedPence" >= 0 AND "committedPence" <= "totalPence"),
  ADD CONSTRAINT "Fund_unfenced_within_unfenced_money"
    CHECK ("unfencedCommittedPence" >= 0 AND "unfencedCommittedPence" <= "totalPence" - "ringFencedPence"),
  ADD CONSTRAINT "Fund_paid_within_committed" CHECK ("paidPence" >= 0 AND "paidPence" <= "committedPence");

ALTER TABLE "RingFence"
  ADD CONSTRAINT "RingFence_limit_positive" CHECK ("limitPence" > 0),
  ADD CONSTRAINT "RingFence_committed_within_limit" CHECK ("committedPence" >= 0 AND "committedPence" <= "limitPence");

ALTER TABLE "Award"
  ADD CONSTRAINT "Award_amounts_not_negative" CHECK ("awardedPence" >= 0 AND "paidPence" >= 0),
  ADD CONSTRAINT "Award_paid_within_awarded" CHECK ("paidPence" <= "awardedPence");

ALTER TABLE "Tranche"
  ADD CONSTRAINT "Tranche_amount_positive" CHECK ("amountPence" > 0),
  ADD CONSTRAINT "Tranche_sequence_positive" CHECK ("sequence" >= 1);

ALTER TABLE "FundingRound"
  ADD CONSTRAINT "FundingRound_award_range" CHECK ("minAwardPence" >= 0 AND "minAwardPence" <= "maxAwardPence"),
  ADD CONSTRAINT "FundingRound_dates" CHECK ("opensAt" < "closesAt");

-- Each kind of movement moves money in one direction only.
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_kind_shape" CHECK (
  ("kind" = 'COMMIT'  AND "committedDelta" > 0 AND "paidDelta" = 0) OR
  ("kind" = 'VARY'    AND "committedDelta" <> 0 AND "paidDelta" = 0) OR
  ("kind" = 'RELEASE' AND "committedDelta" < 0 AND "paidDelta" = 0) OR
  ("kind" = 'PAY'     AND "committedDelta" = 0 AND "paidDelta" > 0) OR
  ("kind" = 'RETURN'  AND "committedDelta" < 0 AND "paidDelta" = "committedDelta")
);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_award_movements_name_award"
  CHECK ("awardId" IS NOT NULL);

-- The ledger is append-only: nothing is ever overwritten or removed.
CREATE FUNCTION tandem_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The ledger is append-only: % of a ledger entry is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER "LedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION tandem_ledger_is_append_only();
CREATE TRIGGER "LedgerEntry_no_truncate"
  BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_ledger_is_append_only();

-- Every ledger entry moves the balances of its fund, award and ring-fence in the same
-- statement, so balances always equal the ledger. The row updates take row locks, which
-- serialises concurrent movements on one fund; the CHECK constraints above then refuse
-- any movement that would overspend.
CREATE FUNCTION tandem_apply_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  award_priority_area TEXT;
  fence_id TEXT;
BEGIN
  SELECT "priorityAreaId" INTO award_priority_area FROM "Award" WHERE "id" = NEW."awardId";
  IF award_priority_area IS NOT NULL THEN
    SELECT "id" INTO fence_id FROM "RingFence"
      WHERE "fundId" = NEW."fundId" AND "priorityAreaId" = award_priority_area;
  END IF;

  -- The ring-fence first, so an award too big for its ring-fence is reported as such.
  IF fence_id IS NOT NULL THEN
    UPDATE "RingFence" SET "committedPence" = "committedPence" + NEW."committedDelta" WHERE "id" = fence_id;
  END IF;

  UPDATE "Fund" SET
    "committedPence" = "committedPence" + NEW."committedDelta",
    "unfencedCommittedPence" = "unfencedCommittedPence" + CASE WHEN fence_id IS NULL THEN NEW."committedDelta" ELSE 0 END,
    "paidPence" = "paidPence" + NEW."paidDelta",
    "updatedAt" = CURRENT_TIMESTAMP
  WHERE "id" = NEW."fundId";

  UPDATE "Award" SET
    "awardedPence" = "awardedPence" + NEW."committedDelta",
    "paidPence" = "paidPence" + NEW."paidDelta",
    "updatedAt" = CURRENT_TIMESTAMP
  WHERE "id" = NEW."awardId" AND "fundId" = NEW."fundId";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Ledger entry names award % which is not in fund %', NEW."awardId", NEW."fundId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LedgerEntry_apply"
  AFTER INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION tandem_apply_ledger_entry();

-- Balances change only through the ledger (the ledger trigger runs at depth 1, so its
-- updates reach these guards at depth 2; anything else arrives at depth 1 and is refused).
CREATE FUNCTION tandem_fund_balances_follow_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (NEW."committedPence", NEW."unfencedCommittedPence", NEW."paidPence")
       IS DISTINCT FROM (OLD."committedPence", OLD."unfencedCommittedPence", OLD."paidPence") THEN
    RAISE EXCEPTION 'Fund balances change only through ledger entries' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE FUNCTION tandem_award_balances_follow_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (NEW."awardedPence", NEW."paidPence") IS DISTINCT FROM (OLD."awardedPence", OLD."paidPence") THEN
    RAISE EXCEPTION 'Award balances change only through ledger entries' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE FUNCTION tandem_ring_fence_balance_follows_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND NEW."committedPence" IS DISTINCT FROM OLD."committedPence" THEN
    RAISE EXCEPTION 'Ring-fence balances change only through ledger entries' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Fund_balances_follow_ledger" BEFORE UPDATE ON "Fund"
  FOR EACH ROW EXECUTE FUNCTION tandem_fund_balances_follow_ledger();
CREATE TRIGGER "Award_balances_follow_ledger" BEFORE UPDATE ON "Award"
  FOR EACH ROW EXECUTE FUNCTION tandem_award_balances_follow_ledger();
CREATE TRIGGER "RingFence_balances_follow_ledger" BEFORE UPDATE ON "RingFence"
  FOR EACH ROW EXECUTE FUNCTION tandem_ring_fence_balance_follows_ledger();

-- New funds, awards and ring-fences start from zero balances; only the ledger moves them.
CREATE FUNCTION tandem_balances_start_at_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Fund' THEN
    NEW."committedPence" := 0; NEW."unfencedCommittedPence" := 0; NEW."paidPence" := 0; NEW."ringFencedPence" := 0;
  ELSIF TG_TABLE_NAME = 'Award' THEN
    NEW."awardedPence" := 0; NEW."paidPence" := 0;
  ELSIF TG_TABLE_NAME = 'RingFence' THEN
    NEW."committedPence" := 0;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Fund_starts_at_zero" BEFORE INSERT ON "Fund"
  FOR EACH ROW EXECUTE FUNCTION tandem_balances_start_at_zero();
CREATE TRIGGER "Award_starts_at_zero" BEFORE INSERT ON "Award"
  FOR EACH ROW EXECUTE FUNCTION tandem_balances_start_at_zero();
CREATE TRIGGER "RingFence_starts_at_zero" BEFORE INSERT ON "RingFence"
  FOR EACH ROW EXECUTE FUNCTION tandem_balances_start_at_zero();

-- The fund's ring-fenced total is the sum of its ring-fence limits.
CREATE FUNCTION tandem_sum_ring_fences() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target_fund TEXT := COALESCE(NEW."fundId", OLD."fundId");
BEGIN
  UPDATE "Fund" SET "ringFencedPence" = COALESCE((SELECT SUM("limitPence") FROM "RingFence" WHERE "fundId" = target_fund), 0)
  WHERE "id" = target_fund;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "RingFence_sum_into_fund"
  AFTER INSERT OR UPDATE OF "limitPence" OR DELETE ON "RingFence"
  FOR EACH ROW EXECUTE FUNCTION tandem_sum_ring_fences();
