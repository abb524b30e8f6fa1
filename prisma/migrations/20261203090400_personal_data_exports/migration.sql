-- "Download my data" (UK GDPR subject access): a person's export of everything Tandem
-- holds about them, built in the background and kept for a few days as a zip.
ALTER TYPE "NotificationKind" ADD VALUE 'DATA_EXPORT_READY';

CREATE TYPE "PersonalDataExportState" AS ENUM ('BUILDING', 'READY', 'EXPIRED', 'FAILED');

CREATE TABLE "PersonalDataExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" "PersonalDataExportState" NOT NULL DEFAULT 'BUILDING',
    "archive" BYTEA,
    "byteSize" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "PersonalDataExport_pkey" PRIMARY KEY ("id"),
    -- A ready export has its zip, its size and its dates; no other state keeps a zip.
    CONSTRAINT "PersonalDataExport_ready_check" CHECK (
      "state" <> 'READY' OR ("archive" IS NOT NULL AND "byteSize" = octet_length("archive") AND "readyAt" IS NOT NULL AND "expiresAt" > "readyAt")
    ),
    CONSTRAINT "PersonalDataExport_archive_only_when_ready_check" CHECK ("state" = 'READY' OR "archive" IS NULL),
    CONSTRAINT "PersonalDataExport_failed_check" CHECK (("state" = 'FAILED') = ("failedAt" IS NOT NULL))
);

CREATE INDEX "PersonalDataExport_userId_createdAt_idx" ON "PersonalDataExport"("userId", "createdAt");
CREATE INDEX "PersonalDataExport_expiresAt_idx" ON "PersonalDataExport"("expiresAt");
-- A person has at most one export being built: a second request returns that one.
CREATE UNIQUE INDEX "PersonalDataExport_one_building_per_person" ON "PersonalDataExport"("userId") WHERE "state" = 'BUILDING';

ALTER TABLE "PersonalDataExport" ADD CONSTRAINT "PersonalDataExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
