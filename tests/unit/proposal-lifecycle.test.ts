import { describe, expect, it } from "vitest";
import type { ProposalStatus } from "@/server/db/generated/enums";
import {
  PROPOSAL_ACTIONS,
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  proposalAllows,
  proposalTransition,
  type ProposalAction,
} from "@/server/domain/proposals/lifecycle";
import { AppError } from "@/server/errors";

/** The lifecycle written out by hand: the status each action leads to, or "refused". */
type Expected = ProposalStatus | "refused";
const EXPECTED: Record<ProposalStatus, Record<ProposalAction, Expected>> = {
  DRAFT: {
    EDIT: "DRAFT",
    SUBMIT: "SUBMITTED",
    RETURN_TO_DRAFT: "refused",
    WITHDRAW: "WITHDRAWN",
    START_ASSESSMENT: "refused",
    APPROVE: "refused",
    DECLINE: "refused",
  },
  SUBMITTED: {
    EDIT: "refused",
    SUBMIT: "refused",
    RETURN_TO_DRAFT: "DRAFT",
    WITHDRAW: "WITHDRAWN",
    START_ASSESSMENT: "UNDER_ASSESSMENT",
    APPROVE: "refused",
    DECLINE: "refused",
  },
  UNDER_ASSESSMENT: {
    EDIT: "refused",
    SUBMIT: "refused",
    RETURN_TO_DRAFT: "refused",
    WITHDRAW: "WITHDRAWN",
    START_ASSESSMENT: "refused",
    APPROVE: "APPROVED",
    DECLINE: "DECLINED",
  },
  APPROVED: {
    EDIT: "refused",
    SUBMIT: "refused",
    RETURN_TO_DRAFT: "refused",
    WITHDRAW: "refused",
    START_ASSESSMENT: "refused",
    APPROVE: "refused",
    DECLINE: "refused",
  },
  DECLINED: {
    EDIT: "refused",
    SUBMIT: "refused",
    RETURN_TO_DRAFT: "refused",
    WITHDRAW: "refused",
    START_ASSESSMENT: "refused",
    APPROVE: "refused",
    DECLINE: "refused",
  },
  WITHDRAWN: {
    EDIT: "refused",
    SUBMIT: "refused",
    RETURN_TO_DRAFT: "refused",
    WITHDRAW: "refused",
    START_ASSESSMENT: "refused",
    APPROVE: "refused",
    DECLINE: "refused",
  },
};

describe("proposal lifecycle", () => {
  it("lists every status and action exactly once", () => {
    expect([...PROPOSAL_STATUSES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(PROPOSAL_STATUSES).size).toBe(6);
    expect([...PROPOSAL_ACTIONS].sort()).toEqual(Object.keys(EXPECTED.DRAFT).sort());
    expect(new Set(PROPOSAL_ACTIONS).size).toBe(7);
    expect(Object.keys(PROPOSAL_TRANSITIONS).sort()).toEqual([...PROPOSAL_STATUSES].sort());
    for (const status of PROPOSAL_STATUSES) {
      expect(Object.keys(PROPOSAL_TRANSITIONS[status]).sort()).toEqual([...PROPOSAL_ACTIONS].sort());
    }
  });

  for (const status of PROPOSAL_STATUSES) {
    for (const action of PROPOSAL_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} + ${action} → ${expected}`, () => {
        const outcome = PROPOSAL_TRANSITIONS[status][action];
        if (expected === "refused") {
          expect(outcome.allowed).toBe(false);
          if (outcome.allowed) return;
          expect(outcome.reason.trim().length).toBeGreaterThan(10);
          expect(outcome.reason).toMatch(/\.$/);
          expect(proposalAllows(status, action)).toBe(false);
          let thrown: unknown;
          try {
            proposalTransition(status, action);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(AppError);
          expect((thrown as AppError).code).toBe("CONFLICT");
          expect((thrown as AppError).userMessage).toBe(outcome.reason);
        } else {
          expect(outcome).toEqual({ allowed: true, to: expected });
          expect(proposalAllows(status, action)).toBe(true);
          expect(proposalTransition(status, action)).toBe(expected);
        }
      });
    }
  }

  it("counts 9 allowed transitions in all", () => {
    const allowed = PROPOSAL_STATUSES.flatMap((status) =>
      PROPOSAL_ACTIONS.filter((action) => PROPOSAL_TRANSITIONS[status][action].allowed).map((action) => `${status}:${action}`),
    );
    expect(allowed).toHaveLength(9);
  });

  it("explains a refusal in plain words", () => {
    expect(() => proposalTransition("SUBMITTED", "EDIT")).toThrow(
      "This proposal has been submitted. Take it back to draft to change it.",
    );
    expect(() => proposalTransition("WITHDRAWN", "SUBMIT")).toThrow("This proposal was withdrawn, so it can no longer change.");
  });
});
