-- The partnership's resource library: links (documents join once files can be stored) in
-- folders two levels deep, with normalised tags, each shown to members only or also on the
-- partnership's public page.
CREATE TYPE "LibraryResourceKind" AS ENUM ('LINK');

CREATE TYPE "LibraryVisibility" AS ENUM ('MEMBERS', 'PUBLIC');

CREATE TABLE "LibraryFolder" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryFolder_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LibraryFolder_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 120),
    CONSTRAINT "LibraryFolder_not_own_parent_check" CHECK ("parentId" IS NULL OR "parentId" <> "id")
);

CREATE TABLE "LibraryResource" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "folderId" TEXT,
    "kind" "LibraryResourceKind" NOT NULL DEFAULT 'LINK',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visibility" "LibraryVisibility" NOT NULL DEFAULT 'MEMBERS',
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryResource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LibraryResource_title_check" CHECK (length(btrim("title")) BETWEEN 1 AND 200),
    CONSTRAINT "LibraryResource_description_check" CHECK (length("description") <= 1000),
    -- A link is an http(s) address, without spaces or control characters.
    CONSTRAINT "LibraryResource_link_url_check" CHECK (
      "kind" <> 'LINK' OR ("url" IS NOT NULL AND "url" ~* '^https?://[^\s/?#]+' AND "url" !~ '[[:space:][:cntrl:]]' AND length("url") <= 2000)
    ),
    CONSTRAINT "LibraryResource_tags_check" CHECK (cardinality("tags") <= 10)
);

CREATE INDEX "LibraryFolder_partnershipId_parentId_idx" ON "LibraryFolder"("partnershipId", "parentId");
-- Two folders side by side never share a name (any case).
CREATE UNIQUE INDEX "LibraryFolder_sibling_name_key" ON "LibraryFolder" ("partnershipId", coalesce("parentId", ''), lower("name"));

CREATE INDEX "LibraryResource_partnershipId_folderId_idx" ON "LibraryResource"("partnershipId", "folderId");
CREATE INDEX "LibraryResource_partnershipId_visibility_idx" ON "LibraryResource"("partnershipId", "visibility");
CREATE INDEX "LibraryResource_tags_idx" ON "LibraryResource" USING GIN ("tags");

ALTER TABLE "LibraryFolder" ADD CONSTRAINT "LibraryFolder_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LibraryFolder" ADD CONSTRAINT "LibraryFolder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LibraryFolder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LibraryResource" ADD CONSTRAINT "LibraryResource_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LibraryResource" ADD CONSTRAINT "LibraryResource_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "LibraryFolder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LibraryResource" ADD CONSTRAINT "LibraryResource_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Folders nest two levels deep at most, within one partnership: a folder's parent is a
-- top-level folder of the same partnership, and a folder holding folders stays at the top.
-- With no deeper levels, no move can make a cycle.
CREATE FUNCTION "library_folder_check_nesting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent RECORD;
BEGIN
  IF NEW."parentId" IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT "partnershipId", "parentId" INTO parent FROM "LibraryFolder" WHERE "id" = NEW."parentId";
  IF parent."partnershipId" IS DISTINCT FROM NEW."partnershipId" THEN
    RAISE EXCEPTION 'a library folder''s parent must be in the same partnership' USING ERRCODE = 'check_violation';
  END IF;
  IF parent."parentId" IS NOT NULL THEN
    RAISE EXCEPTION 'library folders nest two levels deep at most' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM "LibraryFolder" WHERE "parentId" = NEW."id") THEN
    RAISE EXCEPTION 'a library folder that holds folders stays at the top level' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "LibraryFolder_check_nesting"
  BEFORE INSERT OR UPDATE OF "parentId", "partnershipId" ON "LibraryFolder"
  FOR EACH ROW EXECUTE FUNCTION "library_folder_check_nesting"();

-- A resource's folder is one of its own partnership's.
CREATE FUNCTION "library_resource_check_folder"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."folderId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "LibraryFolder" WHERE "id" = NEW."folderId" AND "partnershipId" = NEW."partnershipId"
  ) THEN
    RAISE EXCEPTION 'a library resource''s folder must be in the same partnership' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "LibraryResource_check_folder"
  BEFORE INSERT OR UPDATE OF "folderId", "partnershipId" ON "LibraryResource"
  FOR EACH ROW EXECUTE FUNCTION "library_resource_check_folder"();
