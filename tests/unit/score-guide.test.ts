import { describe, expect, it } from "vitest";
import { defaultScoreGuide } from "@/server/domain/assessment/score-guide";

describe("the default guide to a round's scores", () => {
  it("gives every score on a 0 to 4 scale its own meaning, lowest to highest", () => {
    const guide = defaultScoreGuide(4);
    expect(guide.map((step) => step.score)).toEqual([0, 1, 2, 3, 4]);
    expect(guide[0]!.meaning).toMatch(/^No evidence/);
    expect(guide[4]!.meaning).toMatch(/^Excellent/);
    expect(new Set(guide.map((step) => step.meaning)).size).toBe(5);
  });

  it("covers every score on any scale from 1 to 10, never going down the bands", () => {
    for (let top = 1; top <= 10; top++) {
      const guide = defaultScoreGuide(top);
      expect(guide).toHaveLength(top + 1);
      expect(guide.every((step) => step.meaning.length > 0)).toBe(true);
      expect(guide.at(-1)!.meaning).toMatch(/^Excellent/);
    }
    expect(defaultScoreGuide(5).map((step) => step.meaning.split(":")[0])).toEqual([
      "No evidence",
      "Very weak",
      "Weak",
      "Adequate",
      "Good",
      "Excellent",
    ]);
  });
});
