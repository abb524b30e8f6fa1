import { z } from "zod";
import { EVENT_KINDS, EVENT_RECURRENCES, MAX_NETWORKING_ROUNDS } from "@/lib/event-kinds";
import { partnershipSlug } from "./partnership";
import { fewerThan, id, multiLine, recordId, singleLine } from "./text";

/**
 * Event inputs, shared by the API and the forms that send them. Rules that compare fields
 * (an end after the start, a link or a venue, at least one place) are checked by
 * server/domain/events, which answers with one clear message for the whole form.
 */

/** A line of text (single) or text that may span lines (multi), at most `max` characters. */
const line = (max: number) => singleLine().max(max, fewerThan(max));
const text = (max: number) => multiLine().max(max, fewerThan(max));
/** An optional line of text: empty means "not given" (stored as null). */
const optionalLine = (max: number) =>
  line(max)
    .nullish()
    .transform((value) => (value ? value : null));
/** Optional text that may span lines: empty means "not given" (stored as null). */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const eventKind = z.enum(EVENT_KINDS, { error: "Choose what kind of event it is" });
export const eventRecurrence = z.enum(EVENT_RECURRENCES, { error: "Choose how often it repeats" });

export const MAX_SPEAKERS = 12;
export const MIN_OCCURRENCES = 2;
export const MAX_OCCURRENCES = 12;

export const speakerInput = z.object({
  name: singleLine().min(1, "Enter the speaker's name").max(120, fewerThan(120)),
  role: line(200).default(""),
  topic: line(300).default(""),
});
export type SpeakerInput = z.input<typeof speakerInput>;

const onlineUrl = z
  .union([z.literal(""), singleLine({ trim: false }).pipe(z.url({ protocol: /^https?$/, error: "Enter the full link, starting https://" }).max(500, "Use a link of 500 characters or fewer"))])
  .nullish()
  .transform((value) => (value ? value : null));

const eventDetails = {
  title: singleLine().min(1, "Enter the event's title").max(200, fewerThan(200)),
  description: text(5_000).default(""),
  startsAt: z.coerce.date({ error: "Enter when the event starts" }),
  endsAt: z.coerce.date({ error: "Enter when the event ends" }),
  onlineUrl,
  venueName: optionalLine(200),
  venueAddress: optionalText(500),
  accessibilityNotes: optionalText(2_000),
  /** Null: no limit. */
  capacity: z.number({ error: "Enter the number of places as a whole number" }).int("Enter a whole number of places").nullish().transform((value) => value ?? null),
  speakers: z.array(speakerInput).max(MAX_SPEAKERS, `List ${MAX_SPEAKERS} speakers or fewer`).default([]),
};

export const createEventInput = z.object({
  partnershipSlug,
  kind: eventKind,
  /** Required for a sub-group meeting; optional for any other event a sub-group hosts. */
  subGroupId: id.nullish().transform((value) => value ?? null),
  ...eventDetails,
  /** Repeat the event: one event per date, all in one series. */
  recurrence: z
    .object({
      frequency: eventRecurrence,
      occurrences: z
        .number({ error: "Enter how many times it happens" })
        .int("Enter a whole number")
        .min(MIN_OCCURRENCES, `A series has at least ${MIN_OCCURRENCES} dates`)
        .max(MAX_OCCURRENCES, `A series has at most ${MAX_OCCURRENCES} dates`),
    })
    .nullish()
    .transform((value) => value ?? null),
});
export type CreateEventInput = z.infer<typeof createEventInput>;
export type CreateEventFormInput = z.input<typeof createEventInput>;

export const updateEventInput = z.object({ eventId: id, ...eventDetails });
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const eventRefInput = z.object({ eventId: id });
export type EventRefInput = z.infer<typeof eventRefInput>;

export const cancelEventInput = z.object({ eventId: id, reason: text(1_000).default("") });
export type CancelEventInput = z.infer<typeof cancelEventInput>;

export const listEventsInput = z.object({
  partnershipSlug,
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  kind: eventKind.optional(),
});
export type ListEventsInput = z.infer<typeof listEventsInput>;

export const markAttendanceInput = z.object({
  eventId: id,
  attendance: z
    .array(z.object({ userId: id, attended: z.boolean() }))
    .min(1, "Mark at least one person")
    .max(500, "Mark 500 people or fewer at a time"),
});
export type MarkAttendanceInput = z.infer<typeof markAttendanceInput>;

export const generateNetworkingInput = z.object({
  eventId: id,
  rounds: z
    .number({ error: "Enter the number of rounds" })
    .int("Enter a whole number of rounds")
    .min(1, "Plan at least one round")
    .max(MAX_NETWORKING_ROUNDS, `Plan at most ${MAX_NETWORKING_ROUNDS} rounds`),
});
export type GenerateNetworkingInput = z.infer<typeof generateNetworkingInput>;

export const logConnectionInput = z.object({
  eventId: id,
  userId: recordId({ error: "Choose who you met" }),
  note: optionalText(1_000),
});
export type LogConnectionInput = z.infer<typeof logConnectionInput>;

export const connectionRefInput = z.object({ connectionId: id });

export const startProposalFromConnectionInput = z.object({
  connectionId: id,
  subGroupId: recordId({ error: "Choose a sub-group" }),
  title: singleLine().min(1, "Enter a working title").max(200, fewerThan(200)),
});
export type StartProposalFromConnectionInput = z.infer<typeof startProposalFromConnectionInput>;

export const myConnectionsInput = z.object({ partnershipSlug });

// --- UK time -------------------------------------------------------------------------
// Events are entered and shown in UK time (Europe/London), whatever the browser's zone.

export const EVENT_TIME_ZONE = "Europe/London";

const wallClockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: EVENT_TIME_ZONE,
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

function ukOffsetMs(instant: number): number {
  const wall = ukWallClock(new Date(instant));
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a UK date and time names (in the hour the clocks go forward, the time after the change). */
export function fromUkWallClock(wall: WallClock): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - ukOffsetMs(asUtc);
  const second = asUtc - ukOffsetMs(first);
  return new Date(second);
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

/** The UK date of an instant for a date input ("2026-03-12"). */
export function ukDateInput(date: Date): string {
  const wall = ukWallClock(date);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The UK time of an instant for a time input ("08:30"). */
export function ukTimeInput(date: Date): string {
  const wall = ukWallClock(date);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
