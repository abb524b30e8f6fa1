import { createId } from "@/server/db/ids";
import { Prisma } from "@/server/db/generated/client";

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

/**
 * The same entry as recordAudit writes, as an INSERT to run inside a larger statement of the
 * action's own (one round trip for several rows). The row's id and time are made here, as
 * Prisma would make them.
 */
export function auditEventInsert(entry: AuditEntry, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "partnershipId", "actorId", "action", "subjectType", "subjectId", "summary", "amountPence", "createdAt")
    VALUES (${createId()}, ${entry.partnershipId}, ${entry.actorId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
            ${entry.summary}, ${entry.amountPence ?? null}, ${at})`;
}
