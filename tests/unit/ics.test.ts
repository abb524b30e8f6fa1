import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildCalendar, buildInvitation, calendarFileName, escapeText, foldLine, formatUtc, quoteParameter, type CalendarEntry } from "@/server/domain/events/ics";

const octets = (text: string) => new TextEncoder().encode(text).length;
/** What a calendar app does first: remove every CRLF followed by one space. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

const breakfast: CalendarEntry = {
  uid: "ckevent123@tandem",
  sequence: 2,
  title: "Quarterly networking breakfast",
  description: "Speakers, then speed networking.\nBring a colleague from another sector.",
  startsAt: new Date("2026-03-12T08:30:00.000Z"),
  endsAt: new Date("2026-03-12T10:30:00.000Z"),
  location: "Paisley Town Hall, Abbey Close",
  url: "https://tandem.example.org/p/renfrewshire-spg/events/ckevent123",
  cancelled: false,
};

describe("escapeText", () => {
  it("escapes backslashes, semicolons and commas, and writes line breaks as \\n", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeText("plain: words")).toBe("plain: words");
  });

  it("escapes a backslash before what follows it, so nothing is escaped twice", () => {
    expect(escapeText("\\,")).toBe("\\\\\\,");
  });
});

describe("formatUtc", () => {
  it("writes the instant in UTC to the second, with a Z", () => {
    expect(formatUtc(new Date("2026-07-01T09:05:07.999Z"))).toBe("20260701T090507Z");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets or fewer alone", () => {
    const line = `SUMMARY:${"x".repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds longer lines at 75 octets, continuing each with one space", () => {
    const line = `DESCRIPTION:${"abcdefghij".repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    expect(octets(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it("counts octets, not characters, and never splits a multi-byte character", () => {
    const line = `LOCATION:${"Café – Ōban 🎉 ".repeat(10)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    // Every part is valid UTF-8 on its own: no replacement characters after a round trip.
    for (const part of parts) expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
    expect(parts.some((part) => part.includes("\uFFFD"))).toBe(false);
    expect(unfold(folded)).toBe(line);
  });
});

describe("buildCalendar", () => {
  const now = new Date("2026-02-01T12:00:00.000Z");

  it("writes one VEVENT with CRLF endings, the stable UID, DTSTAMP, UTC times and the SEQUENCE", () => {
    const file = buildCalendar([breakfast], { now, calendarName: "Renfrewshire SPG" });
    expect(file.endsWith("\r\n")).toBe(true);
    expect(file.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(file).split("\r\n").slice(0, -1);
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Tandem//Partnership events//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Renfrewshire SPG",
      "BEGIN:VEVENT",
      "UID:ckevent123@tandem",
      "DTSTAMP:20260201T120000Z",
      "DTSTART:20260312T083000Z",
      "DTEND:20260312T103000Z",
      "SEQUENCE:2",
      "SUMMARY:Quarterly networking breakfast",
      "DESCRIPTION:Speakers\\, then speed networking.\\nBring a colleague from another sector.",
      "LOCATION:Paisley Town Hall\\, Abbey Close",
      "URL:https://tandem.example.org/p/renfrewshire-spg/events/ckevent123",
      "STATUS:CONFIRMED",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
    expect(file.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
  });

  it("marks a cancelled event STATUS:CANCELLED and leaves out what it does not have", () => {
    const file = buildCalendar([{ ...breakfast, cancelled: true, description: "", location: null, url: null, sequence: 3 }], { now });
    const lines = unfold(file).split("\r\n");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("SUMMARY:Cancelled: Quarterly networking breakfast");
    expect(lines.some((line) => line.startsWith("DESCRIPTION") || line.startsWith("LOCATION") || line.startsWith("URL"))).toBe(false);
    expect(lines.some((line) => line.startsWith("X-WR-CALNAME"))).toBe(false);
  });

  it("keeps the UID the same when the event changes, so calendar apps replace their copy", () => {
    const before = buildCalendar([breakfast], { now });
    const after = buildCalendar([{ ...breakfast, title: "Moved breakfast", sequence: 3 }], { now });
    const uid = (file: string) => unfold(file).split("\r\n").find((line) => line.startsWith("UID:"));
    expect(uid(before)).toBe(uid(after));
  });
});

describe("buildInvitation", () => {
  const now = new Date("2026-02-01T12:00:00.000Z");
  const organizer = { name: "Renfrewshire SPG", email: "no-reply@tandem.example.org" };
  const attendee = { name: "Alex Member", email: "alex@example.org" };

  it("is an iTIP REQUEST: the event with its organiser and the person going, accepted", () => {
    const file = buildInvitation(breakfast, { method: "REQUEST", now, organizer, attendee });
    expect(file.endsWith("\r\n")).toBe(true);
    expect(file.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(file.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
    const lines = unfold(file).split("\r\n").slice(0, -1);
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Tandem//Partnership events//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:ckevent123@tandem",
      "DTSTAMP:20260201T120000Z",
      "DTSTART:20260312T083000Z",
      "DTEND:20260312T103000Z",
      "SEQUENCE:2",
      "SUMMARY:Quarterly networking breakfast",
      "DESCRIPTION:Speakers\\, then speed networking.\\nBring a colleague from another sector.",
      "LOCATION:Paisley Town Hall\\, Abbey Close",
      "URL:https://tandem.example.org/p/renfrewshire-spg/events/ckevent123",
      'ORGANIZER;CN="Renfrewshire SPG":mailto:no-reply@tandem.example.org',
      'ATTENDEE;CN="Alex Member";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:alex@example.org',
      "STATUS:CONFIRMED",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("is a CANCEL with STATUS:CANCELLED and the same UID, for a cancelled place as for a cancelled event", () => {
    const file = buildInvitation({ ...breakfast, sequence: 3 }, { method: "CANCEL", now, organizer, attendee });
    const lines = unfold(file).split("\r\n");
    expect(lines).toContain("METHOD:CANCEL");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("UID:ckevent123@tandem");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).not.toContain("METHOD:PUBLISH");
    expect(lines.find((line) => line.startsWith("ATTENDEE"))).not.toContain("PARTSTAT");
  });

  it("quotes names in parameters, drops what a quoted value cannot hold, and folds long lines; ical.js reads it back", () => {
    expect(quoteParameter('Leeds, "LCP": Health;Care')).toBe('"Leeds, LCP : Health;Care"');
    const long = { name: `Ōban, Lorn & the Isles "Health; Care" Partnership ${"x".repeat(60)}`, email: "a@example.org" };
    const file = buildInvitation(
      { ...breakfast, title: "Breakfast; talks, and networking", description: "Line one\nLine two, with a \\ backslash" },
      { method: "REQUEST", now, organizer: long, attendee },
    );
    expect(file.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(file));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).toBe("Breakfast; talks, and networking");
    expect(vevent.getFirstPropertyValue("description")).toBe("Line one\nLine two, with a \\ backslash");
    const organizerProperty = vevent.getFirstProperty("organizer")!;
    expect(organizerProperty.getFirstValue()).toBe("mailto:a@example.org");
    expect(organizerProperty.getParameter("cn")).toBe(`Ōban, Lorn & the Isles Health; Care Partnership ${"x".repeat(60)}`);
    expect(vevent.getFirstProperty("attendee")!.getParameter("partstat")).toBe("ACCEPTED");
  });
});

describe("calendarFileName", () => {
  it("makes a plain file name from the title and the date", () => {
    expect(calendarFileName("Quarterly networking breakfast: Café & Co", new Date("2026-03-12T08:30:00Z"))).toBe(
      "quarterly-networking-breakfast-cafe-co-2026-03-12.ics",
    );
    expect(calendarFileName("!!!", new Date("2026-03-12T08:30:00Z"))).toBe("event-2026-03-12.ics");
  });
});
