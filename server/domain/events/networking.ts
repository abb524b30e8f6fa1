import { randomInt } from "node:crypto";
import { z } from "zod";
import type { GenerateNetworkingInput, NetworkingPlanningInput } from "@/lib/schemas/events";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { BackgroundJob, Prisma } from "@/server/db/generated/client";
import type { Sector } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { AppError, notFound } from "@/server/errors";
import { JobFailure } from "@/server/jobs/failure";
import { nudgeJobRunners } from "@/server/jobs/nudge";
import { enqueueJob } from "@/server/jobs/queue";
import { peopleMetAt } from "./connections";
import { inEventTransaction, lockEvent, type LockedEvent } from "./access";
import { MAX_ROUNDS, planSpeedNetworkingStepwise, validatePlanInput, type Attendee } from "./speed-networking";

type Tx = Prisma.TransactionClient;

/**
 * Speed networking at a breakfast: the organiser plans rounds of pairs (a trio when the
 * numbers are odd) for the people going, with planSpeedNetworking keeping apart people who
 * have met before (at the same table at an earlier event of the partnership, or through a
 * logged connection) and mixing sectors. Planning again replaces the previous plan. The
 * planning runs on the job queue; the organiser's page follows its progress.
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

/** The job kind that plans a breakfast's rounds (server/jobs/kinds.ts runs it). */
export const NETWORKING_PLAN_JOB = "events.networking-plan";
/** Planning is deterministic apart from the database: a few tries cover a busy or restarting one. */
export const NETWORKING_PLAN_ATTEMPTS = 3;

/**
 * One job per request to plan, keyed by the event and a running number: a double click
 * finds the job still waiting or running and gets it back; planning again once it has
 * finished (or failed) is the next number, so a new job.
 */
const planJobPrefix = (eventId: string) => `${NETWORKING_PLAN_JOB}:${eventId}:`;

function sequenceOf(onceKey: string | null, eventId: string): number {
  const tail = onceKey?.slice(planJobPrefix(eventId).length) ?? "";
  return /^\d+$/.test(tail) ? Number(tail) : 0;
}

async function latestPlanJob(db: Database | Tx, eventId: string) {
  return db.backgroundJob.findFirst({
    where: { kind: NETWORKING_PLAN_JOB, onceKey: { startsWith: planJobPrefix(eventId) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

type PlannableEvent = Pick<LockedEvent, "kind" | "status" | "endsAt">;

/** Why this event's rounds cannot be planned now, or null when they can. */
function cannotPlan(event: PlannableEvent, now: Date): AppError | null {
  if (event.kind !== "NETWORKING_BREAKFAST") {
    return new AppError("BAD_REQUEST", "Speed networking is planned for networking breakfasts only.");
  }
  if (event.status === "CANCELLED") return new AppError("CONFLICT", "This event has been cancelled.");
  if (event.endsAt.getTime() <= now.getTime()) {
    return new AppError("CONFLICT", "This event has finished, so its speed networking can no longer be changed.");
  }
  return null;
}

const tooFewPeople = () =>
  new AppError("PRECONDITION_FAILED", "At least two people need to be going before speed networking can be planned.");

export type RequestedNetworkingPlan = { jobId: string; created: boolean };

/**
 * The organiser asks for the rounds to be planned (or planned again). The planning itself
 * runs on the job queue (planNetworkingJob), as a large breakfast takes seconds; what can
 * be refused at once is refused here, with the event locked so two requests queue one job.
 */
export async function generateNetworking(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: GenerateNetworkingInput,
  now = new Date(),
): Promise<RequestedNetworkingPlan> {
  const requested = await inEventTransaction(db, async (tx): Promise<RequestedNetworkingPlan> => {
    const event = await lockEvent(tx, input.eventId);
    const refusal = cannotPlan(event, now);
    if (refusal) throw refusal;
    if ((await participants(tx, event.id)).length < 2) throw tooFewPeople();
    const latest = await latestPlanJob(tx, event.id);
    if (latest && (latest.state === "QUEUED" || latest.state === "RUNNING")) return { jobId: latest.id, created: false };
    const payload: NetworkingPlanPayload = { eventId: event.id, rounds: input.rounds, requestedById: actor.userId };
    const { job, created } = await enqueueJob(tx, {
      kind: NETWORKING_PLAN_JOB,
      onceKey: `${planJobPrefix(event.id)}${sequenceOf(latest?.onceKey ?? null, event.id) + 1}`,
      partnershipId: event.partnershipId,
      payload,
      maxAttempts: NETWORKING_PLAN_ATTEMPTS,
      runAfter: now,
    });
    return { jobId: job.id, created };
  });
  // The organiser is watching: this instance's runner starts on it now, not at its next poll.
  if (requested.created) nudgeJobRunners();
  return requested;
}

const networkingPlanPayload = z.object({
  eventId: z.string().min(1),
  rounds: z.number().int().min(1).max(MAX_ROUNDS),
  requestedById: z.string().min(1),
});
export type NetworkingPlanPayload = z.infer<typeof networkingPlanPayload>;

/** What a planning job leaves behind: the plan's numbers, or why nothing was planned. */
export type NetworkingPlanResult =
  | ({ planned: true; stale: boolean } & GeneratedNetworking)
  | { planned: false; reason: string };

type PlanningJob = Pick<BackgroundJob, "id" | "payload">;

/**
 * The job: plans the rounds a round at a time, saying how many are done, then writes the
 * whole plan in one transaction (nothing half written). It plans for the people taking part
 * when it started, read in one snapshot; if replies changed meanwhile the plan written is
 * still that whole plan (as when someone replies after planning: the organiser sees the
 * difference and may plan again). A newer request, a cancelled or finished event leaves the
 * plan as it was.
 */
export async function planNetworkingJob(
  db: Database,
  job: PlanningJob,
  reportProgress: (progress: { done: number; total: number }) => Promise<void>,
  now = new Date(),
): Promise<NetworkingPlanResult> {
  const parsed = networkingPlanPayload.safeParse(job.payload);
  if (!parsed.success) throw new JobFailure("The request to plan speed networking was not understood, so nothing was planned.");
  const { eventId, rounds } = parsed.data;

  const snapshot = await db.$transaction(
    async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: eventId },
        select: { id: true, partnershipId: true, kind: true, status: true, startsAt: true, endsAt: true },
      });
      if (!event) return null;
      const attendees = await participants(tx, event.id);
      const met = await alreadyMet(tx, event, attendees.map((attendee) => attendee.id));
      return { event, attendees, met };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!snapshot) return { planned: false, reason: "The event no longer exists." };
  const refusal = cannotPlan(snapshot.event, now);
  if (refusal) return { planned: false, reason: refusal.userMessage };
  if (snapshot.attendees.length < 2) return { planned: false, reason: tooFewPeople().userMessage };

  await reportProgress({ done: 0, total: rounds });
  const plan = await planSpeedNetworkingStepwise(
    validatePlanInput({ attendees: snapshot.attendees, rounds, alreadyMet: snapshot.met, seed: randomInt(0, 2 ** 31 - 1) }),
    // The first attempt plans every round; later ones only look for a better mix.
    async (step) => {
      if (step.attempt === 0) await reportProgress({ done: step.roundsPlanned, total: step.rounds });
    },
  );

  return inEventTransaction(db, async (tx) => {
    const event = await lockEvent(tx, eventId);
    const late = cannotPlan(event, new Date());
    if (late) return { planned: false, reason: late.userMessage };
    const latest = await latestPlanJob(tx, eventId);
    if (latest && latest.id !== job.id) return { planned: false, reason: "A newer request to plan the rounds replaced this one." };
    const current = (await participants(tx, eventId)).map((attendee) => attendee.id).sort();
    const plannedFor = snapshot.attendees.map((attendee) => attendee.id).sort();

    await tx.networkingRound.deleteMany({ where: { eventId } });
    for (const round of plan.rounds) {
      await tx.networkingRound.create({
        data: {
          eventId,
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
      planned: true,
      stale: current.join(",") !== plannedFor.join(","),
      rounds: plan.rounds.length,
      people: snapshot.attendees.length,
      crossSectorShare: plan.crossSectorShare,
      upperBoundCrossSectorShare: plan.upperBoundCrossSectorShare,
      repeatedPairs: plan.repeatedPairs,
    };
  });
}

export type NetworkingPlanning = {
  jobId: string;
  /** waiting: queued (perhaps to be tried again); planning: running; done: finished, planned or not; failed: gave up. */
  status: "waiting" | "planning" | "done" | "failed";
  done: number;
  total: number;
  /** For the organiser, in plain words: why nothing was planned, or that it failed. */
  message: string | null;
};

const progressShape = z.object({ done: z.number().int().min(0), total: z.number().int().min(0) });

/**
 * How the organiser's latest request to plan (or the one named) is getting on, or null when
 * the rounds were never planned on the queue.
 */
export async function networkingPlanning(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: NetworkingPlanningInput,
): Promise<NetworkingPlanning | null> {
  const job = input.jobId
    ? await db.backgroundJob.findFirst({ where: { id: input.jobId, kind: NETWORKING_PLAN_JOB, onceKey: { startsWith: planJobPrefix(input.eventId) } } })
    : await latestPlanJob(db, input.eventId);
  if (!job) {
    if (input.jobId) throw notFound("That planning request");
    return null;
  }
  const payload = networkingPlanPayload.safeParse(job.payload);
  const progress = progressShape.safeParse(job.progress);
  const total = progress.success ? progress.data.total : payload.success ? payload.data.rounds : 0;
  const done = job.state === "SUCCEEDED" ? total : progress.success ? Math.min(progress.data.done, total) : 0;
  const result = job.result as { planned?: unknown; reason?: unknown } | null;
  const status: NetworkingPlanning["status"] =
    job.state === "SUCCEEDED" ? "done" : job.state === "FAILED" ? "failed" : job.state === "RUNNING" ? "planning" : "waiting";
  const message =
    status === "failed"
      ? "The rounds could not be planned. Please try again; if it keeps failing, an officer can see what went wrong under background tasks."
      : status === "done" && result?.planned === false && typeof result.reason === "string"
        ? `Nothing was planned. ${result.reason}`
        : status === "waiting" && job.attempts > 0
          ? "Planning did not finish the first time; it will be tried again shortly."
          : null;
  return { jobId: job.id, status, done, total, message };
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
