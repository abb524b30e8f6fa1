-- The project list reads a partnership's projects newest first, a page at a time, from
-- the row after a cursor ("createdAt", "id"): this index hands it those rows in order, so
-- a page costs the same at the first project as at the ten-thousandth.
CREATE INDEX "FundedProject_partnershipId_createdAt_id_idx" ON "FundedProject"("partnershipId", "createdAt", "id");
