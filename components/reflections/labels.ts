/** How reflections are described across their pages (UK dates, audiences, named or anonymous). */

import { formatDay as formatCalendarDay, formatInstantDay } from "@/lib/uk-time";
import { paths } from "@/lib/paths";

/** "30 June 2021" (UK time). */
export const formatDay = (date: Date) => formatInstantDay(date);
/** "30 Jun 2021" from an ISO day ("2021-06-30"). */
export const formatIsoDay = (day: string) => formatCalendarDay(day, "short");

/** Changing one of the partnership's own question sets. */
export const editQuestionSetPath = (slug: string, questionSetId: string) =>
  `${paths.reflections(slug)}/question-sets/${encodeURIComponent(questionSetId)}/edit`;
/** An officer's copy of a built-in template, to change. */
export const copyTemplatePath = (slug: string, templateKey: string) =>
  `${paths.newQuestionSet(slug)}?template=${encodeURIComponent(templateKey)}`;

export const ANONYMITY_LABELS = {
  NAMED: "Named answers",
  ANONYMOUS: "Anonymous answers",
} as const;

export const ANONYMITY_HINTS = {
  NAMED: "Your name is shown beside your answers to the people who see the results.",
  ANONYMOUS: "Nobody, including the person running it, can see which answers are yours.",
} as const;

export const QUESTION_KIND_LABELS = {
  TEXT: "Written answer",
  SCALE: "Scale of 1 to 5",
} as const;

export const SCALE_WORDS = ["1 (lowest)", "2", "3", "4", "5 (highest)"] as const;

/** "3.5" or "No answers" for a mean. */
export const formatMean = (mean: number | null) => (mean === null ? "No answers" : mean.toLocaleString("en-GB", { maximumFractionDigits: 1 }));

export const formatRate = (rate: number | null) => (rate === null ? "Not known" : `${rate}%`);

export function closingText(survey: { isOpen?: boolean; closesAt: Date; closedAt: Date | null }) {
  return survey.closedAt ? `Closed on ${formatDay(survey.closedAt)}` : `Closes on ${formatDay(survey.closesAt)}`;
}
