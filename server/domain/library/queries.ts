import type { BrowseLibraryInput, PublicLibraryOutput } from "@/lib/schemas/library";
import { can } from "@/server/auth/can";
import type { LibraryResourceGrant, MemberGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { displayName } from "@/server/domain/discussions/people";
import { FORMER_MEMBER } from "@/server/domain/personal-data/erasure";
import { notFound } from "@/server/errors";

/**
 * Reading the library. Every member (observers too) reads every resource; the public page
 * reads only the public ones, and only when the partnership publishes its page.
 */

const RESOURCE_LIMIT = 500;

const resourceSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  url: true,
  tags: true,
  visibility: true,
  folderId: true,
  addedById: true,
  createdAt: true,
  updatedAt: true,
  addedBy: { select: { name: true } },
  folder: { select: { id: true, name: true } },
} as const satisfies Prisma.LibraryResourceSelect;

type ResourceRow = Prisma.LibraryResourceGetPayload<{ select: typeof resourceSelect }>;

/** The site a link goes to, as the reader is told it ("opens www.leeds.gov.uk"). */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, "en-GB", { sensitivity: "base" });
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" });

/** What the viewer may do with one resource, decided by the policy. */
function resourceFlags(grant: MemberGrant, row: { id: string; addedById: string; visibility: string }) {
  const libraryResource: LibraryResourceGrant = { id: row.id, isAdder: row.addedById === grant.actor.userId, isPublic: row.visibility === "PUBLIC" };
  const withResource = { ...grant, libraryResource };
  const mayTouch = can("library.updateResource", withResource) && (!libraryResource.isPublic || can("library.publish", withResource));
  return { canChange: mayTouch };
}

/** A document's file as the library shows it: its current version, who uploaded it and when. */
export type LibraryDocumentFile = {
  fileId: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  versionNumber: number;
  versionCount: number;
  uploadedBy: string;
  uploadedAt: Date;
  hasThumbnail: boolean;
};

/** The files of the documents among `resourceIds`, by resource (a document whose file was removed has none). */
async function documentFiles(db: Database, resourceIds: readonly string[]): Promise<Map<string, LibraryDocumentFile>> {
  if (resourceIds.length === 0) return new Map();
  const files = await db.storedFile.findMany({
    where: { ownerKind: "LIBRARY_RESOURCE", ownerId: { in: [...resourceIds] }, currentVersionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      ownerId: true,
      _count: { select: { versions: true } },
      currentVersion: {
        select: { number: true, name: true, mimeType: true, sizeBytes: true, uploadedAt: true, thumbnailKey: true, uploadedBy: { select: { name: true, erasedAt: true } } },
      },
    },
  });
  const byResource = new Map<string, LibraryDocumentFile>();
  for (const file of files) {
    const version = file.currentVersion;
    if (!version || byResource.has(file.ownerId)) continue;
    byResource.set(file.ownerId, {
      fileId: file.id,
      name: version.name,
      mimeType: version.mimeType,
      sizeBytes: version.sizeBytes,
      versionNumber: version.number,
      versionCount: file._count.versions,
      uploadedBy: version.uploadedBy.erasedAt ? FORMER_MEMBER : displayName(version.uploadedBy),
      uploadedAt: version.uploadedAt,
      hasThumbnail: version.thumbnailKey !== null,
    });
  }
  return byResource;
}

const documentIds = (rows: readonly { id: string; kind: string }[]) => rows.filter((row) => row.kind === "DOCUMENT").map((row) => row.id);

function shapeResource(grant: MemberGrant, row: ResourceRow, files: Map<string, LibraryDocumentFile>) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    host: hostOf(row.url),
    tags: row.tags,
    visibility: row.visibility,
    folder: row.folder,
    document: row.kind === "DOCUMENT" ? (files.get(row.id) ?? null) : null,
    addedBy: displayName(row.addedBy),
    addedAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...resourceFlags(grant, row),
  };
}

async function folderTree(db: Database, partnershipId: string) {
  const folders = await db.libraryFolder.findMany({
    where: { partnershipId },
    select: { id: true, name: true, parentId: true, _count: { select: { resources: true } } },
  });
  const top = folders.filter((folder) => folder.parentId === null).sort(byName);
  const shape = (folder: (typeof folders)[number]) => ({ id: folder.id, name: folder.name, parentId: folder.parentId, resourceCount: folder._count.resources, folderCount: 0 });
  return top.map((folder) => {
    const children = folders.filter((child) => child.parentId === folder.id).sort(byName).map(shape);
    return {
      ...shape(folder),
      children,
      /** What a folder card counts: its own resources and its folders'. */
      resourceCount: folder._count.resources + children.reduce((sum, child) => sum + child.resourceCount, 0),
      ownResourceCount: folder._count.resources,
      folderCount: children.length,
    };
  });
}

export type LibraryFolderTree = Awaited<ReturnType<typeof folderTree>>;

/** Every tag in use in the partnership's library, with how many resources carry it. */
async function tagsInUse(db: Database, partnershipId: string) {
  const rows = await db.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT tag, count(*) AS count FROM "LibraryResource", unnest("tags") AS tag
    WHERE "partnershipId" = ${partnershipId}
    GROUP BY tag ORDER BY tag`;
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
}

/**
 * One view of the library: the folder tree, the folder being looked at (its sub-folders and
 * resources), or, with a tag or a search, every matching resource in that folder and its
 * sub-folders (in the whole library when no folder is open).
 */
export async function browseLibrary(db: Database, grant: MemberGrant, input: BrowseLibraryInput) {
  const partnershipId = grant.membership.partnershipId;
  const [partnership, folders, tags] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { name: true, slug: true, publishesPortfolio: true } }),
    folderTree(db, partnershipId),
    tagsInUse(db, partnershipId),
  ]);
  const flat = folders.flatMap((folder) => [folder, ...folder.children]);
  const current = input.folderId ? flat.find((folder) => folder.id === input.folderId) : undefined;
  if (input.folderId && !current) throw notFound("That folder");
  const parent = current?.parentId ? flat.find((folder) => folder.id === current.parentId) ?? null : null;
  const subFolders = current ? (folders.find((folder) => folder.id === current.id)?.children ?? []) : folders;

  const filtering = Boolean(input.tag || input.search);
  const inFolders = current ? [current.id, ...subFolders.map((folder) => folder.id)] : null;
  const where: Prisma.LibraryResourceWhereInput = {
    partnershipId,
    ...(filtering ? (inFolders ? { folderId: { in: inFolders } } : {}) : { folderId: current?.id ?? null }),
    ...(input.tag ? { tags: { has: input.tag } } : {}),
    ...(input.search ? { title: { contains: input.search, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.libraryResource.findMany({ where, select: resourceSelect, take: RESOURCE_LIMIT, orderBy: { createdAt: "desc" } }),
    db.libraryResource.count({ where: { partnershipId } }),
  ]);

  const files = await documentFiles(db, documentIds(rows));

  return {
    partnership,
    folders,
    folder: current ? { id: current.id, name: current.name, parentId: current.parentId, parent: parent ? { id: parent.id, name: parent.name } : null } : null,
    subFolders: filtering ? [] : subFolders,
    resources: rows.map((row) => shapeResource(grant, row, files)).sort(byTitle),
    tags,
    filter: { tag: input.tag ?? null, search: input.search ?? null },
    /** Resources directly in the open folder (whatever the filter): only an empty folder can be removed. */
    totalInFolder: current ? (folders.find((folder) => folder.id === current.id)?.ownResourceCount ?? current.resourceCount) : 0,
    /** Resources in the whole library: an empty library gets its own words. */
    totalResources: total,
    viewer: {
      canAddLinks: can("library.addLink", grant),
      canAddDocuments: can("library.addDocument", grant),
      canCurate: can("library.createFolder", grant),
      canPublish: can("library.publish", grant),
    },
  };
}

export type LibraryView = Awaited<ReturnType<typeof browseLibrary>>;

/** One resource for its edit form, with the folders it may move to and what the viewer may do. */
export async function getResource(db: Database, grant: MemberGrant & { libraryResource: LibraryResourceGrant }) {
  const partnershipId = grant.membership.partnershipId;
  const row = await db.libraryResource.findFirst({ where: { id: grant.libraryResource.id, partnershipId }, select: resourceSelect });
  if (!row) throw notFound("That resource");
  const [partnership, folders, files] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { name: true, slug: true, publishesPortfolio: true } }),
    folderTree(db, partnershipId),
    documentFiles(db, documentIds([row])),
  ]);
  return {
    partnership,
    resource: shapeResource(grant, row, files),
    folders,
    viewer: { canPublish: can("library.publish", grant) },
  };
}

/** A document's file on the public page: what it is and how big, never who uploaded it. */
function documentOnPublicPage(file: LibraryDocumentFile | undefined): PublicLibraryOutput["resources"][number]["document"] {
  return file ? { fileId: file.fileId, name: file.name, mimeType: file.mimeType, sizeBytes: file.sizeBytes } : null;
}

/**
 * The public resources of a partnership that publishes its page, for anyone: each field
 * copied by hand into the allow-listed shape (never who added a resource or when).
 * Unknown and unpublished partnerships answer alike, so nobody can tell which exist.
 */
export async function publicLibrary(db: Database, slug: string): Promise<PublicLibraryOutput> {
  const partnership = await db.partnership.findUnique({ where: { slug }, select: { id: true, publishesPortfolio: true } });
  if (!partnership?.publishesPortfolio) throw notFound();
  const rows = await db.libraryResource.findMany({
    where: { partnershipId: partnership.id, visibility: "PUBLIC" },
    select: { id: true, kind: true, title: true, description: true, url: true, tags: true, folder: { select: { name: true } } },
    take: RESOURCE_LIMIT,
    orderBy: { createdAt: "desc" },
  });
  const files = await documentFiles(db, documentIds(rows));
  return {
    resources: rows
      // A document is listed once it has its file.
      .filter((row) => row.kind !== "DOCUMENT" || files.has(row.id))
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        description: row.description,
        url: row.url,
        host: hostOf(row.url),
        tags: row.tags,
        folder: row.folder?.name ?? null,
        document: documentOnPublicPage(files.get(row.id)),
      }))
      .sort(byTitle),
  };
}
