import { can } from "@/server/auth/can";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { FileOwnerKind, FileStorageKind } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { FORMER_MEMBER } from "@/server/domain/personal-data/erasure";
import { AppError, notFound } from "@/server/errors";
import { ownerReadAccess } from "./access";
import type { FileStore } from "./store";
import { storageUsed } from "./upload";

/** Listing an owner's files with their versions, removing a file, and a partnership's storage use. */

export type FileVersionView = {
  id: string;
  number: number;
  name: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: Date;
  hasThumbnail: boolean;
};

export type StoredFileView = {
  id: string;
  slot: string | null;
  current: FileVersionView;
  /** Every version, newest first (the current one included). */
  versions: FileVersionView[];
  /** The viewer may remove it (its uploader while the owner takes changes, or an officer). */
  canRemove: boolean;
};

export type OwnerFiles = {
  files: StoredFileView[];
  /** The named documents the owner asks for, each with whether a file fills it. */
  slots: { name: string; filled: boolean }[];
  canAttach: boolean;
  /** It holds one file at most (a library document): once it has one, uploads are new versions. */
  singleFile: boolean;
  /** Why not, when the viewer could attach but the owner takes no changes now. */
  closedReason: string | null;
};

function uploaderName(user: { name: string | null; erasedAt: Date | null }): string {
  if (user.erasedAt) return FORMER_MEMBER;
  return user.name?.trim() || "A member";
}

const versionSelect = {
  id: true,
  number: true,
  name: true,
  mimeType: true,
  sizeBytes: true,
  uploadedAt: true,
  uploadedById: true,
  thumbnailKey: true,
  uploadedBy: { select: { name: true, erasedAt: true } },
} as const;

type VersionRow = {
  id: string;
  number: number;
  name: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedById: string;
  thumbnailKey: string | null;
  uploadedBy: { name: string | null; erasedAt: Date | null };
};

function versionView(row: VersionRow): FileVersionView {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    uploadedBy: uploaderName(row.uploadedBy),
    uploadedAt: row.uploadedAt,
    hasThumbnail: row.thumbnailKey !== null,
  };
}

export async function listOwnerFiles(db: Database, actor: Actor, ownerKind: FileOwnerKind, ownerId: string): Promise<OwnerFiles> {
  const { owner, state, grant } = await ownerReadAccess(db, actor, ownerKind, ownerId);
  const rows = await db.storedFile.findMany({
    where: { ownerKind, ownerId, currentVersionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slot: true, currentVersionId: true, versions: { orderBy: { number: "desc" }, select: versionSelect } },
  });
  const mayAttach = grant.membership !== null && can(owner.attach, grant);
  const isOfficer = grant.membership !== null && can("file.removeAny", grant);
  const files = rows.map((row): StoredFileView => {
    const versions = row.versions.map(versionView);
    const firstUploader = row.versions[row.versions.length - 1]?.uploadedById;
    return {
      id: row.id,
      slot: row.slot,
      current: versions.find((version) => version.id === row.currentVersionId) ?? versions[0]!,
      versions,
      canRemove: isOfficer || (mayAttach && state.acceptsUploads && firstUploader === actor.userId),
    };
  });
  return {
    files,
    slots: state.slots.map((name) => ({ name, filled: files.some((file) => file.slot === name) })),
    canAttach: mayAttach && state.acceptsUploads,
    singleFile: state.singleFile === true,
    closedReason: mayAttach && !state.acceptsUploads ? state.closedReason : null,
  };
}

/**
 * Removes a file with every version: by whoever uploaded it first, while its owner takes
 * changes, or by an officer at any time. The bytes go too; the audit trail keeps who removed
 * what, when.
 */
export async function removeFile(
  db: Database,
  storeFor: (storage: FileStorageKind) => FileStore,
  actor: Actor,
  fileId: string,
  now = new Date(),
): Promise<{ removed: true }> {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: {
      id: true,
      ownerKind: true,
      ownerId: true,
      partnershipId: true,
      versions: { orderBy: { number: "asc" }, select: { id: true, name: true, storage: true, blobKey: true, thumbnailKey: true, uploadedById: true } },
    },
  });
  if (!file) throw notFound("That file");
  const { owner, state, grant } = await ownerReadAccess(db, actor, file.ownerKind, file.ownerId);
  const isOfficer = grant.membership !== null && can("file.removeAny", grant);
  const isUploader = file.versions[0]?.uploadedById === actor.userId && grant.membership !== null && can(owner.attach, grant);
  if (!isOfficer) {
    if (!isUploader) throw new AppError("FORBIDDEN", "Only the person who uploaded a file, or an officer, can remove it.");
    if (!state.acceptsUploads) throw new AppError("PRECONDITION_FAILED", state.closedReason);
  }
  const name = file.versions[file.versions.length - 1]?.name ?? "a file";
  await db.$transaction(async (tx) => {
    await tx.storedFile.update({ where: { id: file.id }, data: { currentVersionId: null }, select: { id: true } });
    await tx.storedFileVersion.deleteMany({ where: { fileId: file.id } });
    await tx.storedFile.delete({ where: { id: file.id }, select: { id: true } });
    await recordAudit(tx, {
      partnershipId: file.partnershipId,
      actorId: actor.userId,
      action: "file.removed",
      subjectType: `${owner.noun}`,
      subjectId: file.ownerId,
      summary: `Removed “${name}” (${file.versions.length === 1 ? "1 version" : `${file.versions.length} versions`}) from a ${owner.noun} on ${now.toISOString().slice(0, 10)}`,
    });
  });
  for (const version of file.versions) {
    const store = storeFor(version.storage);
    await store.remove(version.blobKey).catch(() => undefined);
    if (version.thumbnailKey) await store.remove(version.thumbnailKey).catch(() => undefined);
  }
  return { removed: true };
}

/** Where a version's bytes (and thumbnail) are, so they can go once its rows have. */
export type StoredBytes = { storage: FileStorageKind; blobKey: string; thumbnailKey: string | null };

/**
 * Removes every file of an owner that is itself going (a library document being removed),
 * inside the caller's transaction; the caller removes the bytes after it commits.
 */
export async function detachOwnerFiles(tx: Prisma.TransactionClient, ownerKind: FileOwnerKind, ownerId: string): Promise<StoredBytes[]> {
  const files = await tx.storedFile.findMany({
    where: { ownerKind, ownerId },
    select: { id: true, versions: { select: { storage: true, blobKey: true, thumbnailKey: true } } },
  });
  if (files.length === 0) return [];
  const ids = files.map((file) => file.id);
  await tx.storedFile.updateMany({ where: { id: { in: ids } }, data: { currentVersionId: null } });
  await tx.storedFileVersion.deleteMany({ where: { fileId: { in: ids } } });
  await tx.storedFile.deleteMany({ where: { id: { in: ids } } });
  return files.flatMap((file) => file.versions);
}

/** Removes stored bytes whose rows are gone; a failure leaves an unreferenced object, never a broken file. */
export async function removeStoredBytes(storeFor: (storage: FileStorageKind) => FileStore, bytes: readonly StoredBytes[]): Promise<void> {
  for (const version of bytes) {
    const store = storeFor(version.storage);
    await store.remove(version.blobKey).catch(() => undefined);
    if (version.thumbnailKey) await store.remove(version.thumbnailKey).catch(() => undefined);
  }
}

export async function partnershipStorageUse(db: Database, partnershipId: string, limitBytes: number) {
  const usedBytes = await storageUsed(db, partnershipId);
  const fileCount = await db.storedFile.count({ where: { partnershipId } });
  return { usedBytes, limitBytes, fileCount, percentUsed: Math.min(100, Math.round((usedBytes / limitBytes) * 1000) / 10) };
}
