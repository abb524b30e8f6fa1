import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/calendar/[feed]/route";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { calendarFeedForToken, hashFeedToken } from "@/server/domain/events/calendar-feed";
import { RateLimitedError, rateLimitKey } from "@/server/domain/rate-limits/rate-limit";
import { createCaller } from "@/server/api/root";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();
const ORIGIN = "https://tandem.example.org";
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

async function eventIn(db: Database, partnershipId: string, createdById: string, title: string, startsAt: Date, going: string[] = []) {
  return db.event.create({
    data: {
      partnershipId,
      kind: "WORKSHOP",
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      venueName: "Paisley Town Hall",
      createdById,
      rsvps: { create: going.map((userId) => ({ userId, status: "GOING" as const })) },
    },
  });
}

function tokenOf(url: string): string {
  const match = /\/calendar\/([^/]+)\.ics$/.exec(url);
  if (!match?.[1]) throw new Error(`not a feed link: ${url}`);
  return decodeURIComponent(match[1]);
}

function eventsOf(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue("uid")),
    summary: String(vevent.getFirstPropertyValue("summary")),
    status: String(vevent.getFirstPropertyValue("status")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    url: String(vevent.getFirstPropertyValue("url")),
  }));
}

async function world(db: Database) {
  const renfrewshire = await createPartnership(db, { name: "Renfrewshire SPG" });
  const leeds = await createPartnership(db, { name: "Leeds LCP" });
  const officer = await createPerson(db, { name: "Fiona Officer" });
  const alex = await createPerson(db, { name: "Alex Member" });
  await addMember(db, renfrewshire.id, officer.user.id, "OFFICER");
  await addMember(db, leeds.id, officer.user.id, "OFFICER");
  await addMember(db, renfrewshire.id, alex.user.id);
  await addMember(db, leeds.id, alex.user.id);
  return { renfrewshire, leeds, officer: officer.actor, alex: alex.actor };
}

async function feedLink(db: Database, actor: Actor) {
  // As a request to the site at ORIGIN makes it.
  return createCaller({ db, actor, siteOrigin: ORIGIN }).me.replaceCalendarFeed({});
}

describe("the private calendar feed", () => {
  it("lists the events a person is going to across their partnerships, with cancelled ones marked, on the site's address", async () => {
    const { db } = database;
    const w = await world(db);
    const soon = new Date(Date.now() + 5 * DAY);
    const going = await eventIn(db, w.renfrewshire.id, w.officer.userId, "Networking breakfast", soon, [w.alex.userId]);
    const leedsGoing = await eventIn(db, w.leeds.id, w.officer.userId, "Carers workshop", new Date(soon.getTime() + DAY), [w.alex.userId]);
    await eventIn(db, w.renfrewshire.id, w.officer.userId, "Not going to this", soon);
    const longAgo = await eventIn(db, w.renfrewshire.id, w.officer.userId, "Long ago", new Date(Date.now() - 90 * DAY), [w.alex.userId]);
    const cancelled = await eventIn(db, w.renfrewshire.id, w.officer.userId, "Cancelled meeting", soon, [w.alex.userId]);
    await callerFor(db, w.officer).event.cancel({ eventId: cancelled.id, reason: "Venue closed" });

    const { url } = await feedLink(db, w.alex);
    expect(url.startsWith(`${ORIGIN}/calendar/`)).toBe(true);
    const token = tokenOf(url);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(32);
    // Only the hash is stored.
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { userId: w.alex.userId } });
    expect(stored.tokenHash).toBe(hashFeedToken(token));
    expect(stored.tokenHash).not.toContain(token);

    const content = await calendarFeedForToken(db, token, { origin: ORIGIN });
    expect(content).not.toBeNull();
    expect(content).toContain("X-WR-CALNAME:Tandem events");
    expect(content).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
    const events = eventsOf(content!);
    const byUid = new Map(events.map((event) => [event.uid, event]));
    expect([...byUid.keys()].sort()).toEqual([`${going.id}@tandem`, `${leedsGoing.id}@tandem`, `${cancelled.id}@tandem`].sort());
    expect(byUid.has(`${longAgo.id}@tandem`)).toBe(false);
    expect(byUid.get(`${going.id}@tandem`)!.status).toBe("CONFIRMED");
    expect(byUid.get(`${going.id}@tandem`)!.url).toBe(`${ORIGIN}/p/${w.renfrewshire.slug}/events/${going.id}`);
    const cancelledEntry = byUid.get(`${cancelled.id}@tandem`)!;
    expect(cancelledEntry.status).toBe("CANCELLED");
    expect(cancelledEntry.sequence).toBeGreaterThan(0);

    // The same UID as the event's own "Add to calendar" download.
    const download = await callerFor(db, w.alex).event.calendar({ eventId: going.id });
    expect(eventsOf(download.content)[0]!.uid).toBe(`${going.id}@tandem`);

    // SEQUENCE rises when the event changes.
    await db.event.update({ where: { id: going.id }, data: { sequence: { increment: 1 } } });
    const again = eventsOf((await calendarFeedForToken(db, token, { origin: ORIGIN }))!);
    expect(again.find((event) => event.uid === `${going.id}@tandem`)!.sequence).toBe(1);
  });

  it("drops a partnership's events once the person is removed from it", async () => {
    const { db } = database;
    const w = await world(db);
    const soon = new Date(Date.now() + 5 * DAY);
    const renfrewshireEvent = await eventIn(db, w.renfrewshire.id, w.officer.userId, "Breakfast", soon, [w.alex.userId]);
    const leedsEvent = await eventIn(db, w.leeds.id, w.officer.userId, "Workshop", soon, [w.alex.userId]);
    const token = tokenOf((await feedLink(db, w.alex)).url);
    expect(eventsOf((await calendarFeedForToken(db, token, { origin: ORIGIN }))!).map((event) => event.uid)).toHaveLength(2);

    await db.membership.deleteMany({ where: { partnershipId: w.renfrewshire.id, userId: w.alex.userId } });
    const uids = eventsOf((await calendarFeedForToken(db, token, { origin: ORIGIN }))!).map((event) => event.uid);
    expect(uids).toEqual([`${leedsEvent.id}@tandem`]);
    expect(uids).not.toContain(`${renfrewshireEvent.id}@tandem`);
  });

  it("stops answering at once when the link is replaced or turned off", async () => {
    const { db } = database;
    const w = await world(db);
    const api = callerFor(db, w.alex);
    expect((await api.me.calendarFeed()).enabled).toBe(false);
    const first = tokenOf((await api.me.replaceCalendarFeed({})).url);
    expect((await api.me.calendarFeed()).enabled).toBe(true);
    expect(await calendarFeedForToken(db, first, { origin: ORIGIN })).not.toBeNull();

    const second = tokenOf((await api.me.replaceCalendarFeed({})).url);
    expect(second).not.toBe(first);
    expect(await calendarFeedForToken(db, first, { origin: ORIGIN })).toBeNull();
    expect(await calendarFeedForToken(db, second, { origin: ORIGIN })).not.toBeNull();

    await api.me.revokeCalendarFeed({});
    expect(await calendarFeedForToken(db, second, { origin: ORIGIN })).toBeNull();
    expect((await api.me.calendarFeed()).enabled).toBe(false);
    // Nonsense never reaches the database, and the route answers a plain 404.
    expect(await calendarFeedForToken(db, "not-a-token", { origin: ORIGIN })).toBeNull();
    const response = await feedRoute(new Request(`${ORIGIN}/calendar/x.ics`), { params: Promise.resolve({ feed: "x.ics" }) });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/plain");
  });

  it("is refused for a while once one link has been fetched more often than the limit, and no other link is held up", async () => {
    const { db } = database;
    const w = await world(db);
    const alexFeed = tokenOf((await feedLink(db, w.alex)).url);
    const officerFeed = tokenOf((await feedLink(db, w.officer)).url);
    const limit = { limit: 2, windowSeconds: 3600 };
    const now = new Date();
    for (const minutes of [0, 10]) {
      expect(await calendarFeedForToken(db, alexFeed, { origin: ORIGIN, limit, now: new Date(now.getTime() + minutes * 60_000) })).toContain("BEGIN:VCALENDAR");
    }
    const refusal = await calendarFeedForToken(db, alexFeed, { origin: ORIGIN, limit, now: new Date(now.getTime() + 20 * 60_000) }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    // Allowed again when the first fetch leaves the hour: 40 minutes on.
    expect(refusal).toMatchObject({ retryAfterSeconds: 40 * 60, message: "This calendar link has been used very often in a short time. Try again in 40 minutes." });
    expect(await calendarFeedForToken(db, officerFeed, { origin: ORIGIN, limit, now: new Date(now.getTime() + 20 * 60_000) })).toContain("BEGIN:VCALENDAR");
    expect(await calendarFeedForToken(db, alexFeed, { origin: ORIGIN, limit, now: new Date(now.getTime() + 61 * 60_000) })).toContain("BEGIN:VCALENDAR");

    // A guessed link is not found, and leaves nothing behind to count.
    const guess = "A".repeat(43);
    expect(await calendarFeedForToken(db, guess, { origin: ORIGIN, limit })).toBeNull();
    expect(await db.rateLimitBucket.count({ where: { key: rateLimitKey("calendar-feed", hashFeedToken(guess)) } })).toBe(0);
  });

  it("is refused to anyone not signed in", async () => {
    const { db } = database;
    await expectFailure(callerFor(db, null).me.replaceCalendarFeed({}), "UNAUTHORIZED");
  });
});
