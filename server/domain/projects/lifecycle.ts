import type { ProgressUpdateStatus, ProjectStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

/**
 * The funded project's lifecycle, and its progress updates', as explicit transition
 * tables. Every (status, action) pair is allowed, with where it leads, or refused with a
 * message that says why.
 */

type Outcome<S> = { allowed: true; to: S } | { allowed: false; reason: string };

export type ProjectAction = "POST_UPDATE" | "START_EVALUATION" | "SUBMIT_EVALUATION" | "DECIDE";
export const PROJECT_STATUSES: readonly ProjectStatus[] = ["ACTIVE", "EVALUATING", "DECIDED"];
export const PROJECT_ACTIONS: readonly ProjectAction[] = ["POST_UPDATE", "START_EVALUATION", "SUBMIT_EVALUATION", "DECIDE"];

const DECIDED = "The partnership has decided this test's future, so the project is closed to new updates.";

export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, Readonly<Record<ProjectAction, Outcome<ProjectStatus>>>>> = {
  ACTIVE: {
    POST_UPDATE: { allowed: true, to: "ACTIVE" },
    START_EVALUATION: { allowed: true, to: "EVALUATING" },
    SUBMIT_EVALUATION: { allowed: false, reason: "The test is still running: its evaluation comes at the end of the test period." },
    DECIDE: { allowed: false, reason: "The test is still running: decide once the lead has evaluated it." },
  },
  EVALUATING: {
    // The last period's update may still come in while the evaluation is written.
    POST_UPDATE: { allowed: true, to: "EVALUATING" },
    START_EVALUATION: { allowed: false, reason: "This project is already being evaluated." },
    SUBMIT_EVALUATION: { allowed: true, to: "EVALUATING" },
    DECIDE: { allowed: true, to: "DECIDED" },
  },
  DECIDED: {
    POST_UPDATE: { allowed: false, reason: DECIDED },
    START_EVALUATION: { allowed: false, reason: DECIDED },
    SUBMIT_EVALUATION: { allowed: false, reason: DECIDED },
    DECIDE: { allowed: false, reason: "A decision has already been recorded for this project." },
  },
};

export type UpdateAction = "EDIT" | "SUBMIT" | "ACCEPT" | "RETURN";
export const UPDATE_STATUSES: readonly ProgressUpdateStatus[] = ["DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"];
export const UPDATE_ACTIONS: readonly UpdateAction[] = ["EDIT", "SUBMIT", "ACCEPT", "RETURN"];

const SUBMITTED_IS_HISTORY = "This update has been submitted, so it is kept as it is. Post a new update instead.";

export const UPDATE_TRANSITIONS: Readonly<
  Record<ProgressUpdateStatus, Readonly<Record<UpdateAction, Outcome<ProgressUpdateStatus>>>>
> = {
  DRAFT: {
    EDIT: { allowed: true, to: "DRAFT" },
    SUBMIT: { allowed: true, to: "SUBMITTED" },
    ACCEPT: { allowed: false, reason: "This update is still a draft: it can be accepted once it is submitted." },
    RETURN: { allowed: false, reason: "This update is still a draft: nothing to return yet." },
  },
  SUBMITTED: {
    EDIT: { allowed: false, reason: SUBMITTED_IS_HISTORY },
    SUBMIT: { allowed: false, reason: "This update has already been submitted." },
    ACCEPT: { allowed: true, to: "ACCEPTED" },
    RETURN: { allowed: true, to: "RETURNED" },
  },
  ACCEPTED: {
    EDIT: { allowed: false, reason: SUBMITTED_IS_HISTORY },
    SUBMIT: { allowed: false, reason: "This update has already been submitted." },
    ACCEPT: { allowed: false, reason: "This update has already been accepted." },
    RETURN: { allowed: false, reason: "This update has already been accepted." },
  },
  RETURNED: {
    EDIT: { allowed: false, reason: "This update was returned: post a new update for the period instead." },
    SUBMIT: { allowed: false, reason: "This update was returned: post a new update for the period instead." },
    ACCEPT: { allowed: false, reason: "This update was returned; accept the new update for the period instead." },
    RETURN: { allowed: false, reason: "This update has already been returned." },
  },
};

function transition<S extends string, A extends string>(table: Record<S, Record<A, Outcome<S>>>, status: S, action: A): S {
  const outcome = table[status][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
  return outcome.to;
}

export const projectTransition = (status: ProjectStatus, action: ProjectAction) => transition(PROJECT_TRANSITIONS, status, action);
export const projectAllows = (status: ProjectStatus, action: ProjectAction) => PROJECT_TRANSITIONS[status][action].allowed;
export const updateTransition = (status: ProgressUpdateStatus, action: UpdateAction) => transition(UPDATE_TRANSITIONS, status, action);
export const updateAllows = (status: ProgressUpdateStatus, action: UpdateAction) => UPDATE_TRANSITIONS[status][action].allowed;
