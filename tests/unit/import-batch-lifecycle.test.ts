import { describe, expect, it } from "vitest";
import {
  IMPORT_BATCH_ACTIONS,
  IMPORT_BATCH_STATES,
  IMPORT_BATCH_TRANSITIONS,
  importBatchAllows,
  importBatchTransition,
  type ImportBatchAction,
} from "@/server/domain/imports/lifecycle";
import type { ImportBatchState } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

const EXPECTED: Record<ImportBatchState, Record<ImportBatchAction, ImportBatchState | "refused">> = {
  PREVIEWED: { CONFIRM: "CONFIRMED", CANCEL: "CANCELLED", FINISH: "refused" },
  CONFIRMED: { CONFIRM: "refused", CANCEL: "refused", FINISH: "SENT" },
  SENT: { CONFIRM: "refused", CANCEL: "refused", FINISH: "refused" },
  CANCELLED: { CONFIRM: "refused", CANCEL: "refused", FINISH: "refused" },
};

describe("import batch lifecycle", () => {
  it("lists every state and action exactly once", () => {
    expect([...IMPORT_BATCH_STATES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(IMPORT_BATCH_STATES).size).toBe(4);
    expect(new Set(IMPORT_BATCH_ACTIONS).size).toBe(3);
    expect(Object.keys(IMPORT_BATCH_TRANSITIONS).sort()).toEqual([...IMPORT_BATCH_STATES].sort());
    for (const state of IMPORT_BATCH_STATES) {
      expect(Object.keys(IMPORT_BATCH_TRANSITIONS[state]).sort()).toEqual([...IMPORT_BATCH_ACTIONS].sort());
    }
  });

  for (const state of IMPORT_BATCH_STATES) {
    for (const action of IMPORT_BATCH_ACTIONS) {
      const expected = EXPECTED[state][action];
      it(`${state} + ${action} → ${expected}`, () => {
        const outcome = IMPORT_BATCH_TRANSITIONS[state][action];
        if (expected === "refused") {
          expect(outcome.allowed).toBe(false);
          if (outcome.allowed) return;
          expect(outcome.reason).toMatch(/^[A-Z].{10,}\.$/);
          expect(importBatchAllows(state, action)).toBe(false);
          let thrown: unknown;
          try {
            importBatchTransition(state, action);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(AppError);
          expect((thrown as AppError).code).toBe("CONFLICT");
          expect((thrown as AppError).userMessage).toBe(outcome.reason);
        } else {
          expect(outcome).toEqual({ allowed: true, to: expected });
          expect(importBatchAllows(state, action)).toBe(true);
          expect(importBatchTransition(state, action)).toBe(expected);
        }
      });
    }
  }

  it("has three transitions, and none out of SENT or CANCELLED", () => {
    const allowed = IMPORT_BATCH_STATES.flatMap((state) => IMPORT_BATCH_ACTIONS.filter((action) => importBatchAllows(state, action)).map((action) => `${state}:${action}`));
    expect(allowed).toEqual(["PREVIEWED:CONFIRM", "PREVIEWED:CANCEL", "CONFIRMED:FINISH"]);
  });
});
