import type { Prisma } from "@/server/db/generated/client";
import type { ActivityKind } from "@/server/db/generated/enums";

type Tx = Prisma.TransactionClient;

export type ActivityEntry = {
  partnershipId: string;
  subGroupId?: string | null;
  actorId: string | null;
  kind: ActivityKind;
  /** One plain sentence, e.g. "Sandra Kerr joined the Carers sub-group". */
  summary: string;
  linkPath?: string | null;
};

/** Records what changed, in the same transaction as the change itself. */
export async function recordActivity(tx: Tx, entry: ActivityEntry): Promise<void> {
  await tx.activity.create({
    data: {
      partnershipId: entry.partnershipId,
      subGroupId: entry.subGroupId ?? null,
      actorId: entry.actorId,
      kind: entry.kind,
      summary: entry.summary,
      linkPath: entry.linkPath ?? null,
    },
  });
}
