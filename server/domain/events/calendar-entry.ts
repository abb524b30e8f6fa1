import { absoluteUrl, paths } from "@/lib/paths";
import type { CalendarEntry } from "./ics";

/**
 * One event as a calendar entry, the same wherever it goes: the "Add to calendar" download,
 * the private feed and the emailed invitations. They share the UID (so a calendar app that
 * has the event from one of them updates it from another) and the description text, and
 * every link in them is on the site's address.
 */

/** The event's UID in every calendar file and invitation: stable for the life of the event. */
export function eventCalendarUid(eventId: string): string {
  return `${eventId}@tandem`;
}

/** What a calendar entry is made from: select this (Prisma) wherever an entry is made. */
export const EVENT_FOR_CALENDAR_SELECT = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  onlineUrl: true,
  venueName: true,
  venueAddress: true,
  accessibilityNotes: true,
  status: true,
  sequence: true,
  updatedAt: true,
  partnership: { select: { slug: true, name: true } },
  speakers: { orderBy: { position: "asc" as const }, select: { name: true, role: true, topic: true } },
} as const;

export type EventForCalendar = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  venueName: string | null;
  venueAddress: string | null;
  accessibilityNotes: string | null;
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
  updatedAt: Date;
  partnership: { slug: string; name: string };
  speakers: readonly { name: string; role: string; topic: string }[];
};

/** Where the event's page is, in full, on the site's address (`origin`). */
export function eventPageUrl(event: Pick<EventForCalendar, "id" | "partnership">, origin: string): string {
  return absoluteUrl(origin, paths.event(event.partnership.slug, event.id));
}

/** The DESCRIPTION text: the partnership, what it is, how to join, who speaks, access, and where the details are. */
export function eventCalendarDescription(event: EventForCalendar, origin: string): string {
  return [
    `${event.partnership.name}.`,
    event.description,
    event.onlineUrl ? `Join online: ${event.onlineUrl}` : "",
    event.speakers.length > 0
      ? `Speakers:\n${event.speakers.map((speaker) => `- ${[speaker.name, speaker.role, speaker.topic].filter(Boolean).join(", ")}`).join("\n")}`
      : "",
    event.accessibilityNotes ? `Accessibility: ${event.accessibilityNotes}` : "",
    `Details and changes: ${eventPageUrl(event, origin)}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The whole entry: the same UID, SEQUENCE, text and links for the download, the feed and invitations. */
export function calendarEntryForEvent(event: EventForCalendar, origin: string): CalendarEntry {
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(", ");
  return {
    uid: eventCalendarUid(event.id),
    sequence: event.sequence,
    title: event.title,
    description: eventCalendarDescription(event, origin),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: venue || (event.onlineUrl ? `Online: ${event.onlineUrl}` : null),
    url: eventPageUrl(event, origin),
    cancelled: event.status === "CANCELLED",
    updatedAt: event.updatedAt,
  };
}
