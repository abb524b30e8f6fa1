import type { MemberGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation, violatedCheckConstraint } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, notFound } from "@/server/errors";

/**
 * The library's folders, curated by officers and chairs: top-level folders, and folders
 * inside a top-level folder (two levels, which is as deep as a partnership's resources go
 * without getting lost). A folder never goes inside itself or one of its own folders, and
 * one that holds folders stays at the top; PostgreSQL refuses the same (a trigger).
 */

type Tx = Prisma.TransactionClient;

export type FolderRow = { id: string; partnershipId: string; parentId: string | null; name: string };

const folderSelect = { id: true, partnershipId: true, parentId: true, name: true } as const;

/** A folder of this partnership, or "not found" (another partnership's folder looks like none). */
export async function folderIn(db: Database | Tx, partnershipId: string, folderId: string, field: string): Promise<FolderRow> {
  const folder = await db.libraryFolder.findFirst({ where: { id: folderId, partnershipId }, select: folderSelect });
  if (!folder) {
    throw new AppError("BAD_REQUEST", "That folder could not be found: choose one from the list.", { [field]: ["Choose a folder from the list"] });
  }
  return folder;
}

/** Where a folder may go: the top level, or inside a top-level folder that is not the folder itself. */
async function checkParent(tx: Tx, partnershipId: string, parentId: string | null, moving: FolderRow | null): Promise<FolderRow | null> {
  if (parentId === null) return null;
  if (moving && parentId === moving.id) {
    throw new AppError("BAD_REQUEST", "A folder cannot go inside itself.", { parentId: ["Choose another folder, or the top level"] });
  }
  const parent = await folderIn(tx, partnershipId, parentId, "parentId");
  if (moving && parent.parentId === moving.id) {
    throw new AppError("BAD_REQUEST", `"${parent.name}" is inside "${moving.name}", so "${moving.name}" cannot go inside it.`, {
      parentId: ["Choose a folder that is not inside this one, or the top level"],
    });
  }
  if (parent.parentId !== null) {
    throw new AppError("BAD_REQUEST", `Folders go two levels deep: "${parent.name}" is already inside another folder.`, {
      parentId: ["Choose a top-level folder, or the top level"],
    });
  }
  if (moving && (await tx.libraryFolder.count({ where: { parentId: moving.id } })) > 0) {
    throw new AppError("BAD_REQUEST", `"${moving.name}" holds folders of its own, so it stays at the top level. Move them out first.`, {
      parentId: ["A folder holding folders stays at the top level"],
    });
  }
  return parent;
}

/**
 * One change to the shape of a partnership's folders at a time (FOR NO KEY UPDATE, so
 * nothing else waits), so two moves made at once cannot together nest three deep or make a cycle.
 */
async function lockFolders(tx: Tx, partnershipId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Partnership" WHERE "id" = ${partnershipId} FOR NO KEY UPDATE`;
}

function explainRefusal(error: unknown, name: string): never {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", `There is already a folder called "${name}" there: choose another name.`, {
      name: ["Choose a name no folder beside it has"],
    });
  }
  if (violatedCheckConstraint(error)) throw new AppError("BAD_REQUEST", "That folder cannot go there.");
  throw error;
}

const where = (parent: FolderRow | null) => (parent ? `inside "${parent.name}"` : "at the top level");

export async function createFolder(db: Database, actor: Actor, grant: MemberGrant, input: { name: string; parentId: string | null }) {
  const partnershipId = grant.membership.partnershipId;
  try {
    return await db.$transaction(async (tx) => {
      if (input.parentId) await lockFolders(tx, partnershipId);
      const parent = await checkParent(tx, partnershipId, input.parentId, null);
      const folder = await tx.libraryFolder.create({ data: { partnershipId, parentId: parent?.id ?? null, name: input.name }, select: folderSelect });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "library.folder.created",
        subjectType: "LibraryFolder",
        subjectId: folder.id,
        summary: `Made the library folder "${folder.name}" ${where(parent)}`,
      });
      return folder;
    });
  } catch (error) {
    explainRefusal(error, input.name);
  }
}

async function loadFolder(tx: Tx, grant: MemberGrant, folderId: string): Promise<FolderRow> {
  const folder = await tx.libraryFolder.findFirst({ where: { id: folderId, partnershipId: grant.membership.partnershipId }, select: folderSelect });
  if (!folder) throw notFound("That folder");
  return folder;
}

export async function renameFolder(db: Database, actor: Actor, grant: MemberGrant, input: { libraryFolderId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const folder = await loadFolder(tx, grant, input.libraryFolderId);
      if (folder.name === input.name) return folder;
      const renamed = await tx.libraryFolder.update({ where: { id: folder.id }, data: { name: input.name }, select: folderSelect });
      await recordAudit(tx, {
        partnershipId: folder.partnershipId,
        actorId: actor.userId,
        action: "library.folder.renamed",
        subjectType: "LibraryFolder",
        subjectId: folder.id,
        summary: `Renamed the library folder "${folder.name}" to "${renamed.name}"`,
      });
      return renamed;
    });
  } catch (error) {
    explainRefusal(error, input.name);
  }
}

export async function moveFolder(db: Database, actor: Actor, grant: MemberGrant, input: { libraryFolderId: string; parentId: string | null }) {
  let name = "";
  try {
    return await db.$transaction(async (tx) => {
      await lockFolders(tx, grant.membership.partnershipId);
      const folder = await loadFolder(tx, grant, input.libraryFolderId);
      name = folder.name;
      if (folder.parentId === input.parentId) return folder;
      const parent = await checkParent(tx, folder.partnershipId, input.parentId, folder);
      const moved = await tx.libraryFolder.update({ where: { id: folder.id }, data: { parentId: parent?.id ?? null }, select: folderSelect });
      await recordAudit(tx, {
        partnershipId: folder.partnershipId,
        actorId: actor.userId,
        action: "library.folder.moved",
        subjectType: "LibraryFolder",
        subjectId: folder.id,
        summary: `Moved the library folder "${folder.name}" ${where(parent)}`,
      });
      return moved;
    });
  } catch (error) {
    explainRefusal(error, name);
  }
}

/** Only an empty folder is removed: its resources and folders are moved or removed first, so nothing goes by accident. */
export async function removeFolder(db: Database, actor: Actor, grant: MemberGrant, input: { libraryFolderId: string }) {
  return db.$transaction(async (tx) => {
    const folder = await loadFolder(tx, grant, input.libraryFolderId);
    const [folders, resources] = await Promise.all([
      tx.libraryFolder.count({ where: { parentId: folder.id } }),
      tx.libraryResource.count({ where: { folderId: folder.id } }),
    ]);
    if (folders + resources > 0) {
      const held = [resources ? `${resources} resource${resources === 1 ? "" : "s"}` : null, folders ? `${folders} folder${folders === 1 ? "" : "s"}` : null]
        .filter(Boolean)
        .join(" and ");
      throw new AppError("PRECONDITION_FAILED", `"${folder.name}" still holds ${held}: move or remove them first.`);
    }
    await tx.libraryFolder.delete({ where: { id: folder.id } });
    await recordAudit(tx, {
      partnershipId: folder.partnershipId,
      actorId: actor.userId,
      action: "library.folder.removed",
      subjectType: "LibraryFolder",
      subjectId: folder.id,
      summary: `Removed the empty library folder "${folder.name}"`,
    });
    return { id: folder.id };
  });
}
