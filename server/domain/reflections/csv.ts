import type { SurveyAnonymity, SurveyQuestionKind } from "@/server/db/generated/enums";
import { tableToCsv, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";

export type CsvQuestion = { id: string; position: number; prompt: string; kind?: SurveyQuestionKind };
export type CsvResponse = {
  /** The day it was submitted (a stored DATE). */
  submittedOn: Date;
  /** Only for named runs. */
  name: string | null;
  /** Question id → the written answer or the score. */
  answers: ReadonlyMap<string, string | number>;
};

type ReflectionExport = {
  anonymity: SurveyAnonymity;
  questions: readonly CsvQuestion[];
  responses: readonly CsvResponse[];
};

/**
 * Reflection answers as one spreadsheet description, written as CSV and as .xlsx alike: the
 * day as a date, scale answers as numbers, written answers as text. The name column exists
 * only for named runs.
 */
export function reflectionTable(input: ReflectionExport): SpreadsheetTable {
  const named = input.anonymity === "NAMED";
  const questions = [...input.questions].sort((a, b) => a.position - b.position);
  return {
    sheetName: "Answers",
    columns: [
      { header: "Response", kind: "number" },
      { header: "Submitted on", kind: "date" },
      ...(named ? [{ header: "Name", kind: "text" as const }] : []),
      ...questions.map((q) => ({ header: `Q${q.position}. ${q.prompt}`, kind: q.kind === "SCALE" ? ("number" as const) : ("text" as const) })),
    ],
    rows: input.responses.map((response, index) => [
      index + 1,
      response.submittedOn,
      ...(named ? [response.name ?? ""] : []),
      ...questions.map((question) => response.answers.get(question.id) ?? null),
    ]),
  };
}

/** Reflection answers as CSV (written by lib/csv.ts through the spreadsheet description). */
export function reflectionCsv(input: ReflectionExport): string {
  return tableToCsv(reflectionTable(input));
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
