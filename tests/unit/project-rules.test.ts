import { describe, expect, it } from "vitest";
import type { ProgressUpdateStatus, ProjectStatus } from "@/server/db/generated/enums";
import { allocateAward, spendAgainstBudget } from "@/server/domain/projects/budget";
import {
  PROJECT_ACTIONS,
  PROJECT_STATUSES,
  projectAllows,
  projectTransition,
  UPDATE_ACTIONS,
  UPDATE_STATUSES,
  updateAllows,
  updateTransition,
  type ProjectAction,
  type UpdateAction,
} from "@/server/domain/projects/lifecycle";
import { addMonths, daysUntilDue, isLate, reportingPeriods, reportState } from "@/lib/projects/schedule";
import { AppError } from "@/server/errors";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

describe("project lifecycle table", () => {
  const EXPECTED: Record<ProjectStatus, Record<ProjectAction, ProjectStatus | "refused">> = {
    ACTIVE: { POST_UPDATE: "ACTIVE", START_EVALUATION: "EVALUATING", SUBMIT_EVALUATION: "refused", DECIDE: "refused" },
    EVALUATING: { POST_UPDATE: "EVALUATING", START_EVALUATION: "refused", SUBMIT_EVALUATION: "EVALUATING", DECIDE: "DECIDED" },
    DECIDED: { POST_UPDATE: "refused", START_EVALUATION: "refused", SUBMIT_EVALUATION: "refused", DECIDE: "refused" },
  };
  for (const status of PROJECT_STATUSES) {
    for (const action of PROJECT_ACTIONS) {
      it(`${status} + ${action} → ${EXPECTED[status][action]}`, () => {
        const expected = EXPECTED[status][action];
        expect(projectAllows(status, action)).toBe(expected !== "refused");
        if (expected === "refused") {
          expect(() => projectTransition(status, action)).toThrow(AppError);
        } else {
          expect(projectTransition(status, action)).toBe(expected);
        }
      });
    }
  }
  it("refuses an update for a decided project with a message that says why", () => {
    expect(() => projectTransition("DECIDED", "POST_UPDATE")).toThrow(/closed to new updates/);
  });
});

describe("progress update lifecycle table", () => {
  const EXPECTED: Record<ProgressUpdateStatus, Record<UpdateAction, ProgressUpdateStatus | "refused">> = {
    DRAFT: { EDIT: "DRAFT", SUBMIT: "SUBMITTED", ACCEPT: "refused", RETURN: "refused" },
    SUBMITTED: { EDIT: "refused", SUBMIT: "refused", ACCEPT: "ACCEPTED", RETURN: "RETURNED" },
    ACCEPTED: { EDIT: "refused", SUBMIT: "refused", ACCEPT: "refused", RETURN: "refused" },
    RETURNED: { EDIT: "refused", SUBMIT: "refused", ACCEPT: "refused", RETURN: "refused" },
  };
  for (const status of UPDATE_STATUSES) {
    for (const action of UPDATE_ACTIONS) {
      it(`${status} + ${action} → ${EXPECTED[status][action]}`, () => {
        const expected = EXPECTED[status][action];
        expect(updateAllows(status, action)).toBe(expected !== "refused");
        if (expected === "refused") expect(() => updateTransition(status, action)).toThrow(AppError);
        else expect(updateTransition(status, action)).toBe(expected);
      });
    }
  }
});

describe("reporting schedule", () => {
  it("adds months keeping the day where it exists", () => {
    expect(addMonths(day("2021-01-31"), 1)).toEqual(day("2021-02-28"));
    expect(addMonths(day("2024-01-31"), 1)).toEqual(day("2024-02-29"));
    expect(addMonths(day("2021-11-15"), 3)).toEqual(day("2022-02-15"));
  });

  it("makes monthly periods, the last cut short at the project's end, each due 14 days after it ends", () => {
    expect(reportingPeriods(day("2021-04-01"), day("2021-06-15"), "MONTHLY")).toEqual([
      { sequence: 1, startsOn: day("2021-04-01"), endsOn: day("2021-04-30"), dueOn: day("2021-05-14") },
      { sequence: 2, startsOn: day("2021-05-01"), endsOn: day("2021-05-31"), dueOn: day("2021-06-14") },
      { sequence: 3, startsOn: day("2021-06-01"), endsOn: day("2021-06-15"), dueOn: day("2021-06-29") },
    ]);
  });

  it("makes quarterly periods", () => {
    const periods = reportingPeriods(day("2021-01-15"), day("2021-12-31"), "QUARTERLY");
    expect(periods.map((period) => [period.startsOn, period.endsOn])).toEqual([
      [day("2021-01-15"), day("2021-04-14")],
      [day("2021-04-15"), day("2021-07-14")],
      [day("2021-07-15"), day("2021-10-14")],
      [day("2021-10-15"), day("2021-12-31")],
    ]);
  });

  it("counts a due date's whole day as on time, and late from the next day's first moment", () => {
    const dueOn = day("2021-05-14");
    expect(isLate(dueOn, at("2021-05-14T23:59:59.999Z"))).toBe(false);
    expect(isLate(dueOn, at("2021-05-15T00:00:00.000Z"))).toBe(true);
  });

  it("tells each report's state at a given moment, at the boundaries", () => {
    const period = { dueOn: day("2021-05-14") };
    expect(reportState(period, null, at("2021-05-06T23:59:59.999Z"))).toBe("NOT_DUE");
    expect(reportState(period, null, at("2021-05-07T00:00:00.000Z"))).toBe("DUE_SOON");
    expect(reportState(period, null, at("2021-05-14T23:59:59.999Z"))).toBe("DUE_SOON");
    expect(reportState(period, null, at("2021-05-15T00:00:00.000Z"))).toBe("OVERDUE");
    expect(reportState(period, { submittedAt: at("2021-05-14T18:00:00Z"), accepted: false }, at("2021-06-01T00:00:00Z"))).toBe("SUBMITTED");
    expect(reportState(period, { submittedAt: at("2021-05-15T08:00:00Z"), accepted: false }, at("2021-06-01T00:00:00Z"))).toBe(
      "SUBMITTED_LATE",
    );
    expect(reportState(period, { submittedAt: at("2021-05-20T08:00:00Z"), accepted: true }, at("2021-06-01T00:00:00Z"))).toBe("ACCEPTED");
  });

  it("counts days until due, negative once overdue", () => {
    const dueOn = day("2021-05-14");
    expect(daysUntilDue(dueOn, at("2021-05-14T09:00:00Z"))).toBe(0);
    expect(daysUntilDue(dueOn, at("2021-05-11T09:00:00Z"))).toBe(3);
    expect(daysUntilDue(dueOn, at("2021-05-16T09:00:00Z"))).toBe(-2);
  });
});

describe("budget as awarded", () => {
  const lines = [
    { id: "a", item: "Staff", organisationId: "o1", amountPence: 400_000 },
    { id: "b", item: "Materials", organisationId: "o2", amountPence: 250_050 },
  ];

  it("keeps the lines when the award is what was asked for", () => {
    expect(allocateAward(lines, 650_050).map((line) => line.awardedPence)).toEqual([400_000, 250_050]);
  });

  it("shares a smaller award in proportion, adding up to the award to the penny", () => {
    const awarded = allocateAward(lines, 500_000);
    expect(awarded.map((line) => line.awardedPence)).toEqual([307_669, 192_331]);
    expect(awarded.reduce((sum, line) => sum + line.awardedPence, 0)).toBe(500_000);
  });

  it("gives spare pence to the largest remainders, earlier lines first on ties", () => {
    const equal = [1, 2, 3].map((n) => ({ id: `l${n}`, item: `Line ${n}`, organisationId: null, amountPence: 100 }));
    expect(allocateAward(equal, 100).map((line) => line.awardedPence)).toEqual([34, 33, 33]);
  });

  it("stays exact with amounts whose products pass 2^53", () => {
    const big = [
      { id: "x", item: "X", organisationId: null, amountPence: 999_999_999 },
      { id: "y", item: "Y", organisationId: null, amountPence: 333_333_333 },
    ];
    const awarded = allocateAward(big, 999_999_998);
    expect(awarded.reduce((sum, line) => sum + line.awardedPence, 0)).toBe(999_999_998);
    expect(awarded.map((line) => line.awardedPence)).toEqual([749_999_999, 249_999_999]);
  });

  it("makes one line of an award with no budget", () => {
    expect(allocateAward([], 10_000)).toEqual([{ id: "award", item: "The award", organisationId: null, awardedPence: 10_000 }]);
  });

  it("flags spend above a line and refuses spend above the award", () => {
    const awarded = allocateAward(lines, 500_000);
    const within = spendAgainstBudget(awarded, [{ budgetLineId: "a", spentPence: 200_000 }], 500_000);
    expect(within).toMatchObject({ totalSpentPence: 200_000, overLines: [], overAward: false });
    expect(within.lines[1]).toMatchObject({ spentPence: 0, remainingPence: 192_331, over: false });

    const overLine = spendAgainstBudget(awarded, [{ budgetLineId: "b", spentPence: 192_332 }], 500_000);
    expect(overLine.overLines).toEqual(["b"]);
    expect(overLine.lines[1]).toMatchObject({ remainingPence: -1, over: true });
    expect(overLine.overAward).toBe(false);

    const overAward = spendAgainstBudget(
      awarded,
      [
        { budgetLineId: "a", spentPence: 307_669 },
        { budgetLineId: "b", spentPence: 192_332 },
      ],
      500_000,
    );
    expect(overAward.overAward).toBe(true);
  });
});
