import type { ImportBatchState } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

/**
 * An import batch's lifecycle as an explicit transition table. Every (state, action) pair
 * is either allowed, with the state it leads to, or refused with a message that says why.
 *
 *   PREVIEWED ─CONFIRM─▶ CONFIRMED  (an officer: organisations and invitations are created)
 *   PREVIEWED ─CANCEL──▶ CANCELLED  (an officer: nothing was created; final)
 *   CONFIRMED ─FINISH──▶ SENT       (the batch's job has emailed every invitation; final)
 */

export type ImportBatchAction = "CONFIRM" | "CANCEL" | "FINISH";

export const IMPORT_BATCH_STATES: readonly ImportBatchState[] = ["PREVIEWED", "CONFIRMED", "SENT", "CANCELLED"];
export const IMPORT_BATCH_ACTIONS: readonly ImportBatchAction[] = ["CONFIRM", "CANCEL", "FINISH"];

type Outcome = { allowed: true; to: ImportBatchState } | { allowed: false; reason: string };
const to = (state: ImportBatchState): Outcome => ({ allowed: true, to: state });
const refuse = (reason: string): Outcome => ({ allowed: false, reason });

const ALREADY_CONFIRMED = "This import has already been confirmed: its invitations have been created.";
const CANCELLED = "This import was cancelled, so nothing from it can be sent. Upload the file again to start a new import.";
const NOT_CONFIRMED = "This import has not been confirmed yet, so there is nothing to send.";

export const IMPORT_BATCH_TRANSITIONS: Readonly<Record<ImportBatchState, Readonly<Record<ImportBatchAction, Outcome>>>> = {
  PREVIEWED: {
    CONFIRM: to("CONFIRMED"),
    CANCEL: to("CANCELLED"),
    FINISH: refuse(NOT_CONFIRMED),
  },
  CONFIRMED: {
    CONFIRM: refuse(ALREADY_CONFIRMED),
    CANCEL: refuse("This import has already been confirmed, so it cannot be cancelled. Withdraw any invitation you no longer want from the administration page."),
    FINISH: to("SENT"),
  },
  SENT: {
    CONFIRM: refuse(ALREADY_CONFIRMED),
    CANCEL: refuse("This import's invitations have already been sent, so it cannot be cancelled."),
    FINISH: refuse("This import's invitations have already been sent."),
  },
  CANCELLED: {
    CONFIRM: refuse(CANCELLED),
    CANCEL: refuse("This import was already cancelled."),
    FINISH: refuse(CANCELLED),
  },
};

export function importBatchAllows(state: ImportBatchState, action: ImportBatchAction): boolean {
  return IMPORT_BATCH_TRANSITIONS[state][action].allowed;
}

/** The state an action leads to, or a CONFLICT saying why it cannot be taken now. */
export function importBatchTransition(state: ImportBatchState, action: ImportBatchAction): ImportBatchState {
  const outcome = IMPORT_BATCH_TRANSITIONS[state][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
  return outcome.to;
}
