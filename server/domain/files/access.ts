import { can, refusalOf } from "@/server/auth/can";
import type { Grant } from "@/server/auth/grants";
import { grantFor } from "@/server/auth/resolve";
import { rules } from "@/server/auth/rules";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { FileOwnerKind } from "@/server/db/generated/enums";
import { AppError, notFound } from "@/server/errors";
import { FILE_OWNERS, type FileOwner, type FileOwnerState } from "./owners";

/**
 * Who may see and add a file is decided by what it is attached to, through the same rules
 * as the owner itself (`can` with the owner's grant): a download is allowed exactly when
 * the proposal, update or story may be read, and anyone else is told it does not exist.
 */

export type OwnerAccess = { owner: FileOwner; state: FileOwnerState; grant: Grant };

const fileNotFound = () => notFound("That file");

/** May the actor (or a signed-out visitor) read the owner, and so download its files? NOT_FOUND otherwise. */
export async function ownerReadAccess(db: Database, actor: Actor | null, kind: FileOwnerKind, ownerId: string): Promise<OwnerAccess> {
  const owner = FILE_OWNERS[kind];
  const state = await owner.locate(db, ownerId);
  if (!state) throw fileNotFound();
  if (!actor) {
    if (state.isPublic) return { owner, state, grant: { actor: null, membership: null, subGroup: null } };
    throw fileNotFound();
  }
  let grant: Grant;
  try {
    grant = await grantFor(db, actor, owner.via, ownerId);
  } catch (error) {
    // Not a member, or may not see the owner: a public owner is still public to them.
    if (state.isPublic) return { owner, state, grant: { actor, membership: null, subGroup: null } };
    throw error instanceof AppError && error.code === "NOT_FOUND" ? fileNotFound() : error;
  }
  if (!state.isPublic && !can(owner.read, grant)) throw fileNotFound();
  if (grant.membership?.partnershipId !== state.partnershipId && !state.isPublic) throw fileNotFound();
  return { owner, state, grant };
}

/** May the actor attach a file to the owner now? FORBIDDEN (in the rule's words) or PRECONDITION_FAILED (closed) otherwise. */
export async function ownerAttachAccess(db: Database, actor: Actor, kind: FileOwnerKind, ownerId: string): Promise<OwnerAccess> {
  const access = await ownerReadAccess(db, actor, kind, ownerId);
  if (!access.grant.membership || !can(access.owner.attach, access.grant)) throw refusalOf(rules[access.owner.attach], access.grant);
  if (!access.state.acceptsUploads) throw new AppError("PRECONDITION_FAILED", access.state.closedReason);
  return access;
}
