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

/** How a request to plan the rounds is getting on: the one named, or the latest. */
export const networkingPlanningInput = z.object({ eventId: id, jobId: id.optional() });
export type NetworkingPlanningInput = z.infer<typeof networkingPlanningInput>;

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
