import { randomInt } from "node:crypto";
import type { GenerateNetworkingInput } from "@/lib/schemas/events";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Sector } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { AppError, notFound } from "@/server/errors";
import { peopleMetAt } from "./connections";
import { inEventTransaction, lockEvent, type LockedEvent } from "./access";
import { planSpeedNetworking, validatePlanInput, type Attendee } from "./speed-networking";

type Tx = Prisma.TransactionClient;

/**
 * Speed networking at a breakfast: the organiser plans rounds of pairs (a trio when the
 * numbers are odd) for the people going, with planSpeedNetworking keeping apart people who
 * have met before (at the same table at an earlier event of the partnership, or through a
 * logged connection) and mixing sectors. Planning again replaces the previous plan.
 */

/** Who takes part: people going (unless marked absent), and anyone marked as there. */
const TAKING_PART = { OR: [{ status: "GOING" as const, attended: null }, { attended: true }] };

async function participants(db: Database | Tx, eventId: string): Promise<Attendee[]> {
  const rows = await db.eventRsvp.findMany({
    where: { eventId, ...TAKING_PART },
    select: { userId: true, user: { select: { organisation: { select: { sector: true } } } } },
  });
  // Sector = the person's organisation's sector; no organisation: an individual (null).
  return rows.map((row) => ({ id: row.userId, sector: row.user.organisation?.sector ?? null }));
}

/**
 * Pairs of these people who have already met: they shared a table at an earlier event of the
 * same partnership, or one logged a "we should talk again" connection with the other.
 */
async function alreadyMet(tx: Tx, event: Pick<LockedEvent, "id" | "partnershipId" | "startsAt">, userIds: string[]): Promise<[string, string][]> {
  if (userIds.length < 2) return [];
  const tablemates = await tx.$queryRaw<{ a: string; b: string }[]>`
    SELECT DISTINCT sa."userId" AS a, sb."userId" AS b
    FROM "NetworkingSeat" sa
    JOIN "NetworkingSeat" sb ON sb."tableId" = sa."tableId" AND sa."userId" < sb."userId"
    JOIN "NetworkingTable" t ON t."id" = sa."tableId"
    JOIN "NetworkingRound" r ON r."id" = t."roundId"
    JOIN "Event" e ON e."id" = r."eventId"
    WHERE e."partnershipId" = ${event.partnershipId}
      AND e."id" <> ${event.id}
      AND e."startsAt" < ${event.startsAt}
      AND sa."userId" = ANY(${userIds}) AND sb."userId" = ANY(${userIds})`;
  const connections = await tx.connection.findMany({
    where: { partnershipId: event.partnershipId, fromUserId: { in: userIds }, toUserId: { in: userIds } },
    select: { fromUserId: true, toUserId: true },
  });
  return [
    ...tablemates.map((row) => [row.a, row.b] as [string, string]),
    ...connections.map((row) => [row.fromUserId, row.toUserId] as [string, string]),
  ];
}

export type GeneratedNetworking = {
  rounds: number;
  people: number;
  crossSectorShare: number;
  upperBoundCrossSectorShare: number;
  repeatedPairs: number;
};

/** The organiser plans (or plans again) the rounds for the people going. */
export async function generateNetworking(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: GenerateNetworkingInput,
  now = new Date(),
): Promise<GeneratedNetworking> {
  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, input.eventId);
    if (event.kind !== "NETWORKING_BREAKFAST") {
      throw new AppError("BAD_REQUEST", "Speed networking is planned for networking breakfasts only.");
    }
    if (event.status === "CANCELLED") throw new AppError("CONFLICT", "This event has been cancelled.");
    if (event.endsAt.getTime() <= now.getTime()) {
      throw new AppError("CONFLICT", "This event has finished, so its speed networking can no longer be changed.");
    }
    const attendees = await participants(tx, event.id);
    if (attendees.length < 2) {
      throw new AppError("PRECONDITION_FAILED", "At least two people need to be going before speed networking can be planned.");
    }
    const plan = planSpeedNetworking(
      validatePlanInput({
        attendees,
        rounds: input.rounds,
        alreadyMet: await alreadyMet(
          tx,
          event,
          attendees.map((attendee) => attendee.id),
        ),
        seed: randomInt(0, 2 ** 31 - 1),
      }),
    );

    await tx.networkingRound.deleteMany({ where: { eventId: event.id } });
    for (const round of plan.rounds) {
      await tx.networkingRound.create({
        data: {
          eventId: event.id,
          number: round.number,
          createdAt: now,
          tables: {
            create: round.groups.map((group, index) => ({
              number: index + 1,
              seats: { create: group.attendeeIds.map((userId) => ({ userId })) },
            })),
          },
        },
      });
    }
    return {
      rounds: plan.rounds.length,
      people: attendees.length,
      crossSectorShare: plan.crossSectorShare,
      upperBoundCrossSectorShare: plan.upperBoundCrossSectorShare,
      repeatedPairs: plan.repeatedPairs,
    };
  });
}

export type SeatedPerson = { userId: string; name: string; organisationName: string | null; sector: Sector | null };

const seatSelect = {
  user: { select: { id: true, name: true, organisation: { select: { name: true, sector: true } } } },
} as const;

function seated(seat: { user: { id: string; name: string | null; organisation: { name: string; sector: Sector } | null } }): SeatedPerson {
  return {
    userId: seat.user.id,
    name: displayName(seat.user),
    organisationName: seat.user.organisation?.name ?? null,
    sector: seat.user.organisation?.sector ?? null,
  };
}

const sectorOf = (person: SeatedPerson) => person.sector ?? "INDIVIDUAL";

export type NetworkingPlanView = {
  eventId: string;
  people: number;
  /** How many would be planned for now (going, or marked as there). */
  participants: number;
  plannedAt: Date | null;
  rounds: { number: number; tables: { number: number; people: SeatedPerson[]; crossSector: boolean }[] }[];
  pairs: number;
  crossSectorPairs: number;
  /** Share of pairs within tables (three in a trio) whose two people are from different sectors. */
  crossSectorShare: number;
  canGenerate: boolean;
};

/** The organiser's full plan: every round and table, and how well it mixes sectors. */
export async function networkingPlan(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  eventId: string,
  now = new Date(),
): Promise<NetworkingPlanView> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, kind: true, createdById: true, subGroupId: true, status: true, endsAt: true },
  });
  if (!event) throw notFound("That event");
  const rounds = await db.networkingRound.findMany({
    where: { eventId },
    orderBy: { number: "asc" },
    select: {
      number: true,
      createdAt: true,
      tables: { orderBy: { number: "asc" }, select: { number: true, seats: { select: seatSelect } } },
    },
  });
  let pairs = 0;
  let crossSectorPairs = 0;
  const people = new Set<string>();
  const shaped = rounds.map((round) => ({
    number: round.number,
    tables: round.tables.map((table) => {
      const seatedPeople = table.seats.map(seated).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
      for (let a = 0; a < seatedPeople.length; a++) {
        people.add(seatedPeople[a]!.userId);
        for (let b = a + 1; b < seatedPeople.length; b++) {
          pairs += 1;
          if (sectorOf(seatedPeople[a]!) !== sectorOf(seatedPeople[b]!)) crossSectorPairs += 1;
        }
      }
      return {
        number: table.number,
        people: seatedPeople,
        crossSector: new Set(seatedPeople.map(sectorOf)).size > 1,
      };
    }),
  }));
  return {
    eventId,
    people: people.size,
    participants: (await participants(db, eventId)).length,
    plannedAt: rounds[0]?.createdAt ?? null,
    rounds: shaped,
    pairs,
    crossSectorPairs,
    crossSectorShare: pairs === 0 ? 0 : crossSectorPairs / pairs,
    canGenerate: event.kind === "NETWORKING_BREAKFAST" && event.status === "SCHEDULED" && event.endsAt.getTime() > now.getTime(),
  };
}

export type MyNetworkingRound = { round: number; table: number; others: SeatedPerson[] };

/** One person's own schedule: for each round, their table and who they meet there. */
export async function myNetworkingSchedule(db: Database, actor: Actor, eventId: string): Promise<MyNetworkingRound[]> {
  const seats = await db.networkingSeat.findMany({
    where: { userId: actor.userId, table: { round: { eventId } } },
    select: {
      table: {
        select: {
          number: true,
          round: { select: { number: true } },
          seats: { where: { userId: { not: actor.userId } }, select: seatSelect },
        },
      },
    },
  });
  return seats
    .map((seat) => ({
      round: seat.table.round.number,
      table: seat.table.number,
      others: seat.table.seats.map(seated).sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    }))
    .sort((a, b) => a.round - b.round);
}

/** What the event page shows a person: their rounds, and who they can log a connection with. */
export async function mySchedule(db: Database, actor: Actor, eventId: string) {
  const [rounds, peopleMet] = await Promise.all([myNetworkingSchedule(db, actor, eventId), peopleMetAt(db, actor, eventId)]);
  return { rounds, peopleMet };
}
