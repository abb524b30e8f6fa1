/**
 * Dates and times, always in UK time (Europe/London) whatever the server's or browser's zone.
 * The one place Tandem formats a date or turns UK wall-clock time into an instant.
 *
 * Two kinds of value:
 * - a calendar day (a DATE column: a project's end, a payment's due date), held as midnight
 *   UTC of that day, so it is formatted in UTC and never shifts a day;
 * - an instant (a timestamp: when something was posted, an event's start), formatted in UK time.
 */

export const UK_TIME_ZONE = "Europe/London";

const wallClockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

/** The UK date and time of an instant (month 1..12). */
export function ukWallClock(date: Date): WallClock & { second: number } {
  const parts = Object.fromEntries(wallClockFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far UK clock time is ahead of UTC at `instant`, in milliseconds (0 or one hour). */
function ukOffsetMs(instant: number): number {
  const wall = ukWallClock(new Date(instant));
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a UK date and time names (in the hour the clocks go forward, the time after the change). */
export function fromUkWallClock(wall: WallClock & { second?: number }): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const first = asUtc - ukOffsetMs(asUtc);
  const second = asUtc - ukOffsetMs(first);
  return new Date(second);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-03-12" and "08:30" in UK time as an instant; null when either is not a real date or time. */
export function ukDateTime(date: string, time: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const clock = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!day || !clock) return null;
  const wall = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: Number(clock[1]), minute: Number(clock[2]) };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > daysInMonth(wall.year, wall.month)) return null;
  if (wall.hour > 23 || wall.minute > 59) return null;
  return fromUkWallClock(wall);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The UK day an instant falls on, as an ISO day ("2026-03-12"); also a date input's value. */
export function ukDay(instant: Date): string {
  const wall = ukWallClock(instant);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The UK time of an instant for a time input ("08:30"). */
export function ukTimeInput(instant: Date): string {
  const wall = ukWallClock(instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The last second of `day` in the UK (23:59:59 UK time). */
export function endOfUkDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return fromUkWallClock({ year, month, day: date, hour: 23, minute: 59, second: 59 });
}

/** A day as stored in a DATE column (midnight UTC of that day). */
export function storedDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A DATE column's value as an ISO day ("2026-03-12"). */
export function isoDay(calendarDay: Date): string {
  return calendarDay.toISOString().slice(0, 10);
}

/** The day shifted by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  const date = storedDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** Today in the UK, as an ISO day. */
export function ukToday(now: Date = new Date()): string {
  return ukDay(now);
}

// --- Formatting ----------------------------------------------------------------------

type DayStyle = "long" | "short" | "weekday";

const calendarDayFormats: Record<DayStyle, Intl.DateTimeFormat> = {
  long: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  short: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  weekday: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

const instantDayFormats: Record<DayStyle, Intl.DateTimeFormat> = {
  long: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: UK_TIME_ZONE }),
  short: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: UK_TIME_ZONE }),
  weekday: new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: UK_TIME_ZONE,
  }),
};

/** GOV.UK style writes "Monday 2 March 2026", without the comma ICU puts after the weekday. */
const withoutWeekdayComma = (text: string) => text.replace(/^([A-Za-z]+), /, "$1 ");

/** A calendar day (a DATE column, or an ISO day string): "12 March 2026". */
export function formatDay(calendarDay: Date | string, style: DayStyle = "long"): string {
  const value = typeof calendarDay === "string" ? storedDay(calendarDay) : calendarDay;
  return withoutWeekdayComma(calendarDayFormats[style].format(value));
}

/** The UK day an instant falls on: "12 March 2026". */
export function formatInstantDay(instant: Date, style: DayStyle = "long"): string {
  return withoutWeekdayComma(instantDayFormats[style].format(instant));
}

/**
 * The UK time of an instant in the GOV.UK style: "9am", "4:14pm", "midday", "midnight".
 */
export function formatTime(instant: Date): string {
  const { hour, minute } = ukWallClock(instant);
  if (minute === 0 && hour === 12) return "midday";
  if (minute === 0 && hour === 0) return "midnight";
  const suffix = hour < 12 ? "am" : "pm";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${twelve}${suffix}` : `${twelve}:${pad(minute)}${suffix}`;
}

/** An instant's UK day and time: "12 March 2026 at 4:14pm". */
export function formatDateTime(instant: Date, style: DayStyle = "long"): string {
  return `${formatInstantDay(instant, style)} at ${formatTime(instant)}`;
}

/** A span of time on one day or across days: "12 March 2026, 9am to 11:30am". */
export function formatTimeRange(start: Date, end: Date, style: DayStyle = "weekday"): string {
  if (ukDay(start) === ukDay(end)) return `${formatInstantDay(start, style)}, ${formatTime(start)} to ${formatTime(end)}`;
  return `${formatDateTime(start, style)} to ${formatDateTime(end, style)}`;
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((storedDay(to).getTime() - storedDay(from).getTime()) / 86_400_000);
}
