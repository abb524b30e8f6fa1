-- Files: documents attached to proposals, progress updates and evaluations (and, later,
-- to anything with a row in the owner table), with versions, stored in PostgreSQL chunks
-- or in S3-compatible object storage, and each partnership's storage use.

CREATE TYPE "FileOwnerKind" AS ENUM ('PROPOSAL', 'PROGRESS_UPDATE', 'EVALUATION', 'STORY');
CREATE TYPE "FileStorageKind" AS ENUM ('POSTGRES', 'S3');

ALTER TABLE "FundingRound" ADD COLUMN "requiredDocuments" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "FundingRound" ALTER COLUMN "requiredDocuments" SET NOT NULL;

CREATE TABLE "FileBlob" (
    "id" TEXT NOT NULL,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileBlob_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FileBlob_size_check" CHECK ("sizeBytes" >= 0)
);
CREATE INDEX "FileBlob_complete_createdAt_idx" ON "FileBlob"("complete", "createdAt");

CREATE TABLE "FileChunk" (
    "blobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "FileChunk_pkey" PRIMARY KEY ("blobId", "seq"),
    CONSTRAINT "FileChunk_seq_check" CHECK ("seq" >= 0),
    -- A chunk is at most 1 MiB (the store writes about 256 KiB at a time).
    CONSTRAINT "FileChunk_size_check" CHECK (octet_length("data") BETWEEN 1 AND 1048576)
);
ALTER TABLE "FileChunk" ADD CONSTRAINT "FileChunk_blobId_fkey" FOREIGN KEY ("blobId") REFERENCES "FileBlob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "ownerKind" "FileOwnerKind" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "slot" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentVersionId" TEXT,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StoredFile_slot_check" CHECK ("slot" IS NULL OR length(btrim("slot")) BETWEEN 1 AND 120)
);
CREATE UNIQUE INDEX "StoredFile_currentVersionId_key" ON "StoredFile"("currentVersionId");
CREATE INDEX "StoredFile_ownerKind_ownerId_idx" ON "StoredFile"("ownerKind", "ownerId");
CREATE INDEX "StoredFile_partnershipId_idx" ON "StoredFile"("partnershipId");

CREATE TABLE "StoredFileVersion" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "storage" "FileStorageKind" NOT NULL,
    "blobKey" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "thumbnailKey" TEXT,
    "thumbnailBytes" INTEGER,

    CONSTRAINT "StoredFileVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StoredFileVersion_number_check" CHECK ("number" >= 1),
    CONSTRAINT "StoredFileVersion_size_check" CHECK ("sizeBytes" > 0),
    CONSTRAINT "StoredFileVersion_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "StoredFileVersion_name_check" CHECK (length("name") BETWEEN 1 AND 200 AND "name" !~ '[/\\[:cntrl:]]'),
    CONSTRAINT "StoredFileVersion_thumbnail_check" CHECK (("thumbnailKey" IS NULL) = ("thumbnailBytes" IS NULL))
);
CREATE UNIQUE INDEX "StoredFileVersion_fileId_number_key" ON "StoredFileVersion"("fileId", "number");
CREATE INDEX "StoredFileVersion_uploadedById_idx" ON "StoredFileVersion"("uploadedById");

ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "StoredFileVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StoredFileVersion" ADD CONSTRAINT "StoredFileVersion_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StoredFileVersion" ADD CONSTRAINT "StoredFileVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "PartnershipStorageUse" (
    "partnershipId" TEXT NOT NULL,
    "bytesUsed" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PartnershipStorageUse_pkey" PRIMARY KEY ("partnershipId"),
    CONSTRAINT "PartnershipStorageUse_bytes_check" CHECK ("bytesUsed" >= 0)
);
ALTER TABLE "PartnershipStorageUse" ADD CONSTRAINT "PartnershipStorageUse_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The storage use is the sum of the partnership's version sizes, whatever writes them:
-- every version added or removed moves it in the same transaction.
CREATE FUNCTION "stored_file_version_storage_use"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  partnership TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT "partnershipId" INTO partnership FROM "StoredFile" WHERE "id" = NEW."fileId";
    INSERT INTO "PartnershipStorageUse" ("partnershipId", "bytesUsed") VALUES (partnership, NEW."sizeBytes")
      ON CONFLICT ("partnershipId") DO UPDATE SET "bytesUsed" = "PartnershipStorageUse"."bytesUsed" + EXCLUDED."bytesUsed";
    RETURN NEW;
  END IF;
  SELECT "partnershipId" INTO partnership FROM "StoredFile" WHERE "id" = OLD."fileId";
  IF partnership IS NULL THEN
    -- Removed by a cascade from its file: the use could not follow. Delete versions first.
    RAISE EXCEPTION 'Delete a stored file''s versions before the file itself';
  END IF;
  UPDATE "PartnershipStorageUse" SET "bytesUsed" = "bytesUsed" - OLD."sizeBytes" WHERE "partnershipId" = partnership;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "StoredFileVersion_storage_use"
  AFTER INSERT OR DELETE ON "StoredFileVersion"
  FOR EACH ROW EXECUTE FUNCTION "stored_file_version_storage_use"();

-- A version's size never changes after it is written (the use would drift).
CREATE FUNCTION "stored_file_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."sizeBytes" <> OLD."sizeBytes" OR NEW."fileId" <> OLD."fileId" OR NEW."blobKey" <> OLD."blobKey" THEN
    RAISE EXCEPTION 'A stored file version is kept as uploaded';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "StoredFileVersion_immutable"
  BEFORE UPDATE ON "StoredFileVersion"
  FOR EACH ROW EXECUTE FUNCTION "stored_file_version_immutable"();
