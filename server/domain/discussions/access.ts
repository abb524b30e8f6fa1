export type { SubGroupAccess } from "@/server/auth/grants";
import type { Prisma } from "@/server/db/generated/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;



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
