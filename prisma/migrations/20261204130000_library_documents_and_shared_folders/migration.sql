-- Documents in the resource library (a resource whose file is a StoredFile owned by it), and
-- a shared folder of files for each sub-group.
ALTER TYPE "LibraryResourceKind" ADD VALUE 'DOCUMENT';
ALTER TYPE "FileOwnerKind" ADD VALUE 'LIBRARY_RESOURCE';
ALTER TYPE "FileOwnerKind" ADD VALUE 'SUB_GROUP';

-- A document has no web address: its file is the thing (a link keeps its own check).
ALTER TABLE "LibraryResource" ADD CONSTRAINT "LibraryResource_document_url_check" CHECK ("kind"::text <> 'DOCUMENT' OR "url" IS NULL);
