import type { CancelEventInput, CreateEventInput, SpeakerInput, UpdateEventInput } from "@/lib/schemas/events";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { EventKind } from "@/server/db/generated/enums";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { assertCan, can } from "@/server/auth/can";
import { membershipOnly } from "@/server/auth/grants";
import { authorizeFor } from "@/server/auth/resolve";
import { capacityTooSmall, endsBeforeStart, inEventTransaction, lockEvent, partnershipSlugOf } from "./access";
import { seriesStarts } from "./recurrence";
import { queueCalendarInvitations } from "./calendar-invitations";
import { promoteFromWaitingList } from "./rsvp";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type EventDetails = Pick<
  CreateEventInput,
  "title" | "description" | "startsAt" | "endsAt" | "onlineUrl" | "venueName" | "venueAddress" | "accessibilityNotes" | "capacity"
> & { speakers: SpeakerInput[] };

/**
 * The rules every event's details keep, checked before anything is written (the
 * database's CHECK constraints are the backstop): it ends after it starts, it has an online
 * link or a venue (or both), and a limit of places is at least one.
 */
export function checkEventDetails(details: EventDetails, options: { now: Date; mustStartInFuture: boolean }): void {
  if (details.endsAt.getTime() <= details.startsAt.getTime()) throw endsBeforeStart();
  if (!details.onlineUrl && !details.venueName) {
    throw new AppError("BAD_REQUEST", "Say where the event is: give an online link, a venue, or both.", {
      venueName: ["Enter a venue, an online link, or both"],
      onlineUrl: ["Enter an online link, a venue, or both"],
    });
  }
  if (details.capacity !== null && details.capacity < 1) throw capacityTooSmall();
  if (options.mustStartInFuture && details.startsAt.getTime() <= options.now.getTime()) {
    throw new AppError("BAD_REQUEST", "The event must start in the future.", { startsAt: ["Enter a date and time that has not passed yet"] });
  }
}

function speakerRows(speakers: readonly SpeakerInput[]) {
  return speakers.map((speaker, index) => ({
    position: index + 1,
    name: speaker.name.trim(),
    role: (speaker.role ?? "").trim(),
    topic: (speaker.topic ?? "").trim(),
  }));
}

/** The kinds of event this person may create, and the sub-groups they may host meetings for. */
export async function creationRights(
  db: Database | Tx,
  actor: Actor,
  membership: MembershipGrant,
): Promise<{ kinds: EventKind[]; subGroups: { id: string; name: string }[] }> {
  const grant = membershipOnly(actor, membership);
  if (can("event.createAnyKind", grant)) {
    const subGroups = await db.subGroup.findMany({
      where: { partnershipId: membership.partnershipId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    return { kinds: ["INTRODUCTION_SESSION", "NETWORKING_BREAKFAST", "SUB_GROUP_MEETING", "WORKSHOP"], subGroups };
  }
  if (!can("event.create", grant)) return { kinds: [], subGroups: [] };
  const led = await db.subGroupMembership.findMany({
    where: { userId: actor.userId, role: "LEAD", subGroup: { partnershipId: membership.partnershipId, archivedAt: null } },
    select: { subGroup: { select: { id: true, name: true } } },
    orderBy: { subGroup: { name: "asc" } },
  });
  const subGroups = led.map((row) => row.subGroup);
  return { kinds: subGroups.length > 0 ? ["SUB_GROUP_MEETING"] : [], subGroups };
}

export type CreatedEvents = { id: string; eventIds: string[]; seriesId: string | null };

/**
 * Creates an event, or a series of them (one per date, every month or three months) in
 * one transaction. Officers and chairs create any kind; a sub-group's leads create
 * meetings of their own sub-group.
 */
export async function createEvent(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: CreateEventInput,
  now = new Date(),
): Promise<CreatedEvents> {
  if (input.kind !== "SUB_GROUP_MEETING") assertCan("event.createAnyKind", membershipOnly(actor, membership));
  if (input.kind === "SUB_GROUP_MEETING" && !input.subGroupId) {
    throw new AppError("BAD_REQUEST", "Choose the sub-group that is meeting.", { subGroupId: ["Choose a sub-group"] });
  }
  if (input.subGroupId) {
    const host = await authorizeFor(db, actor, "event.hostMeeting", input.subGroupId);
    if (host.membership.partnershipId !== membership.partnershipId) throw notFound("That sub-group");
    const archived = await db.subGroup.count({ where: { id: input.subGroupId, archivedAt: { not: null } } });
    if (archived > 0) throw new AppError("CONFLICT", "That sub-group has been archived, so it no longer meets.");
  }
  checkEventDetails(input, { now, mustStartInFuture: true });

  const starts = input.recurrence ? seriesStarts(input.startsAt, input.recurrence.frequency, input.recurrence.occurrences) : [input.startsAt];
  const duration = input.endsAt.getTime() - input.startsAt.getTime();
  const speakers = speakerRows(input.speakers);

  return inEventTransaction(db, async (tx) => {
    const series = input.recurrence
      ? await tx.eventSeries.create({
          data: {
            partnershipId: membership.partnershipId,
            title: input.title,
            recurrence: input.recurrence.frequency,
            createdById: actor.userId,
          },
          select: { id: true },
        })
      : null;
    const eventIds: string[] = [];
    for (const startsAt of starts) {
      const event = await tx.event.create({
        data: {
          partnershipId: membership.partnershipId,
          subGroupId: input.subGroupId,
          seriesId: series?.id ?? null,
          kind: input.kind,
          title: input.title,
          description: input.description,
          startsAt,
          endsAt: new Date(startsAt.getTime() + duration),
          onlineUrl: input.onlineUrl,
          venueName: input.venueName,
          venueAddress: input.venueAddress,
          accessibilityNotes: input.accessibilityNotes,
          capacity: input.capacity,
          createdById: actor.userId,
          speakers: { create: speakers },
        },
        select: { id: true },
      });
      eventIds.push(event.id);
    }
    return { id: eventIds[0]!, eventIds, seriesId: series?.id ?? null };
  });
}

/** People with a place or a place in the queue: who is told when an event changes. */
async function peopleExpected(tx: Tx, eventId: string, statuses: ("GOING" | "WAITING")[]): Promise<string[]> {
  const rows = await tx.eventRsvp.findMany({ where: { eventId, status: { in: statuses } }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

/**
 * An organiser changes the details. The calendar SEQUENCE goes up, so calendar apps replace
 * their copy; people going are told. More places (or no limit) promote people waiting.
 */
export async function updateEvent(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: UpdateEventInput,
  now = new Date(),
): Promise<{ id: string; sequence: number; promoted: number }> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (event.status === "CANCELLED") throw new AppError("CONFLICT", "This event has been cancelled, so it cannot be changed.");
    if (event.endsAt.getTime() <= now.getTime()) throw new AppError("CONFLICT", "This event has finished, so it cannot be changed.");
    const moved = input.startsAt.getTime() !== event.startsAt.getTime();
    checkEventDetails(input, { now, mustStartInFuture: moved });
    if (input.capacity !== null) {
      const going = await tx.eventRsvp.count({ where: { eventId: event.id, status: "GOING" } });
      if (going > input.capacity) {
        throw new AppError("CONFLICT", `${going} people are already going, so the event needs at least ${going} places.`, {
          capacity: [`Enter ${going} or more`],
        });
      }
    }
    const updated = await tx.event.update({
      where: { id: event.id },
      data: {
        title: input.title,
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        onlineUrl: input.onlineUrl,
        venueName: input.venueName,
        venueAddress: input.venueAddress,
        accessibilityNotes: input.accessibilityNotes,
        capacity: input.capacity,
        sequence: { increment: 1 },
      },
      select: { sequence: true },
    });
    await tx.eventSpeaker.deleteMany({ where: { eventId: event.id } });
    if (input.speakers.length > 0) {
      await tx.eventSpeaker.createMany({ data: speakerRows(input.speakers).map((row) => ({ ...row, eventId: event.id })) });
    }
    const slug = await partnershipSlugOf(tx, event.partnershipId);
    const going = await peopleExpected(tx, event.id, ["GOING"]);
    await notify(tx, {
      userIds: going,
      actorId: actor.userId,
      partnershipId: event.partnershipId,
      kind: "EVENT_CHANGED",
      title: `“${input.title}” has changed`,
      body: "Please check the date, time and place again. The calendar invitation we email updates your calendar; if you downloaded the calendar file instead, add it again.",
      linkPath: paths.event(slug, event.id),
    });
    // Everyone going gets the changed event as an invitation with the new SEQUENCE.
    await queueCalendarInvitations(tx, {
      eventId: event.id,
      partnershipId: event.partnershipId,
      userIds: going,
      sequence: updated.sequence,
      reason: "event-changed",
    });
    const promoted = await promoteFromWaitingList(
      tx,
      { ...event, title: input.title, capacity: input.capacity, sequence: updated.sequence },
      slug,
      now,
    );
    return { id: event.id, sequence: updated.sequence, promoted: promoted.length };
  });
}

/** An organiser cancels the event: it stays listed as cancelled, and everyone going or waiting is told. */
export async function cancelEvent(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: CancelEventInput,
  now = new Date(),
): Promise<{ id: string; status: "CANCELLED"; sequence: number }> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (event.status === "CANCELLED") return { id: event.id, status: "CANCELLED" as const, sequence: event.sequence };
    if (event.startsAt.getTime() <= now.getTime()) {
      throw new AppError("CONFLICT", "This event has already started, so it can no longer be cancelled.");
    }
    const updated = await tx.event.update({
      where: { id: event.id },
      data: { status: "CANCELLED", cancelledAt: now, sequence: { increment: 1 } },
      select: { sequence: true },
    });
    const slug = await partnershipSlugOf(tx, event.partnershipId);
    // People going have it in their calendar: the cancellation takes it out. People waiting never had it.
    await queueCalendarInvitations(tx, {
      eventId: event.id,
      partnershipId: event.partnershipId,
      userIds: await peopleExpected(tx, event.id, ["GOING"]),
      sequence: updated.sequence,
      reason: "event-cancelled",
    });
    await notify(tx, {
      userIds: await peopleExpected(tx, event.id, ["GOING", "WAITING"]),
      actorId: actor.userId,
      partnershipId: event.partnershipId,
      kind: "EVENT_CHANGED",
      title: `“${event.title}” has been cancelled`,
      body: input.reason ? input.reason : "The organisers have cancelled this event. If you added it to your calendar, you can remove it.",
      linkPath: paths.event(slug, event.id),
    });
    return { id: event.id, status: "CANCELLED" as const, sequence: updated.sequence };
  });
}
