/**
 * Reflections close at the end of a day in UK time, and anonymous answers keep only the
 * day they were given. Days are ISO dates ("2021-06-30").
 */

const LONDON = "Europe/London";
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit" });
const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The day it is in the UK at `instant`, e.g. "2021-06-30". */
export function londonDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** How far UK clock time is ahead of UTC at `instant`, in milliseconds (0 or one hour). */
function londonOffset(instant: Date): number {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The last second of `day` in the UK (23:59:59 UK time). */
export function endOfLondonDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date, 23, 59, 59);
  return new Date(guess - londonOffset(new Date(guess)));
}

/** A day as stored in a DATE column (midnight UTC of that day). */
export function storedDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The day shifted by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  const date = storedDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
