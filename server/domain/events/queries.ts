import { EVENT_KIND_LABELS } from "@/lib/event-kinds";
import type { ListEventsInput } from "@/lib/schemas/events";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { EventKind, EventRecurrence, EventStatus, RsvpStatus } from "@/server/db/generated/enums";
import { paths } from "@/lib/paths";
import { getEnv } from "@/server/env";
import { configuredOrigin } from "@/server/site-address";
import { notFound } from "@/server/errors";
import { can } from "@/server/auth/can";
import type { EventAccess } from "./access";
import { creationRights } from "./events";
import { calendarEntryForEvent, EVENT_FOR_CALENDAR_SELECT } from "./calendar-entry";
import { buildCalendar, calendarFileName } from "./ics";
import { waitingPosition } from "./rsvp";

export type EventListItem = {
  id: string;
  kind: EventKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
  venueName: string | null;
  online: boolean;
  capacity: number | null;
  going: number;
  waiting: number;
  placesLeft: number | null;
  subGroup: { id: string; name: string } | null;
  series: { id: string; recurrence: EventRecurrence } | null;
  myStatus: RsvpStatus | null;
};

export type EventList = {
  events: EventListItem[];
  /** What "Create an event" may offer this person (empty: they cannot create events). */
  create: Awaited<ReturnType<typeof creationRights>>;
};

const LIST_LIMIT = 100;

/** Upcoming events (not yet finished, soonest first) or past ones (latest first), of one kind or all. */
export async function listEvents(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: ListEventsInput,
  now = new Date(),
): Promise<EventList> {
  const upcoming = input.when === "upcoming";
  const rows = await db.event.findMany({
    where: {
      partnershipId: membership.partnershipId,
      ...(input.kind ? { kind: input.kind } : {}),
      endsAt: upcoming ? { gt: now } : { lte: now },
    },
    orderBy: [{ startsAt: upcoming ? "asc" : "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      kind: true,
      title: true,
      startsAt: true,
      endsAt: true,
      status: true,
      venueName: true,
      onlineUrl: true,
      capacity: true,
      subGroup: { select: { id: true, name: true } },
      series: { select: { id: true, recurrence: true } },
      rsvps: { where: { userId: actor.userId }, select: { status: true } },
    },
  });
  const counts = await db.eventRsvp.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: rows.map((row) => row.id) }, status: { in: ["GOING", "WAITING"] } },
    _count: { _all: true },
  });
  const countOf = (eventId: string, status: RsvpStatus) =>
    counts.find((row) => row.eventId === eventId && row.status === status)?._count._all ?? 0;
  return {
    events: rows.map((row) => {
      const going = countOf(row.id, "GOING");
      return {
        id: row.id,
        kind: row.kind,
        title: row.title,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        status: row.status,
        venueName: row.venueName,
        online: Boolean(row.onlineUrl),
        capacity: row.capacity,
        going,
        waiting: countOf(row.id, "WAITING"),
        placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - going),
        subGroup: row.subGroup,
        series: row.series,
        myStatus: row.rsvps[0]?.status ?? null,
      };
    }),
    create: await creationRights(db, actor, membership),
  };
}

export type EventView = Awaited<ReturnType<typeof getEvent>>;

/** One event as its page shows it, with the viewer's own reply and what they may do. */
export async function getEvent(db: Database, access: EventAccess, now = new Date()) {
  const { actor, membership } = access;
  const eventId = access.event.id;
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      partnership: { select: { slug: true, name: true } },
      subGroup: { select: { id: true, name: true } },
      series: { select: { id: true, title: true, recurrence: true, events: { select: { id: true, startsAt: true, status: true }, orderBy: { startsAt: "asc" } } } },
      createdBy: { select: { id: true, name: true } },
      speakers: { orderBy: { position: "asc" } },
      rsvps: { where: { userId: actor.userId }, select: { id: true, status: true, queuedAt: true, attended: true } },
      _count: { select: { networkingRounds: true } },
    },
  });
  if (!event || event.partnershipId !== membership.partnershipId) throw notFound("That event");
  const [going, waiting] = await Promise.all([
    db.eventRsvp.count({ where: { eventId, status: "GOING" } }),
    db.eventRsvp.count({ where: { eventId, status: "WAITING" } }),
  ]);
  const mine = event.rsvps[0] ?? null;
  const started = event.startsAt.getTime() <= now.getTime();
  const finished = event.endsAt.getTime() <= now.getTime();
  return {
    id: event.id,
    partnership: event.partnership,
    kind: event.kind,
    kindLabel: EVENT_KIND_LABELS[event.kind],
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    onlineUrl: event.onlineUrl,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    accessibilityNotes: event.accessibilityNotes,
    capacity: event.capacity,
    status: event.status,
    cancelledAt: event.cancelledAt,
    sequence: event.sequence,
    subGroup: event.subGroup,
    series: event.series
      ? {
          id: event.series.id,
          title: event.series.title,
          recurrence: event.series.recurrence,
          dates: event.series.events.map((row) => ({ id: row.id, startsAt: row.startsAt, status: row.status })),
        }
      : null,
    createdBy: { id: event.createdBy.id, name: event.createdBy.name ?? "A member" },
    speakers: event.speakers.map((speaker) => ({ name: speaker.name, role: speaker.role, topic: speaker.topic })),
    going,
    waiting,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - going),
    started,
    finished,
    hasNetworking: event._count.networkingRounds > 0,
    my: {
      status: mine?.status ?? null,
      position: mine?.status === "WAITING" ? await waitingPosition(db, eventId, mine) : null,
      attended: mine?.attended ?? null,
      /** Replies are open until the event starts, unless it was cancelled. */
      canReply: event.status === "SCHEDULED" && !started,
      /** "We should talk again": once it has started, for people who were there. */
      canLogConnections: event.status === "SCHEDULED" && started && can("event.logConnection", access),
    },
    canOrganise: can("event.update", access),
    canSeeAttendees: can("event.attendees", access),
    canPlanNetworking: can("event.generateNetworking", access),
    calendarPath: paths.eventCalendar(event.partnership.slug, event.id),
  };
}

/** The event as an .ics file: what "Add to calendar" downloads. */
export async function eventCalendar(
  db: Database,
  membership: MembershipGrant,
  eventId: string,
  now = new Date(),
  origin?: string,
): Promise<{ fileName: string; content: string }> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { ...EVENT_FOR_CALENDAR_SELECT, partnershipId: true } });
  if (!event || event.partnershipId !== membership.partnershipId) throw notFound("That event");
  const content = buildCalendar([calendarEntryForEvent(event, origin ?? configuredOrigin(getEnv()))], { now, calendarName: event.partnership.name });
  return { fileName: calendarFileName(event.title, event.startsAt), content };
}
