import { AppError } from "@/server/errors";

/**
 * The award lifecycle as an explicit transition table. An award's state is derived from
 * its stored status and its balances; every (state, action) pair is either listed here
 * or refused with a message that says why.
 */

export type AwardState = "COMMITTED" | "PART_PAID" | "PAID_IN_FULL" | "COMPLETED" | "WITHDRAWN";
export type AwardAction = "PAY" | "VARY" | "WITHDRAW" | "RETURN_UNDERSPEND" | "COMPLETE";

export const AWARD_STATES: readonly AwardState[] = ["COMMITTED", "PART_PAID", "PAID_IN_FULL", "COMPLETED", "WITHDRAWN"];
export const AWARD_ACTIONS: readonly AwardAction[] = ["PAY", "VARY", "WITHDRAW", "RETURN_UNDERSPEND", "COMPLETE"];

export function awardState(award: { status: "ACTIVE" | "COMPLETED" | "WITHDRAWN"; awardedPence: number; paidPence: number }): AwardState {
  if (award.status === "WITHDRAWN") return "WITHDRAWN";
  if (award.status === "COMPLETED") return "COMPLETED";
  if (award.paidPence === 0) return "COMMITTED";
  return award.paidPence < award.awardedPence ? "PART_PAID" : "PAID_IN_FULL";
}

type Outcome = { allowed: true } | { allowed: false; reason: string };
const allow: Outcome = { allowed: true };
const refuse = (reason: string): Outcome => ({ allowed: false, reason });

export const AWARD_TRANSITIONS: Readonly<Record<AwardState, Readonly<Record<AwardAction, Outcome>>>> = {
  COMMITTED: {
    PAY: allow,
    VARY: allow,
    WITHDRAW: allow,
    RETURN_UNDERSPEND: refuse("Nothing has been paid on this award yet, so there is no underspend to return."),
    COMPLETE: refuse("Nothing has been paid on this award yet: withdraw it instead of completing it."),
  },
  PART_PAID: {
    PAY: allow,
    VARY: allow,
    WITHDRAW: refuse("Money has already been paid on this award: return any underspend, then complete it."),
    RETURN_UNDERSPEND: allow,
    COMPLETE: allow,
  },
  PAID_IN_FULL: {
    PAY: refuse("This award has been paid in full."),
    VARY: allow,
    WITHDRAW: refuse("Money has already been paid on this award: return any underspend, then complete it."),
    RETURN_UNDERSPEND: allow,
    COMPLETE: allow,
  },
  COMPLETED: {
    PAY: refuse("This award is completed: no more payments can be made."),
    VARY: refuse("This award is completed and can no longer be varied."),
    WITHDRAW: refuse("This award is completed and cannot be withdrawn."),
    RETURN_UNDERSPEND: allow,
    COMPLETE: refuse("This award is already completed."),
  },
  WITHDRAWN: {
    PAY: refuse("This award was withdrawn: nothing can be paid on it."),
    VARY: refuse("This award was withdrawn and cannot be varied."),
    WITHDRAW: refuse("This award has already been withdrawn."),
    RETURN_UNDERSPEND: refuse("This award was withdrawn before any payment: there is nothing to return."),
    COMPLETE: refuse("This award was withdrawn and cannot be completed."),
  },
};

/** Throws a clear CONFLICT unless the action is allowed from the award's current state. */
export function assertAwardTransition(state: AwardState, action: AwardAction): void {
  const outcome = AWARD_TRANSITIONS[state][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
}
