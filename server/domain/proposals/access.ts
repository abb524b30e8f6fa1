import { policy, type MembershipGrant, type ProposalGrant } from "@/server/auth/policy";
import type { Actor } from "@/server/auth/session";
import type { Prisma } from "@/server/db/generated/client";
import type { ProposalStatus } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** What the policy proved about the actor for one proposal (ctx.actor, ctx.membership, ctx.proposal). */
export type ProposalAccess = { actor: Actor; membership: MembershipGrant; proposal: ProposalGrant };

/**
 * Whether the policy row of a proposal-scoped `procedure` lets this actor in, from what the
 * policy already proved: so the screens offer exactly what the API allows.
 */
export function proposalPolicyAllows(procedure: string, access: Pick<ProposalAccess, "membership" | "proposal">): boolean {
  const rule = policy[procedure];
  if (!rule || rule.kind !== "proposal") return false;
  const { myAuthorRole, mySubGroupRole, isAssessor } = access.proposal;
  return (
    rule.roles.includes(access.membership.role) ||
    (mySubGroupRole !== null && rule.subGroupRoles.includes(mySubGroupRole)) ||
    (myAuthorRole !== null && rule.authorRoles.includes(myAuthorRole)) ||
    (rule.assessors && isAssessor)
  );
}

/** While these hold, the lead author may change who writes the proposal. */
export const CO_AUTHORS_CHANGE_WHILE: readonly ProposalStatus[] = ["DRAFT", "SUBMITTED"];

export type LockedProposal = {
  id: string;
  partnershipId: string;
  subGroupId: string;
  roundId: string | null;
  title: string;
  status: ProposalStatus;
  revision: number;
};

/**
 * Locks the proposal's row for the rest of the transaction (SELECT ... FOR UPDATE), so
 * saves, submissions and status changes of one proposal happen one after another and
 * each sees what the one before it wrote.
 */
export async function lockProposal(tx: Tx, proposalId: string): Promise<LockedProposal> {
  const rows = await tx.$queryRaw<LockedProposal[]>`
    SELECT "id", "partnershipId", "subGroupId", "roundId", "title", "status"::text AS "status", "revision"
    FROM "Proposal" WHERE "id" = ${proposalId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("That proposal");
  return row;
}

/** The partnership's slug (for links). */
export async function partnershipSlugOf(tx: Tx, partnershipId: string): Promise<string> {
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true } });
  return partnership.slug;
}
