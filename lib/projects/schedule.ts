import type { ReportingFrequency } from "@/server/db/generated/enums";

/**
 * When progress updates are due, and whether one is late: pure functions of dates, with
 * "now" always passed in (never read from the clock here). Dates are calendar days held
 * as UTC midnight, as PostgreSQL's `date` columns come back.
 */

/** An update is due this many days after the period it reports on ends. */
export const REPORTING_GRACE_DAYS = 14;
/** An update counts as due soon from this many days before its due date. */
export const DUE_SOON_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS: Record<ReportingFrequency, number> = { MONTHLY: 1, QUARTERLY: 3 };

/** The calendar day of a date (UTC midnight). */
export function calendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(calendarDay(day).getTime() + days * DAY_MS);
}

/** Adds whole months, keeping the day of the month where it exists (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

export type PlannedPeriod = { sequence: number; startsOn: Date; endsOn: Date; dueOn: Date };

/**
 * The reporting periods of a project running from `startsOn` to `endsOn` (both included):
 * whole months or quarters from the start, the last one cut short at the end. Each update
 * is due REPORTING_GRACE_DAYS after its period ends.
 */
export function reportingPeriods(startsOn: Date, endsOn: Date, frequency: ReportingFrequency): PlannedPeriod[] {
  const first = calendarDay(startsOn);
  const last = calendarDay(endsOn);
  const periods: PlannedPeriod[] = [];
  for (let sequence = 1; ; sequence++) {
    const start = addMonths(first, (sequence - 1) * MONTHS[frequency]);
    if (start > last) break;
    const naturalEnd = addDays(addMonths(first, sequence * MONTHS[frequency]), -1);
    const end = naturalEnd < last ? naturalEnd : last;
    periods.push({ sequence, startsOn: start, endsOn: end, dueOn: addDays(end, REPORTING_GRACE_DAYS) });
  }
  return periods;
}

/** A due date's day is the whole of that day: late from the start of the next. */
export function isLate(dueOn: Date, at: Date): boolean {
  return at.getTime() >= addDays(dueOn, 1).getTime();
}

export type ReportState =
  /** The period has not ended: an update can be written, nothing is due yet. */
  | "NOT_DUE"
  /** Due within DUE_SOON_DAYS (or the period ended and the due date is near). */
  | "DUE_SOON"
  /** Past its due date with no update submitted. */
  | "OVERDUE"
  | "SUBMITTED"
  | "SUBMITTED_LATE"
  | "ACCEPTED";

/**
 * Where one period's report stands at `now`. `submittedAt` is the first submission of an
 * update for the period that was not returned; `accepted` whether an officer accepted it.
 */
export function reportState(
  period: { dueOn: Date },
  submission: { submittedAt: Date; accepted: boolean } | null,
  now: Date,
): ReportState {
  if (submission) {
    if (submission.accepted) return "ACCEPTED";
    return isLate(period.dueOn, submission.submittedAt) ? "SUBMITTED_LATE" : "SUBMITTED";
  }
  if (isLate(period.dueOn, now)) return "OVERDUE";
  if (now.getTime() >= addDays(period.dueOn, -DUE_SOON_DAYS).getTime()) return "DUE_SOON";
  return "NOT_DUE";
}

/** Whole days from `now` to the end of the due day (negative once overdue). */
export function daysUntilDue(dueOn: Date, now: Date): number {
  return Math.ceil((addDays(dueOn, 1).getTime() - now.getTime()) / DAY_MS) - 1;
}
