import type { EventGrant, MemberGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import { isTransactionUnavailable, violatedCheckConstraint } from "@/server/db/errors";
import { Prisma } from "@/server/db/generated/client";
import type { EventKind, EventStatus } from "@/server/db/generated/enums";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** What the policy proved about the actor and the event the input names (ctx.grant). */
export type EventAccess = MemberGrant & { event: EventGrant };

export type LockedEvent = {
  id: string;
  partnershipId: string;
  subGroupId: string | null;
  kind: EventKind;
  status: EventStatus;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  createdById: string;
  sequence: number;
};

/**
 * Locks the event's row for the rest of the transaction (SELECT ... FOR UPDATE): RSVPs,
 * cancellations and changes of one event happen one after another, each counting what the
 * one before it wrote. This is what keeps the going list within capacity; the database
 * trigger "EventRsvp_capacity" is only the backstop.
 */
export async function lockEvent(tx: Tx, eventId: string): Promise<LockedEvent> {
  const rows = await tx.$queryRaw<LockedEvent[]>`
    SELECT "id", "partnershipId", "subGroupId", "kind"::text AS "kind", "status"::text AS "status", "title",
           "startsAt", "endsAt", "capacity", "createdById", "sequence"
    FROM "Event" WHERE "id" = ${eventId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("That event");
  return row;
}

/** Requests for one event queue for its row lock: let them wait rather than fail at once. */
export const EVENT_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;

const FULL = "tandem: this event is full";
const CAPACITY_BELOW_GOING = "tandem: more people are going than the new capacity";

function refusedWith(error: unknown, message: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.message.includes(message) || JSON.stringify(error.meta ?? {}).includes(message);
}

/** Whether the capacity trigger refused a GOING answer (only when the domain's own count was bypassed). */
export function isEventFullRefusal(error: unknown): boolean {
  return refusedWith(error, FULL);
}

/**
 * Turns the database's refusals into messages for the person: a busy database into "try
 * again", the capacity trigger and CHECK constraints into what they protect. Returns the
 * error itself when it is none of those.
 */
export function explainEventFailure(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isTransactionUnavailable(error)) {
    return new AppError("TOO_MANY_REQUESTS", "Tandem is very busy right now. Nothing was changed: please try again.");
  }
  if (isEventFullRefusal(error)) return new AppError("CONFLICT", "This event is full. Please try again to join the waiting list.");
  if (refusedWith(error, CAPACITY_BELOW_GOING)) {
    return new AppError("CONFLICT", "More people are going than that capacity allows.", {
      capacity: ["Give at least as many places as people already going"],
    });
  }
  const check = violatedCheckConstraint(error);
  if (check === "Event_ends_after_start") return endsBeforeStart();
  if (check === "Event_capacity_positive") return capacityTooSmall();
  if (check === "Connection_not_self") return new AppError("BAD_REQUEST", "You cannot log a connection with yourself.");
  return error;
}

export const endsBeforeStart = () =>
  new AppError("BAD_REQUEST", "The event must end after it starts.", { endsAt: ["Enter an end time after the start time"] });
export const capacityTooSmall = () =>
  new AppError("BAD_REQUEST", "An event needs at least one place (or leave the number of places empty for no limit).", {
    capacity: ["Enter 1 or more, or leave it empty for no limit"],
  });

/** Runs one transaction on an event's row and translates what the database refused. */
export async function inEventTransaction<T>(db: Database, run: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(run, EVENT_TRANSACTION);
  } catch (error) {
    throw explainEventFailure(error);
  }
}

export async function partnershipSlugOf(db: Database | Tx, partnershipId: string): Promise<string> {
  const partnership = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true } });
  return partnership.slug;
}
