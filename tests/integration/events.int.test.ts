import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { EventKind, RsvpStatus } from "@/server/db/generated/enums";
import { explainEventFailure, isEventFullRefusal } from "@/server/domain/events/access";
import { seriesStarts } from "@/server/domain/events/recurrence";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { subGroupIn, subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * A partnership with an officer, a chair, two members, a sub-group led by Lena, an
 * observer, and a pool of people for crowded events.
 */
async function world(db: Database) {
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", organisation: "public", role: "OFFICER" },
      chair: { name: "Chris Chair", organisation: "voluntary", role: "CHAIR" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      mo: { name: "Mo Member", organisation: "public" },
      olu: { name: "Olu Observer", role: "OBSERVER" },
    },
    organisations: { public: { name: "Council" } },
    leads: ["lena"],
    members: ["mo"],
  });
  const otherSubGroup = await subGroupIn(db, w.area, { name: "Isolation" });
  return { ...w, otherSubGroup };
}
type World = Awaited<ReturnType<typeof world>>;

function details(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 10 * DAY);
  return {
    title: "Networking breakfast",
    description: "Speakers, then speed networking.",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    venueName: "Paisley Town Hall",
    venueAddress: "Abbey Close, Paisley",
    accessibilityNotes: "Step-free entrance; hearing loop.",
    capacity: 30 as number | null,
    speakers: [{ name: "Fiona Officer", role: "Head of Strategic Planning", topic: "Where the fund went" }],
    ...overrides,
  };
}

async function createEvent(w: World, overrides: Record<string, unknown> = {}, actor = w.people.officer, kind: EventKind = "NETWORKING_BREAKFAST") {
  return w.api(actor).event.create({ partnershipSlug: w.partnership.slug, kind, ...details(overrides) });
}

/** An event written straight to the database (e.g. one that has already started). */
async function eventAt(db: Database, w: World, startsAt: Date, overrides: Record<string, unknown> = {}) {
  return db.event.create({
    data: {
      partnershipId: w.partnership.id,
      kind: "NETWORKING_BREAKFAST",
      title: "Earlier breakfast",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      venueName: "Town hall",
      capacity: 20,
      createdById: w.people.officer.userId,
      ...overrides,
    },
  });
}

async function statuses(db: Database, eventId: string) {
  const rows = await db.eventRsvp.findMany({ where: { eventId }, select: { userId: true, status: true } });
  return Object.fromEntries(rows.map((row) => [row.userId, row.status])) as Record<string, RsvpStatus>;
}

describe("creating events", () => {
  it("lets officers and chairs create any kind, with speakers, and lists it as upcoming", async () => {
    const { db } = database;
    const w = await world(db);
    const { id } = await createEvent(w);
    await createEvent(w, { title: "Co-production workshop" }, w.people.chair, "WORKSHOP");

    const event = await w.api(w.people.mo).event.get({ eventId: id });
    expect(event).toMatchObject({
      kind: "NETWORKING_BREAKFAST",
      title: "Networking breakfast",
      venueName: "Paisley Town Hall",
      accessibilityNotes: "Step-free entrance; hearing loop.",
      capacity: 30,
      status: "SCHEDULED",
      sequence: 0,
      going: 0,
      placesLeft: 30,
      canOrganise: false,
      my: { status: null, position: null, canReply: true, canLogConnections: false },
    });
    expect(event.speakers).toEqual([{ name: "Fiona Officer", role: "Head of Strategic Planning", topic: "Where the fund went" }]);
    expect((await w.api(w.people.officer).event.get({ eventId: id })).canOrganise).toBe(true);

    const upcoming = await w.api(w.people.mo).event.list({ partnershipSlug: w.partnership.slug, when: "upcoming" });
    expect(upcoming.events.map((row) => row.title)).toEqual(["Networking breakfast", "Co-production workshop"]);
    expect(upcoming.create.kinds).toEqual([]);
    const workshops = await w.api(w.people.mo).event.list({ partnershipSlug: w.partnership.slug, when: "upcoming", kind: "WORKSHOP" });
    expect(workshops.events.map((row) => row.title)).toEqual(["Co-production workshop"]);
    const past = await w.api(w.people.mo).event.list({ partnershipSlug: w.partnership.slug, when: "past" });
    expect(past.events).toEqual([]);
  });

  it("lets a sub-group lead arrange meetings of their own sub-group only; other members are refused", async () => {
    const { db } = database;
    const w = await world(db);
    const meeting = await w.api(w.people.lena).event.create({
      partnershipSlug: w.partnership.slug,
      kind: "SUB_GROUP_MEETING",
      subGroupId: w.subGroup.id,
      ...details({ title: "Carers sub-group", capacity: null }),
    });
    expect((await w.api(w.people.lena).event.get({ eventId: meeting.id })).canOrganise).toBe(true);
    const lenaList = await w.api(w.people.lena).event.list({ partnershipSlug: w.partnership.slug, when: "upcoming" });
    expect(lenaList.create).toEqual({ kinds: ["SUB_GROUP_MEETING"], subGroups: [{ id: w.subGroup.id, name: "Carers" }] });

    await expectFailure(
      w.api(w.people.lena).event.create({ partnershipSlug: w.partnership.slug, kind: "SUB_GROUP_MEETING", subGroupId: w.otherSubGroup.id, ...details() }),
      "FORBIDDEN",
    );
    await expectFailure(createEvent(w, {}, w.people.lena, "WORKSHOP"), "FORBIDDEN");
    await expectFailure(
      w.api(w.people.mo).event.create({ partnershipSlug: w.partnership.slug, kind: "SUB_GROUP_MEETING", subGroupId: w.subGroup.id, ...details() }),
      "FORBIDDEN",
    );
    await expectFailure(createEvent(w, {}, w.people.olu), "FORBIDDEN");
    // An officer's sub-group meeting must say which sub-group.
    await expectFailure(createEvent(w, {}, w.people.officer, "SUB_GROUP_MEETING"), "BAD_REQUEST", "Choose the sub-group that is meeting.");
    expect(await db.event.count({ where: { partnershipId: w.partnership.id } })).toBe(1);
  });

  it("refuses bad details with clear messages, writing nothing", async () => {
    const { db } = database;
    const w = await world(db);
    const start = new Date(Date.now() + 5 * DAY);
    const endsFirst = await expectFailure(
      createEvent(w, { startsAt: start, endsAt: new Date(start.getTime() - HOUR) }),
      "BAD_REQUEST",
      "The event must end after it starts.",
    );
    expect((endsFirst.cause as AppError).fieldErrors).toEqual({ endsAt: ["Enter an end time after the start time"] });
    await expectFailure(createEvent(w, { startsAt: start, endsAt: start }), "BAD_REQUEST", "The event must end after it starts.");
    await expectFailure(
      createEvent(w, { venueName: null, venueAddress: null, onlineUrl: "" }),
      "BAD_REQUEST",
      "Say where the event is: give an online link, a venue, or both.",
    );
    await expectFailure(createEvent(w, { capacity: 0 }), "BAD_REQUEST", /at least one place/);
    await expectFailure(
      createEvent(w, { startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) }),
      "BAD_REQUEST",
      "The event must start in the future.",
    );
    await expectFailure(createEvent(w, { onlineUrl: "javascript:alert(1)", venueName: null }), "BAD_REQUEST");
    expect(await db.event.count({ where: { partnershipId: w.partnership.id } })).toBe(0);

    // An online-only event is fine.
    const online = await createEvent(w, { venueName: null, venueAddress: null, onlineUrl: "https://meet.example.org/intro" });
    expect((await w.api(w.people.mo).event.get({ eventId: online.id })).onlineUrl).toBe("https://meet.example.org/intro");
  });

  it("creates a monthly series in one go: same UK time, same day of the month, clamped to the month's end", async () => {
    const { db } = database;
    const w = await world(db);
    const year = new Date().getUTCFullYear() + 1;
    // 31 January, 10:00 UK time (GMT), repeating monthly six times.
    const startsAt = new Date(Date.UTC(year, 0, 31, 10, 0));
    const created = await w.api(w.people.officer).event.create({
      partnershipSlug: w.partnership.slug,
      kind: "INTRODUCTION_SESSION",
      ...details({ title: "Introduction to the SPG", startsAt, endsAt: new Date(startsAt.getTime() + HOUR), venueName: null, onlineUrl: "https://meet.example.org/spg" }),
      recurrence: { frequency: "MONTHLY", occurrences: 6 },
    });
    expect(created.eventIds).toHaveLength(6);
    const events = await db.event.findMany({ where: { seriesId: created.seriesId }, orderBy: { startsAt: "asc" } });
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    expect(events.map((event) => event.startsAt.toISOString())).toEqual([
      `${year}-01-31T10:00:00.000Z`,
      `${year}-02-${leap ? "29" : "28"}T10:00:00.000Z`,
      `${year}-03-31T09:00:00.000Z`, // British Summer Time from late March: still 10:00 in the UK
      `${year}-04-30T09:00:00.000Z`,
      `${year}-05-31T09:00:00.000Z`,
      `${year}-06-30T09:00:00.000Z`,
    ]);
    expect(events.every((event) => event.endsAt.getTime() - event.startsAt.getTime() === HOUR)).toBe(true);
    const series = await db.eventSeries.findUniqueOrThrow({ where: { id: created.seriesId! } });
    expect(series).toMatchObject({ recurrence: "MONTHLY", title: "Introduction to the SPG" });
    const view = await w.api(w.people.mo).event.get({ eventId: created.id });
    expect(view.series?.dates).toHaveLength(6);

    // Quarterly: every three months.
    expect(seriesStarts(new Date(Date.UTC(year, 10, 30, 9, 0)), "QUARTERLY", 3).map((date) => date.toISOString().slice(0, 10))).toEqual([
      `${year}-11-30`,
      `${year + 1}-02-${((year + 1) % 4 === 0 && (year + 1) % 100 !== 0) || (year + 1) % 400 === 0 ? "29" : "28"}`,
      `${year + 1}-05-30`,
    ]);
  });

  it("refuses a series of fewer than 2 or more than 12 dates", async () => {
    const { db } = database;
    const w = await world(db);
    for (const occurrences of [1, 13]) {
      await expectFailure(
        w.api(w.people.officer).event.create({
          partnershipSlug: w.partnership.slug,
          kind: "INTRODUCTION_SESSION",
          ...details(),
          recurrence: { frequency: "MONTHLY", occurrences },
        }),
        "BAD_REQUEST",
      );
    }
    expect(await db.event.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });
});

describe("RSVPs and the waiting list", () => {
  it("gives places while there are some, then queues; asking twice changes nothing; a cancellation promotes the next in the queue", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w, { capacity: 2 });
    const [a, b, c, d] = await w.crowd(4);

    expect(await w.api(a!).event.rsvp({ eventId })).toEqual({ status: "GOING", position: null, placesLeft: 1 });
    expect(await w.api(b!).event.rsvp({ eventId })).toEqual({ status: "GOING", position: null, placesLeft: 0 });
    expect(await w.api(c!).event.rsvp({ eventId })).toEqual({ status: "WAITING", position: 1, placesLeft: 0 });
    expect(await w.api(d!).event.rsvp({ eventId })).toEqual({ status: "WAITING", position: 2, placesLeft: 0 });
    // The same answer again: nothing duplicated.
    expect(await w.api(c!).event.rsvp({ eventId })).toEqual({ status: "WAITING", position: 1, placesLeft: 0 });
    expect(await w.api(a!).event.rsvp({ eventId })).toEqual({ status: "GOING", position: null, placesLeft: 0 });
    expect(await db.eventRsvp.count({ where: { eventId } })).toBe(4);

    const view = await w.api(d!).event.get({ eventId });
    expect(view).toMatchObject({ going: 2, waiting: 2, placesLeft: 0, my: { status: "WAITING", position: 2 } });

    const cancelled = await w.api(a!).event.cancelRsvp({ eventId });
    expect(cancelled).toMatchObject({ status: "CANCELLED", promoted: 1, placesLeft: 0 });
    expect(await statuses(db, eventId)).toEqual({ [a!.userId]: "CANCELLED", [b!.userId]: "GOING", [c!.userId]: "GOING", [d!.userId]: "WAITING" });
    expect((await w.api(d!).event.get({ eventId })).my.position).toBe(1);
    const told = await db.notification.findMany({ where: { kind: "EVENT_PLACE_CONFIRMED", linkPath: { contains: eventId } } });
    expect(told.map((row) => row.userId)).toEqual([c!.userId]);
    expect(told[0]!.title).toBe("A place came up: you are going to “Networking breakfast”");

    // Cancelling again is harmless; replying again joins the back of the queue.
    expect(await w.api(a!).event.cancelRsvp({ eventId })).toMatchObject({ status: "CANCELLED", promoted: 0 });
    expect(await w.api(a!).event.rsvp({ eventId })).toEqual({ status: "WAITING", position: 2, placesLeft: 0 });
    // Someone waiting who gives up their place in the queue promotes nobody.
    expect(await w.api(d!).event.cancelRsvp({ eventId })).toMatchObject({ status: "CANCELLED", promoted: 0 });
    expect((await w.api(a!).event.get({ eventId })).my.position).toBe(1);
  });

  it("refuses replies to cancelled and past events", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w);
    await w.api(w.people.officer).event.cancel({ eventId, reason: "" });
    await expectFailure(
      w.api(w.people.mo).event.rsvp({ eventId }),
      "CONFLICT",
      "This event has been cancelled, so it no longer takes replies.",
    );
    const past = await eventAt(db, w, new Date(Date.now() - 3 * HOUR));
    await expectFailure(
      w.api(w.people.mo).event.rsvp({ eventId: past.id }),
      "CONFLICT",
      "This event has already started, so it no longer takes replies.",
    );
    expect(await db.eventRsvp.count({ where: { eventId: { in: [eventId, past.id] } } })).toBe(0);
  });

  it("keeps 25 people replying at once within 10 places, then promotes the queue in order when 5 cancel at once", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w, { capacity: 10 });
    const people = await w.crowd(25);

    const answers = await Promise.all(people.map((person) => callerFor(db, person).event.rsvp({ eventId })));
    expect(answers.filter((answer) => answer.status === "GOING")).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === "WAITING")).toHaveLength(15);
    expect(answers.filter((answer) => answer.status === "WAITING").map((answer) => answer.position).sort((x, y) => x! - y!)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(await db.eventRsvp.count({ where: { eventId, status: "GOING" } })).toBe(10);

    const queue = await db.eventRsvp.findMany({ where: { eventId, status: "WAITING" }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] });
    const going = await db.eventRsvp.findMany({ where: { eventId, status: "GOING" } });
    // Everyone going asked before everyone waiting.
    const lastGoing = Math.max(...going.map((row) => row.queuedAt.getTime()));
    expect(queue.every((row) => row.queuedAt.getTime() > lastGoing)).toBe(true);

    const leaving = going.slice(0, 5).map((row) => people.find((person) => person.userId === row.userId)!);
    const results = await Promise.all(leaving.map((person) => callerFor(db, person).event.cancelRsvp({ eventId })));
    expect(results.reduce((sum, result) => sum + result.promoted, 0)).toBe(5);

    const after = await statuses(db, eventId);
    expect(Object.values(after).filter((status) => status === "GOING")).toHaveLength(10);
    const promoted = queue.slice(0, 5).map((row) => row.userId);
    const stillWaiting = queue.slice(5).map((row) => row.userId);
    expect(promoted.every((userId) => after[userId] === "GOING")).toBe(true);
    expect(stillWaiting.every((userId) => after[userId] === "WAITING")).toBe(true);
    const promotedRows = await db.eventRsvp.findMany({ where: { eventId, userId: { in: promoted } } });
    expect(promotedRows.every((row) => row.promotedAt !== null)).toBe(true);
    const positions = await Promise.all(
      stillWaiting.map(async (userId) => (await callerFor(db, people.find((person) => person.userId === userId)!).event.get({ eventId })).my.position),
    );
    expect(positions).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const notified = await db.notification.findMany({ where: { kind: "EVENT_PLACE_CONFIRMED", linkPath: { contains: eventId } } });
    expect(notified.map((row) => row.userId).sort()).toEqual([...promoted].sort());
  });

  it("has the database refuse a GOING reply over capacity even when the domain is bypassed (the trigger backstop)", async () => {
    const { db } = database;
    const w = await world(db);
    const event = await eventAt(db, w, new Date(Date.now() + DAY), { capacity: 1 });
    const [a, b] = await w.crowd(2);
    await db.eventRsvp.create({ data: { eventId: event.id, userId: a!.userId, status: "GOING" } });
    const error = await db.eventRsvp.create({ data: { eventId: event.id, userId: b!.userId, status: "GOING" } }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    expect(isEventFullRefusal(error)).toBe(true);
    const explained = explainEventFailure(error);
    expect(explained).toBeInstanceOf(AppError);
    expect((explained as AppError).code).toBe("CONFLICT");
    // A WAITING row is fine.
    await db.eventRsvp.create({ data: { eventId: event.id, userId: b!.userId, status: "WAITING" } });
    expect(await db.eventRsvp.count({ where: { eventId: event.id, status: "GOING" } })).toBe(1);
  });
});

describe("changing and cancelling events", () => {
  it("bumps the sequence, tells people going, promotes the queue when places are added, and refuses fewer places than people going", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w, { capacity: 1 });
    const [a, b, c] = await w.crowd(3);
    for (const person of [a, b, c]) await w.api(person!).event.rsvp({ eventId });

    const base = details({ capacity: 2, title: "Networking breakfast (moved)" });
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    const update = { eventId, ...base, startsAt: event.startsAt, endsAt: event.endsAt };
    await expectFailure(w.api(w.people.mo).event.update(update), "FORBIDDEN");
    await expectFailure(w.api(w.people.lena).event.update(update), "FORBIDDEN");

    const result = await w.api(w.people.officer).event.update(update);
    expect(result).toMatchObject({ sequence: 1, promoted: 1 });
    expect(await statuses(db, eventId)).toEqual({ [a!.userId]: "GOING", [b!.userId]: "GOING", [c!.userId]: "WAITING" });
    const changed = await db.notification.findMany({ where: { kind: "EVENT_CHANGED", linkPath: { contains: eventId } } });
    expect(changed.map((row) => row.userId)).toEqual([a!.userId]);
    expect(changed[0]!.title).toBe("“Networking breakfast (moved)” has changed");

    await expectFailure(
      w.api(w.people.officer).event.update({ ...update, capacity: 1 }),
      "CONFLICT",
      "2 people are already going, so the event needs at least 2 places.",
    );
    await expectFailure(
      w.api(w.people.officer).event.update({ ...update, endsAt: update.startsAt }),
      "BAD_REQUEST",
      "The event must end after it starts.",
    );
    await expectFailure(
      w.api(w.people.officer).event.update({ ...update, startsAt: new Date(Date.now() - HOUR) }),
      "BAD_REQUEST",
      "The event must start in the future.",
    );
    // No limit: everyone waiting gets a place.
    expect(await w.api(w.people.officer).event.update({ ...update, capacity: null })).toMatchObject({ sequence: 2, promoted: 1 });
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).sequence).toBe(2);
    const speakers = await db.eventSpeaker.findMany({ where: { eventId } });
    expect(speakers).toHaveLength(1);
  });

  it("lets the creator and the sub-group's leads change a sub-group meeting", async () => {
    const { db } = database;
    const w = await world(db);
    const meeting = await w.api(w.people.officer).event.create({
      partnershipSlug: w.partnership.slug,
      kind: "SUB_GROUP_MEETING",
      subGroupId: w.subGroup.id,
      ...details({ title: "Carers meeting" }),
    });
    const event = await db.event.findUniqueOrThrow({ where: { id: meeting.id } });
    const update = { eventId: meeting.id, ...details({ title: "Carers meeting (room 2)" }), startsAt: event.startsAt, endsAt: event.endsAt };
    expect(await w.api(w.people.lena).event.update(update)).toMatchObject({ sequence: 1 });
    await expectFailure(w.api(w.people.mo).event.update(update), "FORBIDDEN");
    await expectFailure(w.api(w.people.mo).event.cancel({ eventId: meeting.id, reason: "" }), "FORBIDDEN");
  });

  it("cancels: status CANCELLED, everyone going or waiting told, the calendar file says so", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w, { capacity: 1 });
    const [a, b] = await w.crowd(2);
    await w.api(a!).event.rsvp({ eventId });
    await w.api(b!).event.rsvp({ eventId });

    expect(await w.api(w.people.officer).event.cancel({ eventId, reason: "The hall flooded." })).toEqual({ id: eventId, status: "CANCELLED", sequence: 1 });
    // Again: nothing more happens.
    expect(await w.api(w.people.officer).event.cancel({ eventId, reason: "" })).toEqual({ id: eventId, status: "CANCELLED", sequence: 1 });
    const told = await db.notification.findMany({ where: { kind: "EVENT_CHANGED", linkPath: { contains: eventId } }, orderBy: { userId: "asc" } });
    expect(told.map((row) => row.userId)).toEqual([a!.userId, b!.userId].sort());
    expect(told[0]).toMatchObject({ title: "“Networking breakfast” has been cancelled", body: "The hall flooded." });

    const calendar = await w.api(a!).event.calendar({ eventId });
    expect(calendar.content).toContain("\r\nSTATUS:CANCELLED\r\n");
    expect(calendar.content).toContain("\r\nSEQUENCE:1\r\n");
    await expectFailure(
      w.api(w.people.officer).event.update({ eventId, ...details() }),
      "CONFLICT",
      "This event has been cancelled, so it cannot be changed.",
    );
  });
});

describe("the calendar file", () => {
  it("is an RFC 5545 calendar with a stable UID, UTC times, the venue and the event's page", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(w, { title: "Breakfast; speakers, networking" });
    const first = await w.api(w.people.mo).event.calendar({ eventId });
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    expect(first.fileName).toBe(`breakfast-speakers-networking-${event.startsAt.toISOString().slice(0, 10)}.ics`);
    const lines = first.content.split("\r\n");
    expect(first.content.endsWith("\r\n")).toBe(true);
    expect(first.content.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain(`UID:${eventId}@tandem`);
    expect(lines).toContain("SEQUENCE:0");
    expect(lines).toContain("SUMMARY:Breakfast\\; speakers\\, networking");
    expect(lines).toContain("LOCATION:Paisley Town Hall\\, Abbey Close\\, Paisley");
    expect(lines).toContain("STATUS:CONFIRMED");
    const start = event.startsAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(lines).toContain(`DTSTART:${start}`);
    expect(lines.some((line) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(line))).toBe(true);
    // Long lines are folded: a CRLF and a space, which a calendar app removes.
    const unfolded = first.content.replace(/\r\n /g, "").split("\r\n");
    expect(unfolded.some((line) => line.startsWith(`URL:http`) && line.endsWith(`/p/${w.partnership.slug}/events/${eventId}`))).toBe(true);
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const second = await w.api(w.people.officer).event.calendar({ eventId });
    expect(second.content).toContain(`UID:${eventId}@tandem`);
  });
});

describe("attendance", () => {
  it("is marked by organisers once the event has started, for people who replied", async () => {
    const { db } = database;
    const w = await world(db);
    const [a, b, outsider] = await w.crowd(3);
    const upcoming = await eventAt(db, w, new Date(Date.now() + DAY));
    await db.eventRsvp.create({ data: { eventId: upcoming.id, userId: a!.userId, status: "GOING" } });
    await expectFailure(
      w.api(w.people.officer).event.markAttendance({ eventId: upcoming.id, attendance: [{ userId: a!.userId, attended: true }] }),
      "CONFLICT",
      "Attendance can be marked once the event has started.",
    );

    const started = await eventAt(db, w, new Date(Date.now() - HOUR));
    await db.eventRsvp.createMany({
      data: [
        { eventId: started.id, userId: a!.userId, status: "GOING" },
        { eventId: started.id, userId: b!.userId, status: "WAITING" },
      ],
    });
    await expectFailure(
      w.api(w.people.mo).event.markAttendance({ eventId: started.id, attendance: [{ userId: a!.userId, attended: true }] }),
      "FORBIDDEN",
    );
    await expectFailure(w.api(w.people.mo).event.attendees({ eventId: started.id }), "FORBIDDEN");
    await expectFailure(
      w.api(w.people.officer).event.markAttendance({ eventId: started.id, attendance: [{ userId: outsider!.userId, attended: true }] }),
      "BAD_REQUEST",
      "Attendance can only be marked for people who replied to this event.",
    );
    expect(
      await w.api(w.people.officer).event.markAttendance({
        eventId: started.id,
        attendance: [
          { userId: a!.userId, attended: false },
          { userId: b!.userId, attended: true },
        ],
      }),
    ).toEqual({ marked: 2 });
    const list = await w.api(w.people.officer).event.attendees({ eventId: started.id });
    expect(list.canMarkAttendance).toBe(true);
    expect(list.going.map((row) => [row.userId, row.attended])).toEqual([[a!.userId, false]]);
    expect(list.waiting.map((row) => [row.userId, row.attended, row.position])).toEqual([[b!.userId, true, 1]]);
  });
});
