import { describe, expect, it } from "vitest";
import { checkScores, summariseScores, weightedScore } from "@/server/domain/assessment/scoring";
import { AppError } from "@/server/errors";

const criteria = [
  { name: "Cross-sector partnership", weight: 40 },
  { name: "Need", weight: 35 },
  { name: "Learning", weight: 25 },
];
const score = (criterion: string, value: number) => ({ criterion, score: value, comment: "" });

describe("weightedScore", () => {
  it("is 10000 for full marks and 0 for nothing", () => {
    expect(weightedScore(criteria, criteria.map((c) => score(c.name, 5)), 5)).toBe(10_000);
    expect(weightedScore(criteria, criteria.map((c) => score(c.name, 0)), 5)).toBe(0);
  });

  it("weights each criterion: round(Σ weight × score × 100 / scoreMax)", () => {
    // 40×4 + 35×3 + 25×5 = 390; × 100 / 5 = 7800
    expect(weightedScore(criteria, [score("Cross-sector partnership", 4), score("Need", 3), score("Learning", 5)], 5)).toBe(7_800);
    // On a scale to 10: 40×7 + 35×2 + 25×9 = 575; × 100 / 10 = 5750
    expect(weightedScore(criteria, [score("Cross-sector partnership", 7), score("Need", 2), score("Learning", 9)], 10)).toBe(5_750);
  });

  it("rounds to the nearest unit", () => {
    // 100×1 ×100 / 3 = 3333.33
    expect(weightedScore([{ name: "Only", weight: 100 }], [score("Only", 1)], 3)).toBe(3_333);
    // 100×2 ×100 / 3 = 6666.67
    expect(weightedScore([{ name: "Only", weight: 100 }], [score("Only", 2)], 3)).toBe(6_667);
  });
});

describe("summariseScores", () => {
  it("is empty without scores", () => {
    expect(summariseScores([])).toEqual({ mean: null, min: null, max: null, spread: null });
  });
  it("has no spread for a single score", () => {
    expect(summariseScores([6_000])).toEqual({ mean: 6_000, min: 6_000, max: 6_000, spread: null });
  });
  it("gives the mean, range and population standard deviation", () => {
    // mean 6000; deviations -2000, 0, 2000 → variance 8,000,000/3 → sd 1632.99
    expect(summariseScores([4_000, 6_000, 8_000])).toEqual({ mean: 6_000, min: 4_000, max: 8_000, spread: 1_633 });
  });
});

describe("checkScores", () => {
  function refusal(run: () => unknown): AppError {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("returns the scores in the round's order", () => {
    const checked = checkScores(criteria, 5, [score("Learning", 2), score("Cross-sector partnership", 3)], false);
    expect(checked.map((s) => s.criterion)).toEqual(["Cross-sector partnership", "Learning"]);
  });

  it("refuses a score above the scale with a field error", () => {
    const error = refusal(() => checkScores(criteria, 5, [score("Need", 6)], false));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual({ "scores.0.score": ["Scores go from 0 to 5"] });
  });

  it("refuses an unknown or duplicated criterion", () => {
    expect(refusal(() => checkScores(criteria, 5, [score("Glamour", 3)], false)).fieldErrors).toEqual({
      "scores.0.criterion": ['"Glamour" is not one of this round\'s criteria.'],
    });
    expect(refusal(() => checkScores(criteria, 5, [score("Need", 3), score("Need", 4)], false)).fieldErrors).toEqual({
      "scores.1.criterion": ['"Need" is scored more than once.'],
    });
  });

  it("lets a draft leave criteria out but not a submission", () => {
    expect(checkScores(criteria, 5, [score("Need", 3)], false)).toHaveLength(1);
    const error = refusal(() => checkScores(criteria, 5, [score("Need", 3)], true));
    expect(error.userMessage).toBe("Score every criterion before you submit.");
    expect(error.fieldErrors).toEqual({ scores: ["Not scored yet: Cross-sector partnership, Learning."] });
  });
});
