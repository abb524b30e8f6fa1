import { toCsv } from "@/lib/csv";
import type { SurveyAnonymity } from "@/server/db/generated/enums";

export type CsvQuestion = { id: string; position: number; prompt: string };
export type CsvResponse = {
  /** ISO day, e.g. "2021-06-30". */
  submittedOn: string;
  /** Only for named runs. */
  name: string | null;
  /** Question id → the written answer or the score. */
  answers: ReadonlyMap<string, string | number>;
};

/** Reflection answers as CSV (written by lib/csv.ts). The name column exists only for named runs. */
export function reflectionCsv(input: {
  anonymity: SurveyAnonymity;
  questions: readonly CsvQuestion[];
  responses: readonly CsvResponse[];
}): string {
  const named = input.anonymity === "NAMED";
  const questions = [...input.questions].sort((a, b) => a.position - b.position);
  const header = ["Response", "Submitted on", ...(named ? ["Name"] : []), ...questions.map((q) => `Q${q.position}. ${q.prompt}`)];
  const rows = input.responses.map((response, index) => [
    index + 1,
    response.submittedOn,
    ...(named ? [response.name ?? ""] : []),
    ...questions.map((question) => response.answers.get(question.id) ?? null),
  ]);
  return toCsv(header, rows);
}

/** The mean (to two decimal places) and the count of each score 1..5. */
export function summariseScale(scores: readonly number[]): { mean: number | null; distribution: number[] } {
  const distribution = [0, 0, 0, 0, 0];
  for (const score of scores) if (score >= 1 && score <= 5) distribution[score - 1]! += 1;
  const counted = distribution.reduce((sum, count) => sum + count, 0);
  const total = distribution.reduce((sum, count, index) => sum + count * (index + 1), 0);
  return { mean: counted === 0 ? null : Math.round((total / counted) * 100) / 100, distribution };
}

/** Responses as a share of the audience, as a whole percentage (null when nobody was asked). */
export function responseRate(responses: number, audience: number): number | null {
  if (audience <= 0) return null;
  return Math.round((Math.min(responses, audience) / audience) * 100);
}
