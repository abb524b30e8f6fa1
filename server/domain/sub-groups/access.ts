import type { Prisma } from "@/server/db/generated/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

export type { SubGroupAccess } from "@/server/auth/grants";

/** Who may lead a sub-group: people who take an active part (observers only read). */
export { PARTICIPANTS as LEAD_ELIGIBLE_ROLES } from "@/server/auth/rules";

export const ARCHIVED_SUB_GROUP_MESSAGE =
  "This sub-group has been archived, so its membership can be read but no longer changed.";

export type LockedSubGroup = {
  id: string;
  name: string;
  partnershipId: string;
  joinPolicy: "OPEN" | "APPROVAL";
  archivedAt: Date | null;
  slug: string;
};

/**
 * Reads the sub-group for a change to its membership, holding a share lock so it cannot
 * be archived half-way through; refuses when it is archived already.
 */
export async function lockSubGroupForMembershipChange(tx: Tx, subGroupId: string): Promise<LockedSubGroup> {
  const [row] = await tx.$queryRaw<LockedSubGroup[]>`
    SELECT s."id", s."name", s."partnershipId", s."joinPolicy"::text AS "joinPolicy", s."archivedAt", p."slug"
    FROM "SubGroup" s JOIN "Partnership" p ON p."id" = s."partnershipId"
    WHERE s."id" = ${subGroupId}
    FOR SHARE OF s`;
  if (!row) throw notFound("That sub-group");
  if (row.archivedAt) throw new AppError("PRECONDITION_FAILED", ARCHIVED_SUB_GROUP_MESSAGE);
  return row;
}

/**
 * Locks the sub-group's lead rows, always in the same order, so two changes that could each
 * remove a lead run one after the other and the second sees the first: never zero leads.
 */
export async function lockLeads(tx: Tx, subGroupId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "SubGroupMembership"
    WHERE "subGroupId" = ${subGroupId} AND "role" = 'LEAD'
    ORDER BY "id"
    FOR UPDATE`;
  return rows.map((row) => row.userId);
}
