/** How reflections are described across their pages (UK dates, audiences, named or anonymous). */

const ukDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
const ukShortDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric" });

/** "30 June 2021" (UK time). */
export const formatDay = (date: Date) => ukDay.format(date);
/** "30 Jun 2021" from an ISO day ("2021-06-30"). */
export const formatIsoDay = (day: string) => ukShortDay.format(new Date(`${day}T12:00:00Z`));

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
