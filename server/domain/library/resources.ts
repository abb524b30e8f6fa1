import type { AddLibraryDocumentInput, AddLibraryLinkInput, UpdateLibraryResourceInput } from "@/lib/schemas/library";
import { assertCan } from "@/server/auth/can";
import type { LibraryResourceGrant, MemberGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { violatedCheckConstraint } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import type { FileStorageKind } from "@/server/db/generated/enums";
import { detachOwnerFiles, removeStoredBytes } from "@/server/domain/files/files";
import type { FileStore } from "@/server/domain/files/store";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notFound, AppError } from "@/server/errors";
import { folderIn } from "./folders";

/**
 * Resources of the library. Members share links with the partnership; officers and chairs
 * curate: they put resources on the public page (library.publish) and are the only ones who
 * change a resource once it is there. Nothing here depends on what a resource points at
 * beyond its own fields: a link's address, or a document's file, which is stored as a file
 * owned by the resource (owner kind LIBRARY_RESOURCE) and uploaded once the resource exists.
 */

type Tx = Prisma.TransactionClient;
type ResourceAccess = MemberGrant & { libraryResource: LibraryResourceGrant };

const VISIBILITY_WORDS = { MEMBERS: "members only", PUBLIC: "members and the public page" } as const;

function explainRefusal(error: unknown): never {
  const constraint = violatedCheckConstraint(error);
  if (constraint === "LibraryResource_link_url_check") {
    throw new AppError("BAD_REQUEST", "Enter a web address starting https:// (or http://).", { url: ["Enter a web address starting https://"] });
  }
  if (constraint) throw new AppError("BAD_REQUEST", "Check the resource's details and try again.");
  throw error;
}

async function folderOrNone(tx: Tx, partnershipId: string, folderId: string | null) {
  return folderId ? folderIn(tx, partnershipId, folderId, "folderId") : null;
}

export async function addLink(db: Database, actor: Actor, grant: MemberGrant, input: AddLibraryLinkInput) {
  if (input.visibility === "PUBLIC") assertCan("library.publish", grant);
  const partnershipId = grant.membership.partnershipId;
  try {
    return await db.$transaction(async (tx) => {
      const folder = await folderOrNone(tx, partnershipId, input.folderId);
      const resource = await tx.libraryResource.create({
        data: {
          partnershipId,
          folderId: folder?.id ?? null,
          kind: "LINK",
          title: input.title,
          description: input.description,
          url: input.url,
          tags: input.tags,
          visibility: input.visibility,
          addedById: actor.userId,
        },
        select: { id: true, title: true, visibility: true, folderId: true },
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "library.resource.added",
        subjectType: "LibraryResource",
        subjectId: resource.id,
        summary: `Added the link "${resource.title}" to the library${folder ? ` in "${folder.name}"` : ""}, shown to ${VISIBILITY_WORDS[resource.visibility]}`,
      });
      return resource;
    });
  } catch (error) {
    explainRefusal(error);
  }
}

/**
 * A document's details: the resource is made first, then its file is uploaded to it (the
 * upload route, as file.attachToLibraryResource allows). Until the file arrives it is listed
 * to members as waiting for its file, and never on the public page.
 */
export async function addDocument(db: Database, actor: Actor, grant: MemberGrant, input: AddLibraryDocumentInput) {
  if (input.visibility === "PUBLIC") assertCan("library.publish", grant);
  const partnershipId = grant.membership.partnershipId;
  try {
    return await db.$transaction(async (tx) => {
      const folder = await folderOrNone(tx, partnershipId, input.folderId);
      const resource = await tx.libraryResource.create({
        data: {
          partnershipId,
          folderId: folder?.id ?? null,
          kind: "DOCUMENT",
          title: input.title,
          description: input.description,
          url: null,
          tags: input.tags,
          visibility: input.visibility,
          addedById: actor.userId,
        },
        select: { id: true, title: true, visibility: true, folderId: true },
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "library.resource.added",
        subjectType: "LibraryResource",
        subjectId: resource.id,
        summary: `Added the document "${resource.title}" to the library${folder ? ` in "${folder.name}"` : ""}, shown to ${VISIBILITY_WORDS[resource.visibility]}`,
      });
      return resource;
    });
  } catch (error) {
    explainRefusal(error);
  }
}

/** A resource on the public page is the curators' (officers and chairs) alone to change. */
function assertMayChange(grant: ResourceAccess): void {
  if (grant.libraryResource.isPublic) assertCan("library.publish", grant);
}

async function loadResource(tx: Tx, grant: ResourceAccess) {
  const resource = await tx.libraryResource.findFirst({
    where: { id: grant.libraryResource.id, partnershipId: grant.membership.partnershipId },
    select: { id: true, partnershipId: true, kind: true, title: true, visibility: true, folderId: true, url: true, description: true, tags: true },
  });
  if (!resource) throw notFound("That resource");
  return resource;
}

export async function updateResource(db: Database, actor: Actor, grant: ResourceAccess, input: UpdateLibraryResourceInput) {
  assertMayChange(grant);
  if (input.visibility === "PUBLIC") assertCan("library.publish", grant);
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadResource(tx, grant);
      if (before.kind === "LINK" && !input.url) {
        throw new AppError("BAD_REQUEST", "Enter the link's web address, starting https://", { url: ["Enter the link's web address, starting https://"] });
      }
      const url = before.kind === "LINK" ? input.url! : null;
      const updated = await tx.libraryResource.update({
        where: { id: before.id },
        data: { title: input.title, description: input.description, url, tags: input.tags, visibility: input.visibility },
        select: { id: true, title: true, visibility: true, folderId: true },
      });
      const changed = before.title !== updated.title || before.url !== url || before.description !== input.description || before.tags.join("\n") !== input.tags.join("\n");
      if (changed) {
        await recordAudit(tx, {
          partnershipId: before.partnershipId,
          actorId: actor.userId,
          action: "library.resource.changed",
          subjectType: "LibraryResource",
          subjectId: before.id,
          summary: before.title === updated.title ? `Changed the library resource "${updated.title}"` : `Changed the library resource "${before.title}" (now "${updated.title}")`,
        });
      }
      if (before.visibility !== updated.visibility) {
        await recordAudit(tx, {
          partnershipId: before.partnershipId,
          actorId: actor.userId,
          action: updated.visibility === "PUBLIC" ? "library.resource.published" : "library.resource.unpublished",
          subjectType: "LibraryResource",
          subjectId: before.id,
          summary:
            updated.visibility === "PUBLIC"
              ? `Put the library resource "${updated.title}" on the public page`
              : `Took the library resource "${updated.title}" off the public page (members only)`,
        });
      }
      return updated;
    });
  } catch (error) {
    explainRefusal(error);
  }
}

export async function moveResource(db: Database, actor: Actor, grant: ResourceAccess, input: { folderId: string | null }) {
  assertMayChange(grant);
  return db.$transaction(async (tx) => {
    const resource = await loadResource(tx, grant);
    if (resource.folderId === input.folderId) return { id: resource.id, folderId: resource.folderId };
    const folder = await folderOrNone(tx, resource.partnershipId, input.folderId);
    const moved = await tx.libraryResource.update({ where: { id: resource.id }, data: { folderId: folder?.id ?? null }, select: { id: true, folderId: true } });
    await recordAudit(tx, {
      partnershipId: resource.partnershipId,
      actorId: actor.userId,
      action: "library.resource.moved",
      subjectType: "LibraryResource",
      subjectId: resource.id,
      summary: `Moved the library resource "${resource.title}" ${folder ? `to "${folder.name}"` : "out of its folder, to the top of the library"}`,
    });
    return moved;
  });
}

/** Removes a resource; a document's file goes with it, every version (its bytes once the rows have gone). */
export async function removeResource(db: Database, storeFor: (storage: FileStorageKind) => FileStore, actor: Actor, grant: ResourceAccess) {
  assertMayChange(grant);
  const { removed, bytes } = await db.$transaction(async (tx) => {
    const resource = await loadResource(tx, grant);
    const bytes = await detachOwnerFiles(tx, "LIBRARY_RESOURCE", resource.id);
    await tx.libraryResource.delete({ where: { id: resource.id } });
    await recordAudit(tx, {
      partnershipId: resource.partnershipId,
      actorId: actor.userId,
      action: "library.resource.removed",
      subjectType: "LibraryResource",
      subjectId: resource.id,
      summary: `Removed the library ${resource.kind === "DOCUMENT" ? "document" : "resource"} "${resource.title}"${resource.url ? ` (${resource.url})` : ""}${bytes.length > 0 ? ` with its file (${bytes.length === 1 ? "1 version" : `${bytes.length} versions`})` : ""}`,
    });
    return { removed: { id: resource.id }, bytes };
  });
  await removeStoredBytes(storeFor, bytes);
  return removed;
}
