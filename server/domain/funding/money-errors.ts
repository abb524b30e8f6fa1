import { formatPence } from "@/lib/money";
import type { Database } from "@/server/db/client";
import { violatedCheckConstraint } from "@/server/db/errors";
import { AppError } from "@/server/errors";

/**
 * Turns PostgreSQL's refusal of a money movement (a CHECK constraint on the balances the
 * ledger trigger maintains) into a message for the officer, with the current figures.
 * Returns null for any other error.
 */
export async function explainMoneyRefusal(
  db: Database,
  error: unknown,
  context: { fundId: string; awardId?: string },
): Promise<AppError | null> {
  const constraint = violatedCheckConstraint(error);
  if (!constraint) return null;
  const fund = await db.fund.findUnique({
    where: { id: context.fundId },
    select: { name: true, totalPence: true, committedPence: true, ringFencedPence: true, unfencedCommittedPence: true },
  });
  if (!fund) return null;
  switch (constraint) {
    case "Fund_committed_within_total":
      return new AppError(
        "CONFLICT",
        `Not enough money left in ${fund.name}: ${formatPence(fund.totalPence - fund.committedPence)} is available.`,
      );
    case "Fund_unfenced_within_unfenced_money":
      return new AppError(
        "CONFLICT",
        `Not enough money left in ${fund.name} outside its ring-fences: ${formatPence(
          fund.totalPence - fund.ringFencedPence - fund.unfencedCommittedPence,
        )} is available.`,
      );
    case "RingFence_committed_within_limit":
      return new AppError("CONFLICT", "Not enough money left in this priority area's ring-fence for that amount.");
    case "Award_paid_within_awarded":
    case "Fund_paid_within_committed":
      return new AppError("CONFLICT", "That is more than is left to pay on this award.");
    case "Award_amounts_not_negative":
      return new AppError("CONFLICT", "That would take the award below zero.");
    case "Fund_ring_fences_within_total":
      return new AppError("CONFLICT", `The ring-fences would add up to more than ${fund.name} holds.`);
    default:
      return null;
  }
}
