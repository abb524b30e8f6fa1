import { policy } from "@/server/auth/policy";
import type { MembershipGrant, SubGroupGrant } from "@/server/auth/policy";
import type { Prisma } from "@/server/db/generated/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** What the policy proved about the actor for this sub-group (ctx.membership and ctx.subGroup). */
export type SubGroupAccess = { membership: MembershipGrant; subGroup: SubGroupGrant };

/** Whether the policy row of `procedure` lets this actor in: so the screens offer exactly what the API allows. */
export function policyAllows(procedure: string, access: SubGroupAccess): boolean {
  const rule = policy[procedure];
  if (!rule || rule.kind !== "subGroup") return false;
  const myRole = access.subGroup.myRole;
  return rule.roles.includes(access.membership.role) || (myRole !== null && rule.subGroupRoles.includes(myRole));
}

export const ARCHIVED_MESSAGE =
  "This sub-group has been archived, so its conversations and notes can be read but no longer changed.";

/** The sub-group, with what links need; refuses to change anything in an archived one. */
export async function loadWritableSubGroup(tx: Tx, subGroupId: string) {
  const subGroup = await tx.subGroup.findUnique({
    where: { id: subGroupId },
    select: { id: true, name: true, archivedAt: true, partnershipId: true, partnership: { select: { slug: true } } },
  });
  if (!subGroup) throw notFound("That sub-group");
  if (subGroup.archivedAt) throw new AppError("PRECONDITION_FAILED", ARCHIVED_MESSAGE);
  return subGroup;
}
