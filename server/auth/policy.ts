import { z } from "zod";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { notAllowed, notFound, signInRequired } from "@/server/errors";
import type { Actor } from "./session";

/**
 * Who may call which procedure: every procedure of the API has exactly one row here.
 * A procedure without a row is refused (deny by default), and a unit test fails when a
 * procedure is missing. Decisions read memberships from the database on every request,
 * so a removed member or a changed role takes effect at once.
 */

export type Rule =
  | { kind: "public" }
  | { kind: "signedIn" }
  /** The actor belongs to the partnership named in the input, with one of these roles. */
  | { kind: "partnership"; roles: readonly MembershipRole[] };

const anyone: Rule = { kind: "public" };
const signedIn: Rule = { kind: "signedIn" };
const partnership = (...roles: MembershipRole[]): Rule => ({ kind: "partnership", roles });

export const ALL_ROLES: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER", "OBSERVER"];

export const policy: Readonly<Record<string, Rule>> = {
  "system.ping": anyone,
  "me.profile": signedIn,
  "partnership.mine": signedIn,
  "partnership.overview": partnership(...ALL_ROLES),
};

export type MembershipGrant = { id: string; partnershipId: string; role: MembershipRole };

export type Grant = { actor: Actor | null; membership: MembershipGrant | null };

const partnershipReference = z.object({ partnershipSlug: z.string().min(1).max(80) });

/** Decides one request. Throws an AppError on denial; returns what was proven on success. */
export async function authorize(
  db: Database,
  actor: Actor | null,
  path: string,
  rawInput: unknown,
): Promise<Grant> {
  const rule = Object.hasOwn(policy, path) ? policy[path] : undefined;
  if (!rule) throw notAllowed();

  switch (rule.kind) {
    case "public":
      return { actor, membership: null };
    case "signedIn":
      if (!actor) throw signInRequired();
      return { actor, membership: null };
    case "partnership": {
      if (!actor) throw signInRequired();
      const reference = partnershipReference.safeParse(rawInput);
      // A partnership the actor is not in looks exactly like one that does not exist.
      if (!reference.success) throw notFound("That partnership");
      const membership = await db.membership.findFirst({
        where: { userId: actor.userId, partnership: { slug: reference.data.partnershipSlug } },
        select: { id: true, partnershipId: true, role: true },
      });
      if (!membership) throw notFound("That partnership");
      if (!rule.roles.includes(membership.role)) throw notAllowed();
      return { actor, membership };
    }
  }
}
