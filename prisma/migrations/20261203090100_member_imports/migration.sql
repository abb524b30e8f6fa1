-- Member imports: an officer uploads a spreadsheet, sees every row's problems, then confirms
-- one batch of invitations that a background job emails.
CREATE TYPE "ImportBatchState" AS ENUM ('PREVIEWED', 'CONFIRMED', 'SENT', 'CANCELLED');

CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "state" "ImportBatchState" NOT NULL DEFAULT 'PREVIEWED',
    "rowCount" INTEGER NOT NULL,
    "problemRowCount" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,
    "invitedCount" INTEGER NOT NULL DEFAULT 0,
    "organisationsAddedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id"),
    -- At most 5,000 rows are read from one file, and problems are counted among them.
    CONSTRAINT "ImportBatch_counts_check" CHECK (
        "rowCount" >= 0 AND "rowCount" <= 5000
        AND "problemRowCount" >= 0 AND "problemRowCount" <= "rowCount"
        AND "invitedCount" >= 0 AND "invitedCount" <= "rowCount"
        AND "organisationsAddedCount" >= 0 AND "organisationsAddedCount" <= "rowCount"),
    CONSTRAINT "ImportBatch_rows_array_check" CHECK (jsonb_typeof("rows") = 'array'),
    -- Each state carries the moments that led to it, and nothing is invited before confirming.
    CONSTRAINT "ImportBatch_state_check" CHECK (
        ("state" = 'PREVIEWED' AND "confirmedAt" IS NULL AND "sentAt" IS NULL AND "cancelledAt" IS NULL AND "invitedCount" = 0)
        OR ("state" = 'CONFIRMED' AND "confirmedAt" IS NOT NULL AND "sentAt" IS NULL AND "cancelledAt" IS NULL)
        OR ("state" = 'SENT' AND "confirmedAt" IS NOT NULL AND "sentAt" IS NOT NULL AND "cancelledAt" IS NULL)
        OR ("state" = 'CANCELLED' AND "confirmedAt" IS NULL AND "sentAt" IS NULL AND "cancelledAt" IS NOT NULL AND "invitedCount" = 0))
);

CREATE INDEX "ImportBatch_partnershipId_createdAt_idx" ON "ImportBatch"("partnershipId", "createdAt");

ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An imported invitation is created at once and emailed by the batch's job: "emailQueued"
-- is true until its email has gone, so a job run again never sends it twice.
ALTER TABLE "Invitation" ADD COLUMN "importBatchId" TEXT;
ALTER TABLE "Invitation" ADD COLUMN "emailQueued" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_queued_imported_check" CHECK (NOT "emailQueued" OR "importBatchId" IS NOT NULL);

CREATE INDEX "Invitation_importBatchId_idx" ON "Invitation"("importBatchId");

-- The organisation the import named for the person: they are placed in it when they accept
-- (unless their account already names one).
ALTER TABLE "Invitation" ADD COLUMN "organisationId" TEXT;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
