import { daysInMonth, fromUkWallClock, ukWallClock } from "@/lib/uk-time";
import type { EventRecurrence } from "@/server/db/generated/enums";

const MONTHS_BETWEEN: Record<EventRecurrence, number> = { MONTHLY: 1, QUARTERLY: 3 };

/**
 * The start of each event in a series: the same UK time on the same day of the month,
 * every month or every three months. A day the month does not have (the 31st in April)
 * becomes its last day; the series keeps its day (a 31st is back on 31 May). Pure.
 */
export function seriesStarts(first: Date, recurrence: EventRecurrence, occurrences: number): Date[] {
  const wall = ukWallClock(first);
  const step = MONTHS_BETWEEN[recurrence];
  return Array.from({ length: occurrences }, (_, index) => {
    const monthIndex = wall.month - 1 + index * step;
    const year = wall.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const day = Math.min(wall.day, daysInMonth(year, month));
    return fromUkWallClock({ year, month, day, hour: wall.hour, minute: wall.minute });
  });
}
