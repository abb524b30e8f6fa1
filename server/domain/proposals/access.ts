export type { ProposalAccess } from "@/server/auth/grants";
import type { Prisma } from "@/server/db/generated/client";
import type { ProposalStatus } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;


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
