import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import { createCaller } from "@/server/api/root";
import type { Database } from "@/server/db/client";
import { calendarFeedForToken } from "@/server/domain/events/calendar-feed";
import { CALENDAR_INVITATION_JOB, calendarInvitationKey, queueCalendarInvitations } from "@/server/domain/events/calendar-invitations";
import { parseEnv } from "@/server/env";
import { JOB_KINDS } from "@/server/jobs/kinds";
import { runNextJob } from "@/server/jobs/runner";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createPartnership, createPerson } from "./support/factories";

/**
 * Calendar invitations by email: each change queues a job in the same transaction, the
 * job runs in-process here (as any instance's runner would) and the email lands in the
 * developer outbox, whose .ics is read back with ical.js.
 */
const database = withTestDatabase();
const ORIGIN = "https://tandem.example.org";
const env = parseEnv({ NODE_ENV: "development", NEXTAUTH_URL: ORIGIN, EMAIL_FROM: "Tandem <no-reply@tandem.example.org>" });
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const kinds = { [CALENDAR_INVITATION_JOB]: JOB_KINDS[CALENDAR_INVITATION_JOB] };

async function world(db: Database) {
  const partnership = await createPartnership(db, { name: "Renfrewshire SPG" });
  const officer = await createPerson(db, { name: "Fiona Officer" });
  const alex = await createPerson(db, { name: "Alex Member" });
  const bea = await createPerson(db, { name: "Bea Member" });
  await addMember(db, partnership.id, officer.user.id, "OFFICER");
  await addMember(db, partnership.id, alex.user.id);
  await addMember(db, partnership.id, bea.user.id);
  return { partnership, officer: officer.actor, alex: alex.actor, bea: bea.actor };
}
type World = Awaited<ReturnType<typeof world>>;

function details(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 10 * DAY);
  return {
    title: "Networking breakfast",
    description: "Speakers, then speed networking.",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    onlineUrl: null,
    venueName: "Paisley Town Hall",
    venueAddress: "Abbey Close, Paisley",
    accessibilityNotes: "",
    capacity: 10 as number | null,
    speakers: [],
    ...overrides,
  };
}

async function createEvent(db: Database, w: World, overrides: Record<string, unknown> = {}) {
  return callerFor(db, w.officer).event.create({ partnershipSlug: w.partnership.slug, kind: "NETWORKING_BREAKFAST", ...details(overrides) });
}

/** Runs every due invitation job; returns how many ran. */
async function runQueue(db: Database): Promise<number> {
  let ran = 0;
  while (await runNextJob({ db, env, kinds, workerId: "test-instance" })) ran += 1;
  return ran;
}

async function invitationsTo(db: Database, person: Actor) {
  const rows = await db.outboxEmail.findMany({ where: { to: person.email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => {
    expect(row.calendarIcs).not.toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(row.calendarIcs!));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    return {
      subject: row.subject,
      text: row.text,
      storedMethod: row.calendarMethod,
      method: String(calendar.getFirstPropertyValue("method")),
      uid: String(vevent.getFirstPropertyValue("uid")),
      sequence: Number(vevent.getFirstPropertyValue("sequence")),
      status: String(vevent.getFirstPropertyValue("status")),
      summary: String(vevent.getFirstPropertyValue("summary")),
      url: String(vevent.getFirstPropertyValue("url")),
      description: String(vevent.getFirstPropertyValue("description")),
      organizer: String(vevent.getFirstPropertyValue("organizer")),
      organizerName: String(vevent.getFirstProperty("organizer")!.getParameter("cn")),
      attendee: String(vevent.getFirstPropertyValue("attendee")),
      partstat: vevent.getFirstProperty("attendee")!.getParameter("partstat") ?? null,
    };
  });
}

/** The UID the person's private feed gives the event. */
async function feedUid(db: Database, person: Actor, eventId: string): Promise<string | undefined> {
  const { url } = await createCaller({ db, actor: person, siteOrigin: ORIGIN }).me.replaceCalendarFeed({});
  const token = decodeURIComponent(/\/calendar\/([^/]+)\.ics$/.exec(url)![1]!);
  const feed = new ICAL.Component(ICAL.parse((await calendarFeedForToken(db, token, { origin: ORIGIN }))!));
  return feed
    .getAllSubcomponents("vevent")
    .map((vevent) => String(vevent.getFirstPropertyValue("uid")))
    .find((uid) => uid.startsWith(eventId));
}

describe("calendar invitations by email", () => {
  it("a place, a change and a cancellation arrive as REQUEST, REQUEST and CANCEL with the feed's UID and a rising SEQUENCE", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(db, w);
    const pageUrl = `${ORIGIN}/p/${w.partnership.slug}/events/${eventId}`;

    expect(await callerFor(db, w.alex).event.rsvp({ eventId })).toMatchObject({ status: "GOING" });
    expect(await db.backgroundJob.count({ where: { kind: CALENDAR_INVITATION_JOB, payload: { path: ["eventId"], equals: eventId } } })).toBe(1);
    expect(await runQueue(db)).toBe(1);
    const uid = await feedUid(db, w.alex, eventId);
    expect(uid).toBe(`${eventId}@tandem`);

    const [first, ...none] = await invitationsTo(db, w.alex);
    expect(none).toHaveLength(0);
    expect(first).toMatchObject({
      subject: "Invitation: Networking breakfast",
      storedMethod: "REQUEST",
      method: "REQUEST",
      uid,
      sequence: 0,
      status: "CONFIRMED",
      summary: "Networking breakfast",
      url: pageUrl,
      organizer: "mailto:no-reply@tandem.example.org",
      organizerName: "Renfrewshire SPG",
      attendee: `mailto:${w.alex.email}`,
      partstat: "ACCEPTED",
    });
    // The same description as the download and the feed, with the link on the site's address.
    expect(first!.description).toContain("Renfrewshire SPG.");
    expect(first!.description).toContain(`Details and changes: ${pageUrl}`);
    expect(first!.text).toContain(`Details: ${pageUrl}`);

    // Running the queue again (or on another instance) sends nothing more.
    expect(await runQueue(db)).toBe(0);
    expect(await invitationsTo(db, w.alex)).toHaveLength(1);

    await callerFor(db, w.officer).event.update({ eventId, ...details({ title: "Networking breakfast (moved)" }) });
    expect(await runQueue(db)).toBe(1);
    const second = (await invitationsTo(db, w.alex))[1]!;
    expect(second).toMatchObject({ subject: "Updated: Networking breakfast (moved)", method: "REQUEST", uid, summary: "Networking breakfast (moved)" });
    expect(second.sequence).toBeGreaterThan(first!.sequence);

    await callerFor(db, w.officer).event.cancel({ eventId, reason: "Venue closed" });
    expect(await runQueue(db)).toBe(1);
    const third = (await invitationsTo(db, w.alex))[2]!;
    expect(third).toMatchObject({ subject: "Cancelled: Networking breakfast (moved)", storedMethod: "CANCEL", method: "CANCEL", status: "CANCELLED", uid });
    expect(third.sequence).toBeGreaterThan(second.sequence);
    expect(third.partstat).toBeNull();
    expect(await runQueue(db)).toBe(0);
    expect(await invitationsTo(db, w.alex)).toHaveLength(3);
  });

  it("people waiting get nothing until a place comes up; a place given up is taken out of the calendar", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(db, w, { capacity: 1 });
    await callerFor(db, w.alex).event.rsvp({ eventId });
    expect(await callerFor(db, w.bea).event.rsvp({ eventId })).toMatchObject({ status: "WAITING" });
    await runQueue(db);
    expect(await invitationsTo(db, w.alex)).toHaveLength(1);
    expect(await invitationsTo(db, w.bea)).toHaveLength(0);

    // A change reaches only the person going.
    await callerFor(db, w.officer).event.update({ eventId, ...details({ capacity: 1, title: "Breakfast, new room" }) });
    await runQueue(db);
    expect(await invitationsTo(db, w.alex)).toHaveLength(2);
    expect(await invitationsTo(db, w.bea)).toHaveLength(0);

    expect(await callerFor(db, w.alex).event.cancelRsvp({ eventId })).toMatchObject({ status: "CANCELLED", promoted: 1 });
    expect(await runQueue(db)).toBe(2);
    const alexLast = (await invitationsTo(db, w.alex))[2]!;
    expect(alexLast).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: `${eventId}@tandem`, sequence: 1 });
    const [bea, ...more] = await invitationsTo(db, w.bea);
    expect(more).toHaveLength(0);
    expect(bea).toMatchObject({ subject: "A place came up: Breakfast, new room", method: "REQUEST", uid: `${eventId}@tandem`, sequence: 1, partstat: "ACCEPTED" });
    expect(bea!.attendee).toBe(`mailto:${w.bea.email}`);
  });

  it("a job that finds the reply changed before it ran sends nothing and says why", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(db, w);
    await callerFor(db, w.alex).event.rsvp({ eventId });
    await callerFor(db, w.alex).event.cancelRsvp({ eventId });

    const first = await runNextJob({ db, env, kinds, workerId: "test-instance" });
    expect(first?.outcome).toBe("succeeded");
    const jobs = await db.backgroundJob.findMany({
      where: { kind: CALENDAR_INVITATION_JOB, payload: { path: ["eventId"], equals: eventId } },
      orderBy: { createdAt: "asc" },
    });
    await runQueue(db);
    const results = await db.backgroundJob.findMany({ where: { id: { in: jobs.map((job) => job.id) } }, orderBy: { createdAt: "asc" } });
    expect(results.map((job) => job.state)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(results[0]!.result).toEqual({ sent: false, skipped: "The person has replied again since: the email for that reply is sent instead." });
    expect(results[1]!.result).toMatchObject({ sent: true, method: "CANCEL" });
    expect((await invitationsTo(db, w.alex)).map((email) => email.method)).toEqual(["CANCEL"]);
  });

  it("someone who gives up a place and takes it again gets a new invitation; asking twice for one queues it once", async () => {
    const { db } = database;
    const w = await world(db);
    const { id: eventId } = await createEvent(db, w);
    await callerFor(db, w.alex).event.rsvp({ eventId });
    await runQueue(db);
    await callerFor(db, w.alex).event.cancelRsvp({ eventId });
    await runQueue(db);
    // Asking again for a place already held changes nothing and queues nothing.
    await callerFor(db, w.alex).event.rsvp({ eventId });
    await callerFor(db, w.alex).event.rsvp({ eventId });
    await runQueue(db);
    expect((await invitationsTo(db, w.alex)).map((email) => email.method)).toEqual(["REQUEST", "CANCEL", "REQUEST"]);

    // Changing one's mind twice before the queue runs: only the last reply is emailed.
    const { id: later } = await createEvent(db, w, { title: "Carers workshop" });
    await callerFor(db, w.bea).event.rsvp({ eventId: later });
    await callerFor(db, w.bea).event.cancelRsvp({ eventId: later });
    await callerFor(db, w.bea).event.rsvp({ eventId: later });
    expect(await runQueue(db)).toBe(3);
    expect((await invitationsTo(db, w.bea)).map((email) => [email.method, email.uid])).toEqual([["REQUEST", `${later}@tandem`]]);

    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    const ask = () =>
      db.$transaction((tx) =>
        queueCalendarInvitations(tx, { eventId, partnershipId: event.partnershipId, userIds: [w.bea.userId], sequence: 7, reason: "event-changed" }),
      );
    expect(await Promise.all([ask(), ask()]).then((counts) => counts.reduce((a, b) => a + b, 0))).toBe(1);
    const key = calendarInvitationKey({ eventId, userId: w.bea.userId, sequence: 7, method: "REQUEST" });
    expect(key).toBe(`calendar:${eventId}:${w.bea.userId}:7:REQUEST`);
    expect(await db.backgroundJob.count({ where: { onceKey: key } })).toBe(1);
  });
});
