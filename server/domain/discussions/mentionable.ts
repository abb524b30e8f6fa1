import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { MentionCandidate } from "./mentions";

type Reader = Database | Prisma.TransactionClient;

/**
 * The people the actor can mention in a sub-group: members of its partnership who have a
 * name, the sub-group's own people first. People outside the sub-group who chose not to
 * be listed in the directory are left out of the picker (their choice is respected).
 */
export async function listMentionable(db: Database, actor: Actor, partnershipId: string, subGroupId: string) {
  const rows = await db.membership.findMany({
    where: {
      partnershipId,
      userId: { not: actor.userId },
      user: {
        name: { not: null },
        OR: [{ listedInDirectory: true }, { subGroupMemberships: { some: { subGroupId } } }],
      },
    },
    select: {
      user: {
        select: {
          id: true,
          name: true,
          organisation: { select: { name: true } },
          subGroupMemberships: { where: { subGroupId }, select: { role: true } },
        },
      },
    },
  });
  return rows
    .map(({ user }) => ({
      id: user.id,
      name: user.name!.trim(),
      organisation: user.organisation?.name ?? null,
      inSubGroup: user.subGroupMemberships.length > 0,
    }))
    .filter((person) => person.name.length > 0)
    .sort(
      (a, b) =>
        Number(b.inSubGroup) - Number(a.inSubGroup) ||
        a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }) ||
        a.id.localeCompare(b.id),
    );
}

/**
 * Of the ids someone picked to mention, those who belong to the partnership. Anyone else
 * is silently dropped: the answer must not reveal who is a member of what.
 */
export async function partnershipMembersAmong(
  db: Reader,
  partnershipId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.membership.findMany({
    where: { partnershipId, userId: { in: [...new Set(userIds)] } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/** Everyone in the partnership with a name, for highlighting "@Name" in posts. */
export async function mentionCandidates(db: Reader, partnershipId: string): Promise<MentionCandidate[]> {
  const rows = await db.membership.findMany({
    where: { partnershipId, user: { name: { not: null } } },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map(({ user }) => ({ id: user.id, name: user.name ?? "" }));
}
