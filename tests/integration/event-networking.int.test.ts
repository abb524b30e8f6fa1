import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { MAX_NETWORKING_ROUNDS } from "@/lib/event-kinds";
import { MAX_ROUNDS, pairKey } from "@/server/domain/events/speed-networking";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { type Cast, type OrganisationKey, subGroupIn, subGroupWorld } from "./support/worlds";
import { paths } from "@/lib/paths";
import type { GenerateNetworkingInput } from "@/lib/schemas/events";
import { NETWORKING_PLAN_JOB, type NetworkingPlanResult } from "@/server/domain/events/networking";
import { parseEnv } from "@/server/env";
import { JOB_KINDS, type JobKind } from "@/server/jobs/kinds";
import { runNextJob } from "@/server/jobs/runner";

const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" });
const networkingKinds: Record<string, JobKind> = { [NETWORKING_PLAN_JOB]: JOB_KINDS[NETWORKING_PLAN_JOB] };

/** Works the queue's speed-networking jobs until none is due, as an instance's runner would. */
async function runPlanningJobs(db: Database, kinds: Record<string, JobKind> = networkingKinds) {
  const outcomes: string[] = [];
  for (let ran = await runNextJob({ db, env, kinds }); ran; ran = await runNextJob({ db, env, kinds })) outcomes.push(ran.outcome);
  return outcomes;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** A partnership with an officer, a sub-group, and people from three sectors and none. */
async function world(db: Database) {
  const sectors: (OrganisationKey | null)[] = ["voluntary", "voluntary", "voluntary", "public", "public", "public", "private", "private", "community", null];
  const cast: Cast = { officer: { name: "Fiona Officer", organisation: "public", role: "OFFICER" } };
  for (const [index, organisation] of sectors.entries()) cast[`guest${index + 1}`] = { name: `Guest ${index + 1}`, organisation };
  const w = await subGroupWorld(db, {
    cast,
    area: { title: "Isolation" },
    subGroup: { name: "Loneliness" },
  });
  const guests: Actor[] = sectors.map((_, index) => w.people[`guest${index + 1}`]!);
  const otherSubGroup = await subGroupIn(db, w.area, { name: "Transport" });
  return { ...w, officer: w.people.officer!, guests, otherSubGroup };
}
type World = Awaited<ReturnType<typeof world>>;

async function breakfast(db: Database, w: World, startsAt: Date, going: Actor[], overrides: Record<string, unknown> = {}) {
  return db.event.create({
    data: {
      partnershipId: w.partnership.id,
      kind: "NETWORKING_BREAKFAST",
      title: "Networking breakfast",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      venueName: "Town hall",
      capacity: 40,
      createdById: w.officer.userId,
      rsvps: { create: going.map((actor) => ({ userId: actor.userId, status: "GOING" as const })) },
      ...overrides,
    },
  });
}

/** The organiser asks for the rounds, the queue plans them: what the job left behind. */
async function planOnQueue(db: Database, w: World, input: GenerateNetworkingInput): Promise<NetworkingPlanResult> {
  const { jobId } = await w.api(w.officer).event.generateNetworking(input);
  expect(await runPlanningJobs(db)).toContain("succeeded");
  const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(job.state).toBe("SUCCEEDED");
  return job.result as NetworkingPlanResult;
}

/** Every pair within a table of a stored plan. */
async function storedPairs(db: Database, eventId: string) {
  const tables = await db.networkingTable.findMany({ where: { round: { eventId } }, select: { seats: { select: { userId: true } } } });
  return tables.flatMap((table) => {
    const ids = table.seats.map((seat) => seat.userId);
    return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => pairKey(a, b)));
  });
}

describe("planning speed networking", () => {
  it("plans rounds of pairs for the people going, shows each person their own schedule, and the organiser the whole plan", async () => {
    const { db } = database;
    const w = await world(db);
    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), w.guests);

    const result = await planOnQueue(db, w, { eventId: event.id, rounds: 3 });
    expect(result).toMatchObject({ planned: true, stale: false, rounds: 3, people: 10, repeatedPairs: 0 });
    expect(result.planned && result.crossSectorShare).toBeGreaterThan(0.8);

    const rounds = await db.networkingRound.findMany({
      where: { eventId: event.id },
      orderBy: { number: "asc" },
      include: { tables: { include: { seats: true } } },
    });
    expect(rounds.map((round) => round.number)).toEqual([1, 2, 3]);
    for (const round of rounds) {
      expect(round.tables.map((table) => table.seats.length)).toEqual([2, 2, 2, 2, 2]);
      expect(round.tables.flatMap((table) => table.seats.map((seat) => seat.userId)).sort()).toEqual(w.guests.map((g) => g.userId).sort());
    }
    const pairs = await storedPairs(db, event.id);
    expect(new Set(pairs).size).toBe(pairs.length);

    for (const guest of w.guests) {
      const schedule = await w.api(guest).event.mySchedule({ eventId: event.id });
      expect(schedule.rounds.map((row) => row.round)).toEqual([1, 2, 3]);
      for (const row of schedule.rounds) {
        expect(row.others).toHaveLength(1);
        expect(row.others[0]!.userId).not.toBe(guest.userId);
        expect(row.table).toBeGreaterThanOrEqual(1);
      }
    }
    const individual = w.guests[9]!;
    const someone = await w.api(w.guests[0]!).event.mySchedule({ eventId: event.id });
    expect(someone.rounds[0]!.others[0]).toMatchObject({ name: expect.stringMatching(/^Guest /) });
    const seatedWithIndividual = someone.rounds.flatMap((row) => row.others).find((other) => other.userId === individual.userId);
    if (seatedWithIndividual) expect(seatedWithIndividual).toMatchObject({ organisationName: null, sector: null });
    expect((await w.api(w.officer).event.mySchedule({ eventId: event.id })).rounds).toEqual([]);

    const plan = await w.api(w.officer).event.networking({ eventId: event.id });
    expect(plan).toMatchObject({ people: 10, participants: 10, pairs: 15, canGenerate: true });
    expect(plan.rounds).toHaveLength(3);
    expect(plan.crossSectorShare).toBeCloseTo(plan.crossSectorPairs / 15);
    expect(plan.rounds[0]!.tables[0]!.people[0]).toHaveProperty("organisationName");
    await expectFailure(w.api(w.guests[0]!).event.networking({ eventId: event.id }), "FORBIDDEN");
    await expectFailure(w.api(w.guests[0]!).event.generateNetworking({ eventId: event.id, rounds: 2 }), "FORBIDDEN");
  });

  it("makes a trio when the numbers are odd, and planning again replaces the previous plan", async () => {
    const { db } = database;
    const w = await world(db);
    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), w.guests.slice(0, 7));
    await planOnQueue(db, w, { eventId: event.id, rounds: 4 });
    await planOnQueue(db, w, { eventId: event.id, rounds: 2 });
    const rounds = await db.networkingRound.findMany({ where: { eventId: event.id }, include: { tables: { include: { seats: true } } } });
    expect(rounds.map((round) => round.number).sort()).toEqual([1, 2]);
    for (const round of rounds) expect(round.tables.map((table) => table.seats.length).sort()).toEqual([2, 2, 3]);
    expect(await db.networkingTable.count({ where: { round: { eventId: event.id } } })).toBe(6);
  });

  it("keeps apart people who shared a table at an earlier event or logged a connection", async () => {
    const { db } = database;
    const w = await world(db);
    const [a, b, c, d, e, f] = w.guests;
    // An earlier breakfast where a and b shared a table; c logged a connection with d.
    const earlier = await breakfast(db, w, new Date(Date.now() - 30 * DAY), [a!, b!]);
    await db.networkingRound.create({
      data: { eventId: earlier.id, number: 1, tables: { create: [{ number: 1, seats: { create: [{ userId: a!.userId }, { userId: b!.userId }] } }] } },
    });
    await db.connection.create({ data: { partnershipId: w.partnership.id, eventId: earlier.id, fromUserId: c!.userId, toUserId: d!.userId } });

    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), [a!, b!, c!, d!, e!, f!]);
    const result = await planOnQueue(db, w, { eventId: event.id, rounds: 3 });
    expect(result).toMatchObject({ planned: true, repeatedPairs: 0 });
    const pairs = await storedPairs(db, event.id);
    expect(pairs).toHaveLength(9);
    expect(pairs).not.toContain(pairKey(a!.userId, b!.userId));
    expect(pairs).not.toContain(pairKey(c!.userId, d!.userId));
  });

  it("includes people marked as there and leaves out people marked absent", async () => {
    const { db } = database;
    const w = await world(db);
    const [a, b, c, d] = w.guests;
    // Under way: started ten minutes ago.
    const event = await breakfast(db, w, new Date(Date.now() - 10 * 60 * 1000), [a!, b!, c!]);
    await db.eventRsvp.create({ data: { eventId: event.id, userId: d!.userId, status: "WAITING" } });
    await w.api(w.officer).event.markAttendance({
      eventId: event.id,
      attendance: [
        { userId: c!.userId, attended: false },
        { userId: d!.userId, attended: true },
      ],
    });
    expect(await planOnQueue(db, w, { eventId: event.id, rounds: 1 })).toMatchObject({ planned: true, people: 3 });
    const seated = await db.networkingSeat.findMany({ where: { table: { round: { eventId: event.id } } }, select: { userId: true } });
    expect(seated.map((seat) => seat.userId).sort()).toEqual([a!.userId, b!.userId, d!.userId].sort());
  });

  it("refuses once the event has finished, for other kinds of event, and with fewer than two people", async () => {
    const { db } = database;
    const w = await world(db);
    const finished = await breakfast(db, w, new Date(Date.now() - 5 * HOUR), w.guests.slice(0, 4));
    await expectFailure(
      w.api(w.officer).event.generateNetworking({ eventId: finished.id, rounds: 2 }),
      "CONFLICT",
      "This event has finished, so its speed networking can no longer be changed.",
    );
    const workshop = await breakfast(db, w, new Date(Date.now() + DAY), w.guests.slice(0, 4), { kind: "WORKSHOP" });
    await expectFailure(
      w.api(w.officer).event.generateNetworking({ eventId: workshop.id, rounds: 2 }),
      "BAD_REQUEST",
      "Speed networking is planned for networking breakfasts only.",
    );
    const empty = await breakfast(db, w, new Date(Date.now() + DAY), w.guests.slice(0, 1));
    await expectFailure(w.api(w.officer).event.generateNetworking({ eventId: empty.id, rounds: 2 }), "PRECONDITION_FAILED");
    // The form's limit is the planner's limit.
    expect(MAX_NETWORKING_ROUNDS).toBe(MAX_ROUNDS);
    await expectFailure(w.api(w.officer).event.generateNetworking({ eventId: empty.id, rounds: MAX_ROUNDS + 1 }), "BAD_REQUEST");
    expect(await db.networkingRound.count({ where: { eventId: { in: [finished.id, workshop.id, empty.id] } } })).toBe(0);
    expect(await db.backgroundJob.count({ where: { kind: NETWORKING_PLAN_JOB, onceKey: { contains: finished.id } } })).toBe(0);
  });
});

describe("planning on the job queue", () => {
  it("queues one job for a double click, records progress a round at a time, and queues a new job to plan again", async () => {
    const { db } = database;
    const w = await world(db);
    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), w.guests);
    const organiser = w.api(w.officer).event;
    expect(await organiser.networkingPlanning({ eventId: event.id })).toBeNull();

    const clicks = await Promise.all([
      organiser.generateNetworking({ eventId: event.id, rounds: 4 }),
      organiser.generateNetworking({ eventId: event.id, rounds: 4 }),
    ]);
    expect(clicks[0].jobId).toBe(clicks[1].jobId);
    expect(clicks.filter((click) => click.created)).toHaveLength(1);
    const queued = await db.backgroundJob.findMany({ where: { kind: NETWORKING_PLAN_JOB, partnershipId: w.partnership.id } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ state: "QUEUED", onceKey: `${NETWORKING_PLAN_JOB}:${event.id}:1`, maxAttempts: 3 });
    expect(await organiser.networkingPlanning({ eventId: event.id })).toEqual({ jobId: clicks[0].jobId, status: "waiting", done: 0, total: 4, message: null });
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(0);

    // Watch the progress the job records, and what the organiser is shown, as it runs.
    const seen: { done: number; total: number }[] = [];
    const shown: string[] = [];
    const kind = JOB_KINDS[NETWORKING_PLAN_JOB];
    const watching: Record<string, JobKind> = {
      [NETWORKING_PLAN_JOB]: {
        ...kind,
        run: (context) =>
          kind.run({
            ...context,
            reportProgress: async (progress) => {
              await context.reportProgress(progress);
              seen.push(progress);
              const view = await organiser.networkingPlanning({ eventId: event.id, jobId: clicks[0].jobId });
              shown.push(`${view?.status} ${view?.done}/${view?.total}`);
              // Nothing is written until the whole plan is ready.
              expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(0);
            },
          }),
      },
    };
    expect(await runPlanningJobs(db, watching)).toEqual(["succeeded"]);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((done) => ({ done, total: 4 })));
    expect(shown).toEqual(["planning 0/4", "planning 1/4", "planning 2/4", "planning 3/4", "planning 4/4"]);
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(4);
    expect(await organiser.networkingPlanning({ eventId: event.id })).toEqual({ jobId: clicks[0].jobId, status: "done", done: 4, total: 4, message: null });

    // Planning again, once the first has finished, is a new job.
    const again = await organiser.generateNetworking({ eventId: event.id, rounds: 2 });
    expect(again.created).toBe(true);
    expect(again.jobId).not.toBe(clicks[0].jobId);
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: again.jobId } })).onceKey).toBe(`${NETWORKING_PLAN_JOB}:${event.id}:2`);
    expect(await runPlanningJobs(db)).toEqual(["succeeded"]);
    expect((await db.networkingRound.findMany({ where: { eventId: event.id } })).map((round) => round.number).sort()).toEqual([1, 2]);
    await expectFailure(organiser.networkingPlanning({ eventId: event.id, jobId: queued[0]!.id.replace(/.$/, "x") }), "NOT_FOUND");
  });

  it("retries a failing run with a wait, leaves no half plan, and shows officers the job that keeps failing", async () => {
    const { db } = database;
    const w = await world(db);
    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), w.guests.slice(0, 6));
    const { jobId } = await w.api(w.officer).event.generateNetworking({ eventId: event.id, rounds: 3 });

    // The database goes away after the second round is planned, every time.
    const kind = JOB_KINDS[NETWORKING_PLAN_JOB];
    const failing: Record<string, JobKind> = {
      [NETWORKING_PLAN_JOB]: {
        ...kind,
        run: (context) =>
          kind.run({
            ...context,
            reportProgress: async (progress) => {
              await context.reportProgress(progress);
              if (progress.done === 2) throw new Error("connection terminated unexpectedly");
            },
          }),
      },
    };
    expect(await runPlanningJobs(db, failing)).toEqual(["retrying"]);
    const retrying = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(retrying).toMatchObject({ state: "QUEUED", attempts: 1, progress: { done: 2, total: 3 } });
    expect(retrying.runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(0);
    expect(await w.api(w.officer).event.networkingPlanning({ eventId: event.id })).toMatchObject({
      status: "waiting",
      message: "Planning did not finish the first time; it will be tried again shortly.",
    });
    // A double click while it waits to be tried again gets the same job.
    expect(await w.api(w.officer).event.generateNetworking({ eventId: event.id, rounds: 3 })).toEqual({ jobId, created: false });

    for (let attempt = 2; attempt <= 3; attempt++) {
      await db.backgroundJob.update({ where: { id: jobId }, data: { runAfter: new Date() } });
      expect(await runPlanningJobs(db, failing)).toEqual([attempt === 3 ? "failed" : "retrying"]);
    }
    expect(await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "FAILED", attempts: 3 });
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(0);
    const view = await w.api(w.officer).event.networkingPlanning({ eventId: event.id });
    expect(view).toMatchObject({ jobId, status: "failed" });
    expect(view?.message).toMatch(/^The rounds could not be planned\. Please try again/);

    const failingJobs = await w.api(w.officer).job.failing({ partnershipSlug: w.partnership.slug });
    expect(failingJobs).toEqual([
      expect.objectContaining({ id: jobId, label: "Planning speed-networking rounds", status: "failed", scope: "partnership", canRetry: true, attempts: 3 }),
    ]);
    expect(failingJobs[0]!.reason).toMatch(/^Something went wrong while running it\./);

    // "Try again" is a new request, and this time it works.
    const retry = await w.api(w.officer).event.generateNetworking({ eventId: event.id, rounds: 3 });
    expect(retry.jobId).not.toBe(jobId);
    expect(await runPlanningJobs(db)).toEqual(["succeeded"]);
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(3);
  });

  it("writes the whole plan for the people it started with when replies change meanwhile, and nothing for an event cancelled meanwhile", async () => {
    const { db } = database;
    const w = await world(db);
    const [a, b, c, d, e] = w.guests;
    const event = await breakfast(db, w, new Date(Date.now() + 7 * DAY), [a!, b!, c!, d!]);
    const { jobId } = await w.api(w.officer).event.generateNetworking({ eventId: event.id, rounds: 2 });
    const kind = JOB_KINDS[NETWORKING_PLAN_JOB];
    let replied = false;
    const replyingMeanwhile: Record<string, JobKind> = {
      [NETWORKING_PLAN_JOB]: {
        ...kind,
        run: (context) =>
          kind.run({
            ...context,
            reportProgress: async (progress) => {
              await context.reportProgress(progress);
              if (progress.done === 1 && !replied) {
                replied = true;
                await w.api(e!).event.rsvp({ eventId: event.id });
              }
            },
          }),
      },
    };
    expect(await runPlanningJobs(db, replyingMeanwhile)).toEqual(["succeeded"]);
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId } })).result).toMatchObject({ planned: true, stale: true, people: 4 });
    const rounds = await db.networkingRound.findMany({ where: { eventId: event.id }, include: { tables: { include: { seats: true } } } });
    expect(rounds).toHaveLength(2);
    for (const round of rounds) {
      expect(round.tables.flatMap((table) => table.seats.map((seat) => seat.userId)).sort()).toEqual([a!, b!, c!, d!].map((g) => g.userId).sort());
    }
    expect(await w.api(w.officer).event.networking({ eventId: event.id })).toMatchObject({ people: 4, participants: 5 });

    // Asked again, then the event is cancelled before the queue gets to it: the plan stays as it was.
    const again = await w.api(w.officer).event.generateNetworking({ eventId: event.id, rounds: 3 });
    await w.api(w.officer).event.cancel({ eventId: event.id, reason: "The venue is closed" });
    expect(await runPlanningJobs(db)).toEqual(["succeeded"]);
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: again.jobId } })).result).toEqual({ planned: false, reason: "This event has been cancelled." });
    expect(await db.networkingRound.count({ where: { eventId: event.id } })).toBe(2);
    expect(await w.api(w.officer).event.networkingPlanning({ eventId: event.id })).toMatchObject({
      status: "done",
      message: "Nothing was planned. This event has been cancelled.",
    });
  });
});

describe("we should talk again", () => {
  async function afterBreakfast(db: Database, w: World) {
    const [anna, ben, cara, outsider] = w.guests;
    const event = await breakfast(db, w, new Date(Date.now() - 3 * HOUR), [anna!, ben!, cara!]);
    return { event, anna: anna!, ben: ben!, cara: cara!, outsider: outsider! };
  }

  it("logs a connection with someone met at the event once, tells them, and lists it for both", async () => {
    const { db } = database;
    const w = await world(db);
    const { event, anna, ben } = await afterBreakfast(db, w);

    const first = await w.api(anna).event.logConnection({ eventId: event.id, userId: ben.userId, note: "Transport for carers" });
    expect(first.created).toBe(true);
    const again = await w.api(anna).event.logConnection({ eventId: event.id, userId: ben.userId });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.connection.count({ where: { partnershipId: w.partnership.id } })).toBe(1);
    const told = await db.notification.findMany({ where: { kind: "CONNECTION_LOGGED", userId: ben.userId } });
    expect(told).toHaveLength(1);
    expect(told[0]!.linkPath).toBe(`/p/${w.partnership.slug}/connections`);

    const annas = await w.api(anna).event.myConnections({ partnershipSlug: w.partnership.slug });
    expect(annas).toMatchObject([{ id: first.id, loggedByMe: true, mutual: false, note: "Transport for carers", other: { userId: ben.userId }, event: { id: event.id } }]);
    const bens = await w.api(ben).event.myConnections({ partnershipSlug: w.partnership.slug });
    expect(bens).toMatchObject([{ id: first.id, loggedByMe: false, note: null, other: { userId: anna.userId } }]);

    // Ben logs it back: one row each, shown once as mutual.
    await w.api(ben).event.logConnection({ eventId: event.id, userId: anna.userId });
    expect(await w.api(ben).event.myConnections({ partnershipSlug: w.partnership.slug })).toMatchObject([{ loggedByMe: true, mutual: true }]);

    const schedule = await w.api(anna).event.mySchedule({ eventId: event.id });
    expect(schedule.peopleMet.map((person) => [person.userId, person.logged]).sort()).toEqual(
      [
        [ben.userId, true],
        [w.guests[2]!.userId, false],
      ].sort(),
    );
  });

  it("refuses connections before the event, with yourself, with someone who was not there, or from someone who was not there", async () => {
    const { db } = database;
    const w = await world(db);
    const { event, anna, ben, outsider } = await afterBreakfast(db, w);
    const upcoming = await breakfast(db, w, new Date(Date.now() + DAY), [anna, ben]);
    await expectFailure(
      w.api(anna).event.logConnection({ eventId: upcoming.id, userId: ben.userId }),
      "CONFLICT",
      "This event has not started yet: log a connection once you have met.",
    );
    await expectFailure(
      w.api(anna).event.logConnection({ eventId: event.id, userId: anna.userId }),
      "BAD_REQUEST",
      "You cannot log a connection with yourself.",
    );
    await expectFailure(
      w.api(anna).event.logConnection({ eventId: event.id, userId: outsider.userId }),
      "BAD_REQUEST",
      "Choose someone who was at this event.",
    );
    await expectFailure(w.api(outsider).event.logConnection({ eventId: event.id, userId: anna.userId }), "FORBIDDEN");
    expect(await db.connection.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });

  it("starts a draft proposal in a sub-group both belong to, with the other person as co-author", async () => {
    const { db } = database;
    const w = await world(db);
    const { event, anna, ben, cara } = await afterBreakfast(db, w);
    await db.subGroupMembership.createMany({
      data: [
        { subGroupId: w.subGroup.id, userId: anna.userId, role: "MEMBER" },
        { subGroupId: w.subGroup.id, userId: ben.userId, role: "LEAD" },
        { subGroupId: w.otherSubGroup.id, userId: anna.userId, role: "MEMBER" },
      ],
    });
    const { id: connectionId } = await w.api(anna).event.logConnection({ eventId: event.id, userId: ben.userId });

    const options = await w.api(anna).event.connectionSubGroups({ connectionId });
    expect(options.subGroups).toEqual([{ id: w.subGroup.id, name: "Loneliness" }]);
    expect(options.other.userId).toBe(ben.userId);
    await expectFailure(w.api(cara).event.connectionSubGroups({ connectionId }), "NOT_FOUND");

    await expectFailure(
      w.api(anna).event.startProposal({ connectionId, subGroupId: w.otherSubGroup.id, title: "Lift share" }),
      "BAD_REQUEST",
      "You can only start a proposal in a sub-group you both belong to.",
    );
    await expectFailure(w.api(cara).event.startProposal({ connectionId, subGroupId: w.subGroup.id, title: "Lift share" }), "NOT_FOUND");
    expect(await db.proposal.count({ where: { partnershipId: w.partnership.id } })).toBe(0);

    const started = await w.api(anna).event.startProposal({ connectionId, subGroupId: w.subGroup.id, title: "Lift share for carers" });
    expect(started.path).toBe(paths.editProposal(w.partnership.slug, started.proposalId));
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: started.proposalId }, include: { authors: true } });
    expect(proposal).toMatchObject({ title: "Lift share for carers", status: "DRAFT", subGroupId: w.subGroup.id });
    expect(proposal.authors.map((author) => [author.userId, author.role]).sort()).toEqual(
      [
        [anna.userId, "LEAD"],
        [ben.userId, "CO_AUTHOR"],
      ].sort(),
    );
    expect((await db.connection.findUniqueOrThrow({ where: { id: connectionId } })).proposalId).toBe(started.proposalId);
    expect(await db.notification.count({ where: { userId: ben.userId, kind: "CO_AUTHOR_ADDED" } })).toBe(1);
    const listed = await w.api(ben).event.myConnections({ partnershipSlug: w.partnership.slug });
    expect(listed[0]!.proposal).toEqual({ id: started.proposalId, title: "Lift share for carers" });

    await expectFailure(
      w.api(ben).event.startProposal({ connectionId, subGroupId: w.subGroup.id, title: "Again" }),
      "CONFLICT",
      "A draft proposal has already been started from this connection.",
    );
    expect(await db.proposal.count({ where: { partnershipId: w.partnership.id } })).toBe(1);
  });
});
