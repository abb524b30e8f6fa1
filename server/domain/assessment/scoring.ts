import type { Criterion } from "@/server/domain/funding/rounds";
import { AppError } from "@/server/errors";

/**
 * Scores. Each criterion is scored from 0 to the round's scoreMax; the weighted score is
 * in hundredths of a percent of the maximum (0 to 10000), since the weights add up to 100.
 */

export type { Criterion };
export type CriterionScore = { criterion: string; score: number; comment: string };

/** round(Σ weight × score × 100 / scoreMax): 10000 means full marks on every criterion. */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: readonly { criterion: string; score: number }[],
  scoreMax: number,
): number {
  const byName = new Map(scores.map((score) => [score.criterion, score.score]));
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight * (byName.get(criterion.name) ?? 0), 0);
  return Math.round((total * 100) / scoreMax);
}

export type ScoreSummary = { mean: number | null; min: number | null; max: number | null; spread: number | null };

/**
 * Mean, lowest, highest and spread (population standard deviation) of submitted weighted
 * scores, rounded to whole units. The spread needs at least two scores (null before).
 */
export function summariseScores(values: readonly number[]): ScoreSummary {
  if (values.length === 0) return { mean: null, min: null, max: null, spread: null };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return {
    mean: Math.round(mean),
    min: Math.min(...values),
    max: Math.max(...values),
    spread: values.length < 2 ? null : Math.round(Math.sqrt(variance)),
  };
}

/**
 * Checks an assessor's scores against the round: only its criteria, each once, within the
 * scale; when submitting, every criterion. Returns them in the round's order.
 */
export function checkScores(
  criteria: readonly Criterion[],
  scoreMax: number,
  scores: readonly CriterionScore[],
  submit: boolean,
): CriterionScore[] {
  const fieldErrors: Record<string, string[]> = {};
  const known = new Set(criteria.map((criterion) => criterion.name));
  const seen = new Set<string>();
  scores.forEach((score, index) => {
    if (!known.has(score.criterion)) {
      fieldErrors[`scores.${index}.criterion`] = [`"${score.criterion}" is not one of this round's criteria.`];
    } else if (seen.has(score.criterion)) {
      fieldErrors[`scores.${index}.criterion`] = [`"${score.criterion}" is scored more than once.`];
    }
    seen.add(score.criterion);
    if (!Number.isInteger(score.score) || score.score < 0 || score.score > scoreMax) {
      fieldErrors[`scores.${index}.score`] = [`Scores go from 0 to ${scoreMax}`];
    }
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Please check the highlighted scores.", fieldErrors);
  if (submit) {
    const missing = criteria.filter((criterion) => !seen.has(criterion.name));
    if (missing.length > 0) {
      throw new AppError("BAD_REQUEST", "Score every criterion before you submit.", {
        scores: [`Not scored yet: ${missing.map((criterion) => criterion.name).join(", ")}.`],
      });
    }
  }
  const byName = new Map(scores.map((score) => [score.criterion, score]));
  return criteria.flatMap((criterion) => {
    const score = byName.get(criterion.name);
    return score ? [{ criterion: criterion.name, score: score.score, comment: score.comment }] : [];
  });
}

/** Reads stored scores (Assessment.scores JSON) defensively. */
export function storedScores(value: unknown): CriterionScore[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { criterion, score, comment } = item as Record<string, unknown>;
    if (typeof criterion !== "string" || typeof score !== "number") return [];
    return [{ criterion, score, comment: typeof comment === "string" ? comment : "" }];
  });
}

/** Reads a round's criteria (FundingRound.criteria JSON). */
export function roundCriteria(value: unknown): Criterion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { name, weight } = item as Record<string, unknown>;
    return typeof name === "string" && typeof weight === "number" ? [{ name, weight }] : [];
  });
}
