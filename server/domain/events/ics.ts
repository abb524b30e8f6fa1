/**
 * An iCalendar file (RFC 5545) for one event, as calendar apps import it: CRLF line
 * endings, lines folded at 75 octets, TEXT values escaped, times in UTC. The UID stays the
 * same for the life of the event and SEQUENCE grows with every change, so a calendar that
 * imports the file again replaces its copy (and shows a cancellation as cancelled). Pure.
 */

export type CalendarEntry = {
  /** Stable for the life of the event, e.g. "<event id>@tandem". */
  uid: string;
  sequence: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  /** When the event was last changed. */
  updatedAt?: Date | null;
};

export const CALENDAR_PRODUCT_ID = "-//Tandem//Partnership events//EN";
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** A TEXT value: backslash, semicolon and comma escaped, every line break as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** "20260312T083000Z": the instant in UTC, to the second. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

const encoder = new TextEncoder();

/**
 * Splits a content line into lines of at most 75 octets (UTF-8), each continuation
 * starting with one space, never inside a character. Returns the lines joined with CRLF.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  // The first line holds 75 octets; a continuation holds its leading space and 74 more.
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      lines.push(current);
      current = " ";
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** One VEVENT's content lines (each already folded); `extra` goes in before its STATUS. */
function eventLines(entry: CalendarEntry, now: Date, extra: readonly string[] = []): string[] {
  const lines = ["BEGIN:VEVENT"];
  lines.push(property("UID", entry.uid));
  lines.push(`DTSTAMP:${formatUtc(now)}`);
  lines.push(`DTSTART:${formatUtc(entry.startsAt)}`);
  lines.push(`DTEND:${formatUtc(entry.endsAt)}`);
  lines.push(`SEQUENCE:${Math.max(0, Math.floor(entry.sequence))}`);
  if (entry.updatedAt) lines.push(`LAST-MODIFIED:${formatUtc(entry.updatedAt)}`);
  lines.push(property("SUMMARY", escapeText(entry.cancelled ? `Cancelled: ${entry.title}` : entry.title)));
  if (entry.description) lines.push(property("DESCRIPTION", escapeText(entry.description)));
  if (entry.location) lines.push(property("LOCATION", escapeText(entry.location)));
  // URL is a URI, not TEXT: it is not escaped.
  if (entry.url) lines.push(property("URL", entry.url));
  lines.push(...extra);
  lines.push(`STATUS:${entry.cancelled ? "CANCELLED" : "CONFIRMED"}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The whole file for one event (or several), ending with CRLF. */
export function buildCalendar(
  entries: readonly CalendarEntry[],
  options: {
    now: Date;
    calendarName?: string;
    /** For a subscribed feed: how often calendar apps should fetch it again (RFC 7986, and Outlook's X-PUBLISHED-TTL). */
    refreshMinutes?: number;
  },
): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", property("PRODID", CALENDAR_PRODUCT_ID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.calendarName) lines.push(property("X-WR-CALNAME", escapeText(options.calendarName)));
  if (options.refreshMinutes) {
    const minutes = Math.max(1, Math.floor(options.refreshMinutes));
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${minutes}M`);
    lines.push(`X-PUBLISHED-TTL:PT${minutes}M`);
  }
  for (const entry of entries) lines.push(...eventLines(entry, options.now));
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}

/** A safe file name for the download: "networking-breakfast-2026-03-12.ics". */
export function calendarFileName(title: string, startsAt: Date): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug || "event"}-${startsAt.toISOString().slice(0, 10)}.ics`;
}

/**
 * iTIP (RFC 5546): the invitation emailed to one person. REQUEST puts the event in their
 * calendar, or updates the copy they have (same UID, higher SEQUENCE); CANCEL takes it out,
 * for a cancelled event or a place they gave up. Outlook, Google and Apple Calendar read it
 * from the email's text/calendar part.
 */
export type InvitationMethod = "REQUEST" | "CANCEL";
export const INVITATION_METHODS: readonly InvitationMethod[] = ["REQUEST", "CANCEL"];

export type CalendarPerson = { name: string; email: string };

/**
 * A parameter value (CN="..."): always quoted, since names hold commas and colons. A quoted
 * value cannot hold a double quote or a control character (RFC 5545 3.1), so those go.
 */
export function quoteParameter(value: string): string {
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim()}"`;
}

/** A person as a CAL-ADDRESS value: "mailto:" and the address, which a calendar app matches. */
function calAddress(email: string): string {
  return `mailto:${email.trim()}`;
}

export function buildInvitation(
  entry: CalendarEntry,
  options: { method: InvitationMethod; now: Date; organizer: CalendarPerson; attendee: CalendarPerson },
): string {
  const cancelling = options.method === "CANCEL";
  const event: CalendarEntry = { ...entry, cancelled: entry.cancelled || cancelling };
  const attendeeParameters = [`CN=${quoteParameter(options.attendee.name)}`, "CUTYPE=INDIVIDUAL", "ROLE=REQ-PARTICIPANT"];
  if (!cancelling) attendeeParameters.push("PARTSTAT=ACCEPTED", "RSVP=FALSE");
  const people = [
    foldLine(`ORGANIZER;CN=${quoteParameter(options.organizer.name)}:${calAddress(options.organizer.email)}`),
    foldLine(`ATTENDEE;${attendeeParameters.join(";")}:${calAddress(options.attendee.email)}`),
  ];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    property("PRODID", CALENDAR_PRODUCT_ID),
    "CALSCALE:GREGORIAN",
    `METHOD:${options.method}`,
    ...eventLines(event, options.now, people),
    "END:VCALENDAR",
  ];
  return lines.join(CRLF) + CRLF;
}
