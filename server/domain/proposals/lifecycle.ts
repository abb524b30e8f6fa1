import type { ProposalStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

/**
 * The proposal lifecycle as an explicit transition table. Every (status, action) pair is
 * either allowed, with the status it leads to, or refused with a message that says why.
 * Conditions that depend on more than the status (the round's deadline, completeness,
 * scoring) are checked by the action itself after the table allows it.
 */

export type ProposalAction =
  | "EDIT"
  | "SUBMIT"
  | "RETURN_TO_DRAFT"
  | "WITHDRAW"
  | "START_ASSESSMENT"
  | "APPROVE"
  | "DECLINE";

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_ASSESSMENT",
  "APPROVED",
  "DECLINED",
  "WITHDRAWN",
];
export const PROPOSAL_ACTIONS: readonly ProposalAction[] = [
  "EDIT",
  "SUBMIT",
  "RETURN_TO_DRAFT",
  "WITHDRAW",
  "START_ASSESSMENT",
  "APPROVE",
  "DECLINE",
];

type Outcome = { allowed: true; to: ProposalStatus } | { allowed: false; reason: string };
const to = (status: ProposalStatus): Outcome => ({ allowed: true, to: status });
const refuse = (reason: string): Outcome => ({ allowed: false, reason });

const DECIDED_ALREADY = "A decision has already been made on this proposal.";
const FINAL = {
  APPROVED: "This proposal has been approved, so it can no longer change: its award carries on from here.",
  DECLINED: "This proposal was declined, so it can no longer change.",
  WITHDRAWN: "This proposal was withdrawn, so it can no longer change.",
} as const;

export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, Readonly<Record<ProposalAction, Outcome>>>> = {
  DRAFT: {
    EDIT: to("DRAFT"),
    SUBMIT: to("SUBMITTED"),
    RETURN_TO_DRAFT: refuse("This proposal is already a draft."),
    WITHDRAW: to("WITHDRAWN"),
    START_ASSESSMENT: refuse("This proposal has not been submitted yet, so it cannot be assessed."),
    APPROVE: refuse("This proposal has not been submitted yet, so it cannot be decided."),
    DECLINE: refuse("This proposal has not been submitted yet, so it cannot be decided."),
  },
  SUBMITTED: {
    EDIT: refuse("This proposal has been submitted. Take it back to draft to change it."),
    SUBMIT: refuse("This proposal has already been submitted."),
    RETURN_TO_DRAFT: to("DRAFT"),
    WITHDRAW: to("WITHDRAWN"),
    START_ASSESSMENT: to("UNDER_ASSESSMENT"),
    APPROVE: refuse("This proposal has not been assessed yet: start the assessment first."),
    DECLINE: refuse("This proposal has not been assessed yet: start the assessment first."),
  },
  UNDER_ASSESSMENT: {
    EDIT: refuse("This proposal is being assessed, so it cannot be changed."),
    SUBMIT: refuse("This proposal has already been submitted."),
    RETURN_TO_DRAFT: refuse("This proposal is being assessed, so it can no longer go back to draft."),
    WITHDRAW: to("WITHDRAWN"),
    START_ASSESSMENT: refuse("This proposal is already being assessed."),
    APPROVE: to("APPROVED"),
    DECLINE: to("DECLINED"),
  },
  APPROVED: {
    EDIT: refuse(FINAL.APPROVED),
    SUBMIT: refuse(FINAL.APPROVED),
    RETURN_TO_DRAFT: refuse(FINAL.APPROVED),
    WITHDRAW: refuse("This proposal has been approved: withdraw its award instead."),
    START_ASSESSMENT: refuse(FINAL.APPROVED),
    APPROVE: refuse(DECIDED_ALREADY),
    DECLINE: refuse(DECIDED_ALREADY),
  },
  DECLINED: {
    EDIT: refuse(FINAL.DECLINED),
    SUBMIT: refuse(FINAL.DECLINED),
    RETURN_TO_DRAFT: refuse(FINAL.DECLINED),
    WITHDRAW: refuse(FINAL.DECLINED),
    START_ASSESSMENT: refuse(FINAL.DECLINED),
    APPROVE: refuse(DECIDED_ALREADY),
    DECLINE: refuse(DECIDED_ALREADY),
  },
  WITHDRAWN: {
    EDIT: refuse(FINAL.WITHDRAWN),
    SUBMIT: refuse(FINAL.WITHDRAWN),
    RETURN_TO_DRAFT: refuse(FINAL.WITHDRAWN),
    WITHDRAW: refuse("This proposal has already been withdrawn."),
    START_ASSESSMENT: refuse(FINAL.WITHDRAWN),
    APPROVE: refuse(FINAL.WITHDRAWN),
    DECLINE: refuse(FINAL.WITHDRAWN),
  },
};

/** The status an action leads to; throws a clear CONFLICT when the table refuses it. */
export function proposalTransition(status: ProposalStatus, action: ProposalAction): ProposalStatus {
  const outcome = PROPOSAL_TRANSITIONS[status][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
  return outcome.to;
}

/** Whether the table allows an action (for showing or hiding a control). */
export function proposalAllows(status: ProposalStatus, action: ProposalAction): boolean {
  return PROPOSAL_TRANSITIONS[status][action].allowed;
}
