import type { MarkAttendanceInput } from "@/lib/schemas/events";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { RsvpStatus, Sector } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { inEventTransaction, lockEvent, partnershipSlugOf, type LockedEvent } from "./access";
import { queueCalendarInvitations } from "./calendar-invitations";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

/**
 * RSVPs: a place while there are places, the waiting list after that. Every change runs
 * under the event's row lock, so the count of people going and the order of the queue are
 * decided one request at a time, whatever arrives at once.
 */

export type RsvpAnswer = {
  status: RsvpStatus | null;
  /** 1 for the next person to get a place; null unless waiting. */
  position: number | null;
  /** Null when the event has no limit. */
  placesLeft: number | null;
};

/** The queue order: who asked first (queuedAt), then a fixed tie-break. */
const QUEUE_ORDER = [{ queuedAt: "asc" as const }, { id: "asc" as const }];

export async function waitingPosition(db: Database | Tx, eventId: string, rsvp: { id: string; queuedAt: Date }): Promise<number> {
  const ahead = await db.eventRsvp.count({
    where: {
      eventId,
      status: "WAITING",
      OR: [{ queuedAt: { lt: rsvp.queuedAt } }, { queuedAt: rsvp.queuedAt, id: { lt: rsvp.id } }],
    },
  });
  return ahead + 1;
}

async function answerFor(
  tx: Tx,
  event: Pick<LockedEvent, "id" | "capacity">,
  rsvp: { id: string; status: RsvpStatus; queuedAt: Date } | null,
): Promise<RsvpAnswer> {
  const going = await tx.eventRsvp.count({ where: { eventId: event.id, status: "GOING" } });
  return {
    status: rsvp?.status ?? null,
    position: rsvp?.status === "WAITING" ? await waitingPosition(tx, event.id, rsvp) : null,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - going),
  };
}

/**
 * When someone joins the queue: now, or just after the last person queued for this event,
 * so the queue keeps the order in which requests took the lock even within a millisecond.
 */
async function nextQueueTime(tx: Tx, eventId: string, now: Date): Promise<Date> {
  const last = await tx.eventRsvp.aggregate({ where: { eventId }, _max: { queuedAt: true } });
  const lastTime = last._max.queuedAt?.getTime() ?? 0;
  return new Date(Math.max(now.getTime(), lastTime + 1));
}

function assertTakesReplies(event: LockedEvent, now: Date) {
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", "This event has been cancelled, so it no longer takes replies.");
  if (event.startsAt.getTime() <= now.getTime()) {
    throw new AppError("CONFLICT", "This event has already started, so it no longer takes replies.");
  }
}

/**
 * "I'm going": a place if one is free, otherwise the end of the waiting list. Asking again
 * gives the same answer and changes nothing; someone who had cancelled asks anew.
 */
export async function rsvpToEvent(db: Database, actor: Actor, eventId: string, now = new Date()): Promise<RsvpAnswer> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertTakesReplies(event, now);
    const existing = await tx.eventRsvp.findUnique({
      where: { eventId_userId: { eventId, userId: actor.userId } },
      select: { id: true, status: true, queuedAt: true },
    });
    if (existing && existing.status !== "CANCELLED") return answerFor(tx, event, existing);

    const going = await tx.eventRsvp.count({ where: { eventId, status: "GOING" } });
    const status: RsvpStatus = event.capacity === null || going < event.capacity ? "GOING" : "WAITING";
    const queuedAt = await nextQueueTime(tx, eventId, now);
    const rsvp = existing
      ? await tx.eventRsvp.update({
          where: { id: existing.id },
          data: { status, queuedAt, respondedAt: now, promotedAt: null, cancelledAt: null, attended: null },
          select: { id: true, status: true, queuedAt: true },
        })
      : await tx.eventRsvp.create({
          data: { eventId, userId: actor.userId, status, queuedAt, respondedAt: now },
          select: { id: true, status: true, queuedAt: true },
        });
    // A place goes into the person's calendar; a place on the waiting list does not.
    if (status === "GOING") {
      await queueCalendarInvitations(tx, {
        eventId,
        partnershipId: event.partnershipId,
        userIds: [actor.userId],
        sequence: event.sequence,
        reason: "place-confirmed",
        replyAt: now,
      });
    }
    return answerFor(tx, event, rsvp);
  });
}

/**
 * "I can't come": the place (or the place in the queue) is given up, and the next people
 * waiting get the places that free up, in queue order. They are told.
 */
export async function cancelRsvp(db: Database, actor: Actor, eventId: string, now = new Date()): Promise<RsvpAnswer & { promoted: number }> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, eventId);
    const existing = await tx.eventRsvp.findUnique({
      where: { eventId_userId: { eventId, userId: actor.userId } },
      select: { id: true, status: true, queuedAt: true },
    });
    if (!existing || existing.status === "CANCELLED") return { ...(await answerFor(tx, event, existing)), promoted: 0 };
    if (event.status !== "CANCELLED" && event.startsAt.getTime() <= now.getTime()) {
      throw new AppError("CONFLICT", "This event has already started, so your reply can no longer be changed.");
    }
    const rsvp = await tx.eventRsvp.update({
      where: { id: existing.id },
      data: { status: "CANCELLED", cancelledAt: now, respondedAt: now },
      select: { id: true, status: true, queuedAt: true },
    });
    // A place given up comes out of the person's calendar (a cancelled event already has).
    if (existing.status === "GOING" && event.status === "SCHEDULED") {
      await queueCalendarInvitations(tx, {
        eventId,
        partnershipId: event.partnershipId,
        userIds: [actor.userId],
        sequence: event.sequence,
        reason: "place-cancelled",
        replyAt: now,
      });
    }
    const promoted =
      existing.status === "GOING" && event.status === "SCHEDULED"
        ? await promoteFromWaitingList(tx, event, await partnershipSlugOf(tx, event.partnershipId), now)
        : [];
    return { ...(await answerFor(tx, event, rsvp)), promoted: promoted.length };
  });
}

/**
 * Gives free places to the people waiting, first come first served, tells them and queues
 * their calendar invitations. Call with the event row locked (lockEvent) and its current
 * capacity and sequence. Returns who was promoted.
 */
export async function promoteFromWaitingList(
  tx: Tx,
  event: Pick<LockedEvent, "id" | "partnershipId" | "title" | "capacity" | "status" | "sequence">,
  partnershipSlug: string,
  now: Date,
): Promise<string[]> {
  if (event.status !== "SCHEDULED") return [];
  const going = await tx.eventRsvp.count({ where: { eventId: event.id, status: "GOING" } });
  const free = event.capacity === null ? undefined : event.capacity - going;
  if (free !== undefined && free <= 0) return [];
  const next = await tx.eventRsvp.findMany({
    where: { eventId: event.id, status: "WAITING" },
    orderBy: QUEUE_ORDER,
    take: free,
    select: { id: true, userId: true },
  });
  if (next.length === 0) return [];
  // One at a time, in queue order, so each promotion is counted by the capacity trigger.
  for (const rsvp of next) {
    await tx.eventRsvp.update({ where: { id: rsvp.id }, data: { status: "GOING", promotedAt: now } });
  }
  const userIds = next.map((rsvp) => rsvp.userId);
  await notify(tx, {
    userIds,
    partnershipId: event.partnershipId,
    kind: "EVENT_PLACE_CONFIRMED",
    title: `A place came up: you are going to “${event.title}”`,
    body: "You were on the waiting list and now have a place. If you cannot come after all, please cancel so someone else can.",
    linkPath: paths.event(partnershipSlug, event.id),
  });
  await queueCalendarInvitations(tx, {
    eventId: event.id,
    partnershipId: event.partnershipId,
    userIds,
    sequence: event.sequence,
    reason: "place-promoted",
    replyAt: now,
  });
  return userIds;
}

export type AttendeeRow = {
  userId: string;
  name: string;
  organisationName: string | null;
  sector: Sector | null;
  respondedAt: Date;
  attended: boolean | null;
};

export type EventAttendees = {
  going: AttendeeRow[];
  waiting: (AttendeeRow & { position: number })[];
  cancelledCount: number;
  capacity: number | null;
  /** Attendance can be marked once the event has started. */
  canMarkAttendance: boolean;
};

/** The organisers' list: who is going, who is waiting (in queue order), and who came. */
export async function eventAttendees(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  eventId: string,
  now = new Date(),
): Promise<EventAttendees> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, createdById: true, kind: true, subGroupId: true, capacity: true, startsAt: true, status: true },
  });
  if (!event) throw notFound("That event");
  const rows = await db.eventRsvp.findMany({
    where: { eventId },
    orderBy: QUEUE_ORDER,
    select: {
      status: true,
      respondedAt: true,
      attended: true,
      user: { select: { id: true, name: true, organisation: { select: { name: true, sector: true } } } },
    },
  });
  const shape = (row: (typeof rows)[number]): AttendeeRow => ({
    userId: row.user.id,
    name: displayName(row.user),
    organisationName: row.user.organisation?.name ?? null,
    sector: row.user.organisation?.sector ?? null,
    respondedAt: row.respondedAt,
    attended: row.attended,
  });
  const byName = (a: AttendeeRow, b: AttendeeRow) => a.name.localeCompare(b.name, "en-GB") || a.userId.localeCompare(b.userId);
  return {
    going: rows.filter((row) => row.status === "GOING").map(shape).sort(byName),
    waiting: rows.filter((row) => row.status === "WAITING").map((row, index) => ({ ...shape(row), position: index + 1 })),
    cancelledCount: rows.filter((row) => row.status === "CANCELLED").length,
    capacity: event.capacity,
    canMarkAttendance: event.status === "SCHEDULED" && event.startsAt.getTime() <= now.getTime(),
  };
}

/** After it has started, an organiser records who came (and who did not). */
export async function markAttendance(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: MarkAttendanceInput,
  now = new Date(),
): Promise<{ marked: number }> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (event.status === "CANCELLED") throw new AppError("CONFLICT", "This event was cancelled, so there is no attendance to mark.");
    if (event.startsAt.getTime() > now.getTime()) {
      throw new AppError("CONFLICT", "Attendance can be marked once the event has started.");
    }
    const userIds = [...new Set(input.attendance.map((row) => row.userId))];
    const known = await tx.eventRsvp.findMany({
      where: { eventId: event.id, userId: { in: userIds }, status: { in: ["GOING", "WAITING"] } },
      select: { userId: true },
    });
    if (known.length !== userIds.length) {
      throw new AppError("BAD_REQUEST", "Attendance can only be marked for people who replied to this event.", {
        attendance: ["Someone in the list did not reply to this event"],
      });
    }
    for (const row of input.attendance) {
      await tx.eventRsvp.update({
        where: { eventId_userId: { eventId: event.id, userId: row.userId } },
        data: { attended: row.attended },
      });
    }
    return { marked: userIds.length };
  });
}
