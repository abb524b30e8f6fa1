import { describe, expect, it } from "vitest";
import type { StoryModerationAction, StoryStatus } from "@/server/db/generated/enums";
import {
  MODERATION_RECORD,
  STORY_ACTIONS,
  STORY_STATUSES,
  STORY_TRANSITIONS,
  storyAllows,
  storyTransition,
  type StoryAction,
} from "@/server/domain/stories/lifecycle";
import { AppError } from "@/server/errors";

/** The lifecycle written out by hand: the status each action leads to, or "refused". */
type Expected = StoryStatus | "refused";
const EXPECTED: Record<StoryStatus, Record<StoryAction, Expected>> = {
  DRAFT: {
    EDIT: "DRAFT",
    SUBMIT: "SUBMITTED",
    PUBLISH: "refused",
    RETURN: "refused",
    UNPUBLISH: "refused",
    WITHDRAW: "WITHDRAWN",
    COMMENT: "refused",
  },
  SUBMITTED: {
    EDIT: "refused",
    SUBMIT: "refused",
    PUBLISH: "PUBLISHED",
    RETURN: "RETURNED",
    UNPUBLISH: "refused",
    WITHDRAW: "WITHDRAWN",
    COMMENT: "refused",
  },
  RETURNED: {
    EDIT: "RETURNED",
    SUBMIT: "SUBMITTED",
    PUBLISH: "refused",
    RETURN: "refused",
    UNPUBLISH: "refused",
    WITHDRAW: "WITHDRAWN",
    COMMENT: "refused",
  },
  PUBLISHED: {
    EDIT: "refused",
    SUBMIT: "refused",
    PUBLISH: "refused",
    RETURN: "refused",
    UNPUBLISH: "RETURNED",
    WITHDRAW: "WITHDRAWN",
    COMMENT: "PUBLISHED",
  },
  WITHDRAWN: {
    EDIT: "refused",
    SUBMIT: "refused",
    PUBLISH: "refused",
    RETURN: "refused",
    UNPUBLISH: "refused",
    WITHDRAW: "refused",
    COMMENT: "refused",
  },
};

describe("story lifecycle", () => {
  it("lists every status and action exactly once", () => {
    expect([...STORY_STATUSES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(STORY_STATUSES).size).toBe(5);
    expect([...STORY_ACTIONS].sort()).toEqual(Object.keys(EXPECTED.DRAFT).sort());
    expect(new Set(STORY_ACTIONS).size).toBe(7);
    expect(Object.keys(STORY_TRANSITIONS).sort()).toEqual([...STORY_STATUSES].sort());
    for (const status of STORY_STATUSES) {
      expect(Object.keys(STORY_TRANSITIONS[status]).sort()).toEqual([...STORY_ACTIONS].sort());
    }
  });

  for (const status of STORY_STATUSES) {
    for (const action of STORY_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} + ${action} → ${expected}`, () => {
        const outcome = STORY_TRANSITIONS[status][action];
        if (expected === "refused") {
          expect(outcome.allowed).toBe(false);
          if (outcome.allowed) return;
          expect(outcome.reason.trim().length).toBeGreaterThan(10);
          expect(outcome.reason).toMatch(/\.$/);
          expect(storyAllows(status, action)).toBe(false);
          let thrown: unknown;
          try {
            storyTransition(status, action);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(AppError);
          expect((thrown as AppError).code).toBe("CONFLICT");
          expect((thrown as AppError).userMessage).toBe(outcome.reason);
        } else {
          expect(outcome).toEqual({ allowed: true, to: expected });
          expect(storyAllows(status, action)).toBe(true);
          expect(storyTransition(status, action)).toBe(expected);
        }
      });
    }
  }

  it("counts 12 allowed transitions in all", () => {
    const allowed = STORY_STATUSES.flatMap((status) =>
      STORY_ACTIONS.filter((action) => STORY_TRANSITIONS[status][action].allowed).map((action) => `${status}:${action}`),
    );
    expect(allowed).toHaveLength(12);
  });

  it("allows editing only while the story is the author's to change", () => {
    expect(STORY_STATUSES.filter((status) => storyAllows(status, "EDIT"))).toEqual(["DRAFT", "RETURNED"]);
    // Editing never moves a story on.
    for (const status of ["DRAFT", "RETURNED"] as const) expect(storyTransition(status, "EDIT")).toBe(status);
  });

  it("takes comments only on published stories", () => {
    expect(STORY_STATUSES.filter((status) => storyAllows(status, "COMMENT"))).toEqual(["PUBLISHED"]);
  });

  it("makes withdrawal final", () => {
    expect(STORY_ACTIONS.filter((action) => storyAllows("WITHDRAWN", action))).toEqual([]);
  });

  it("records every status-changing action in the moderation record, and nothing else", () => {
    const expected: Partial<Record<StoryAction, StoryModerationAction>> = {
      SUBMIT: "SUBMITTED",
      PUBLISH: "PUBLISHED",
      RETURN: "RETURNED",
      UNPUBLISH: "UNPUBLISHED",
      WITHDRAW: "WITHDRAWN",
    };
    expect(MODERATION_RECORD).toEqual(expected);
    for (const status of STORY_STATUSES) {
      for (const action of STORY_ACTIONS) {
        const outcome = STORY_TRANSITIONS[status][action];
        if (outcome.allowed && outcome.to !== status) expect(MODERATION_RECORD[action], `${status} + ${action}`).toBeDefined();
      }
    }
  });

  it("explains a refusal in plain words", () => {
    expect(() => storyTransition("SUBMITTED", "EDIT")).toThrow(/waiting for an officer/);
    expect(() => storyTransition("DRAFT", "COMMENT")).toThrow("Comments open once the story is published.");
    expect(() => storyTransition("WITHDRAWN", "SUBMIT")).toThrow("This story was withdrawn, so it can no longer change.");
  });
});
