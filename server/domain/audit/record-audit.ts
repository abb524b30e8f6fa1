import type { Prisma } from "@/server/db/generated/client";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  partnershipId: string;
  actorId: string;
  /** e.g. "award.granted", "tranche.paid" */
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  amountPence?: number | null;
};

/** Writes to the partnership's audit log, in the same transaction as the action. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, amountPence: entry.amountPence ?? null } });
}
