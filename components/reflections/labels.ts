/** How reflections are described across their pages (UK dates, audiences, named or anonymous). */

import type { Tone } from "@/components/ui/status-tag";
import { formatDay, formatInstantDay } from "@/lib/uk-time";

/** "30 Jun 2021" from an ISO day ("2021-06-30"). */
export const formatIsoDay = (day: string) => formatDay(day, "short");

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

/** Whether a reflection still takes answers, as a tag's words and tone. */
export const REFLECTION_STATE_LABELS = { OPEN: "Open", CLOSED: "Closed" } as const;
export const REFLECTION_STATE_TONES = { OPEN: "info", CLOSED: "neutral" } as const satisfies Record<keyof typeof REFLECTION_STATE_LABELS, Tone>;
/** A reflection's `closedAt` is set once it no longer takes answers (early or on its closing date). */
export const reflectionState = (survey: { closedAt: Date | null }) => (survey.closedAt ? "CLOSED" : "OPEN");

export function closingText(survey: { isOpen?: boolean; closesAt: Date; closedAt: Date | null }) {
  return survey.closedAt ? `Closed on ${formatInstantDay(survey.closedAt)}` : `Closes on ${formatInstantDay(survey.closesAt)}`;
}
