import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type Database } from "@/server/db/client";
import { parseEnv } from "@/server/env";
import { JobFailure, type JobKind } from "@/server/jobs/kinds";
import { nudgeJobRunners } from "@/server/jobs/nudge";
import { claimNextJob, completeJob, enqueueJob, retryDelayMs, retryFailedJob } from "@/server/jobs/queue";
import { runNextJob, startJobRunner } from "@/server/jobs/runner";
import { enqueueDueSchedules, SCHEDULES, slotKey, slotStart } from "@/server/jobs/schedules";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createPartnership, createPerson, unique } from "./support/factories";

/**
 * The job queue that every instance works from. "Two instances" here are two database
 * clients with their own connection pools on one database, as two servers would be.
 */
const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" });
const SECOND = 1000;

let other: Database;
beforeAll(() => {
  other = createDatabaseClient(database.url, { poolSize: 10 });
});
afterAll(async () => {
  await other.$disconnect();
});

/** A job kind for the tests, which records every run of every job. */
function recordingKind(runs: string[], options: { delayMs?: number; maxAttempts?: number } = {}): JobKind {
  return {
    label: "Recording",
    maxAttempts: options.maxAttempts ?? 5,
    run: async ({ job }) => {
      runs.push(job.id);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return { ran: job.id };
    },
  };
}

describe("claiming jobs", () => {
  it("two instances working one queue run every job exactly once", async () => {
    const { db } = database;
    const kind = unique("count");
    const runs: string[] = [];
    const kinds = { [kind]: recordingKind(runs, { delayMs: 5 }) };
    const jobs = await Promise.all(Array.from({ length: 40 }, () => enqueueJob(db, { kind })));

    const work = async (client: Database, workerId: string) => {
      let ran = 0;
      while (await runNextJob({ db: client, env, workerId, kinds })) ran += 1;
      return ran;
    };
    const [first, second] = await Promise.all([work(db, "instance-a"), work(other, "instance-b")]);

    expect(first + second).toBe(40);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect([...runs].sort()).toEqual(jobs.map(({ job }) => job.id).sort());
    const stored = await db.backgroundJob.findMany({ where: { kind } });
    expect(stored.every((job) => job.state === "SUCCEEDED" && job.attempts === 1 && job.lockedBy === null)).toBe(true);
    expect(stored.find((job) => job.id === jobs[0]!.job.id)?.result).toEqual({ ran: jobs[0]!.job.id });
  });

  it("a job asked for twice with the same key is queued once", async () => {
    const { db } = database;
    const kind = unique("once");
    const onceKey = `${kind}:thing-1`;
    const results = await Promise.all([enqueueJob(db, { kind, onceKey }), enqueueJob(other, { kind, onceKey }), enqueueJob(db, { kind, onceKey })]);
    expect(new Set(results.map((result) => result.job.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.backgroundJob.count({ where: { kind } })).toBe(1);
  });

  it("does not run a job before its time, nor a kind this instance does not run", async () => {
    const { db } = database;
    const kind = unique("later");
    const now = new Date();
    await enqueueJob(db, { kind, runAfter: new Date(now.getTime() + 60 * SECOND) });
    expect(await claimNextJob(db, { workerId: "a", now, kinds: [kind] })).toBeNull();
    expect(await claimNextJob(db, { workerId: "a", now: new Date(now.getTime() + 61 * SECOND), kinds: ["something-else"] })).toBeNull();
    const claimed = await claimNextJob(db, { workerId: "a", now: new Date(now.getTime() + 61 * SECOND), kinds: [kind] });
    expect(claimed).toMatchObject({ kind, state: "RUNNING", attempts: 1, lockedBy: "a" });
  });
});

describe("failures", () => {
  it("retries a failing job with a growing wait, then marks it failed with the message for officers", async () => {
    const { db } = database;
    const kind = unique("flaky");
    let calls = 0;
    const kinds: Record<string, JobKind> = {
      [kind]: {
        label: "Flaky",
        maxAttempts: 3,
        run: async () => {
          calls += 1;
          throw new JobFailure("The email server did not answer.");
        },
      },
    };
    const t0 = new Date("2026-12-02T10:00:00Z");
    const { job } = await enqueueJob(db, { kind, runAfter: t0, maxAttempts: 3 });
    const at = (ms: number) => () => new Date(t0.getTime() + ms);

    expect((await runNextJob({ db, env, kinds, clock: at(0) }))?.outcome).toBe("retrying");
    let stored = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ state: "QUEUED", attempts: 1, lastError: "The email server did not answer.", lockedBy: null });
    expect(stored.runAfter.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(retryDelayMs(1)).toBe(30 * SECOND);

    // Not again until the wait is over.
    expect(await runNextJob({ db, env, kinds, clock: at(29 * SECOND) })).toBeNull();
    expect((await runNextJob({ db, env, kinds, clock: at(30 * SECOND) }))?.outcome).toBe("retrying");
    stored = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored.runAfter.getTime()).toBe(t0.getTime() + 30 * SECOND + 60 * SECOND);

    expect((await runNextJob({ db, env, kinds, clock: at(90 * SECOND) }))?.outcome).toBe("failed");
    stored = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ state: "FAILED", attempts: 3, lastError: "The email server did not answer." });
    expect(stored.finishedAt?.getTime()).toBe(t0.getTime() + 90 * SECOND);
    expect(calls).toBe(3);

    // Failed jobs stay failed until an officer retries one, which gives it fresh attempts.
    expect(await runNextJob({ db, env, kinds, clock: at(3600 * SECOND) })).toBeNull();
    expect(await retryFailedJob(db, job.id, at(3600 * SECOND)())).toBe(true);
    expect(await retryFailedJob(db, job.id)).toBe(false);
    expect((await runNextJob({ db, env, kinds, clock: at(3600 * SECOND) }))?.job.attempts).toBe(1);
  });

  it("an unexpected error is stored as plain words without its internal text", async () => {
    const { db } = database;
    const kind = unique("broken");
    const kinds: Record<string, JobKind> = {
      [kind]: {
        label: "Broken",
        maxAttempts: 1,
        run: async () => {
          throw new Error('duplicate key value violates unique constraint "User_email_key" for ann@example.org');
        },
      },
    };
    const { job } = await enqueueJob(db, { kind, maxAttempts: 1 });
    const errors = console.error;
    console.error = () => undefined;
    try {
      expect((await runNextJob({ db, env, kinds }))?.outcome).toBe("failed");
    } finally {
      console.error = errors;
    }
    const stored = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored.lastError).toBe(`Something went wrong while running it. The operations log has the details (job ${job.id}).`);
    expect(stored.lastError).not.toMatch(/ann@example\.org|constraint/);
  });

  it("a job whose instance stopped is taken over when its lease runs out, and the old holder cannot finish it", async () => {
    const { db } = database;
    const kind = unique("lease");
    const now = new Date();
    const { job } = await enqueueJob(db, { kind, runAfter: now, maxAttempts: 2 });
    const held = await claimNextJob(db, { workerId: "crashed", now, kinds: [kind], leaseMs: 10 * SECOND });
    expect(held?.id).toBe(job.id);
    // Still held: nobody else may take it.
    expect(await claimNextJob(other, { workerId: "healthy", now: new Date(now.getTime() + 9 * SECOND), kinds: [kind] })).toBeNull();
    const taken = await claimNextJob(other, { workerId: "healthy", now: new Date(now.getTime() + 11 * SECOND), kinds: [kind] });
    expect(taken).toMatchObject({ id: job.id, attempts: 2, lockedBy: "healthy" });
    expect(await completeJob(db, job, "crashed", {})).toBe(false);
    expect(await completeJob(other, job, "healthy", { ok: true })).toBe(true);
    expect((await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("SUCCEEDED");
  });

  it("a job that stopped on its last attempt is marked failed, not run again", async () => {
    const { db } = database;
    const kind = unique("last");
    const now = new Date();
    const { job } = await enqueueJob(db, { kind, runAfter: now, maxAttempts: 1 });
    await claimNextJob(db, { workerId: "crashed", now, kinds: [kind], leaseMs: SECOND });
    expect(await claimNextJob(db, { workerId: "healthy", now: new Date(now.getTime() + 2 * SECOND), kinds: [kind] })).toBeNull();
    const stored = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ state: "FAILED", attempts: 1, lockedBy: null, lastError: "Stopped without finishing on its last attempt." });
  });

  it("the database refuses a running job without a holder, and more attempts than allowed", async () => {
    const { db } = database;
    const { job } = await enqueueJob(db, { kind: unique("rules"), maxAttempts: 2 });
    await expect(db.backgroundJob.update({ where: { id: job.id }, data: { state: "RUNNING" } })).rejects.toThrow();
    await expect(db.backgroundJob.update({ where: { id: job.id }, data: { attempts: 3 } })).rejects.toThrow();
  });
});

describe("schedules", () => {
  it("two instances queue each schedule's slot once, however often they look", async () => {
    const { db } = database;
    const now = new Date("2030-01-06T09:07:30Z");
    const counts = await Promise.all(
      Array.from({ length: 10 }, (_, index) => enqueueDueSchedules(index % 2 ? other : db, now)),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(SCHEDULES.length);
    const digestSlot = slotStart(now, 5);
    expect(digestSlot.toISOString()).toBe("2030-01-06T09:05:00.000Z");
    expect(slotStart(now, 60).toISOString()).toBe("2030-01-06T09:00:00.000Z");
    const queued = await db.backgroundJob.findMany({ where: { onceKey: { in: SCHEDULES.map((s) => slotKey(s.kind, slotStart(now, s.everyMinutes))) } } });
    expect(queued.map((job) => job.kind).sort()).toEqual(["notifications.digest", "projects.reminders", "retention.purge"]);
    // The next slot is a new job.
    expect(await enqueueDueSchedules(db, new Date("2030-01-06T09:10:00Z"))).toBe(1);
  });

  it("two running instances send each digest once, with no cron line", async () => {
    const { db } = database;
    const { user } = await createPerson(db, { name: "Rhona Runner" });
    await db.notification.create({ data: { userId: user.id, kind: "MENTION", title: "You were mentioned", linkPath: "/notifications" } });
    // Only this test's slot: earlier tests queued slots in 2030 that are not due yet.
    const clock = () => new Date(Date.now() + 60 * SECOND);
    const schedules = [{ kind: "notifications.digest" as const, everyMinutes: 5 }];
    const a = startJobRunner({ db, env, workerId: "instance-a", schedules, clock, pollMs: 20 });
    const b = startJobRunner({ db: other, env, workerId: "instance-b", schedules, clock, pollMs: 20 });
    try {
      await expect.poll(() => db.outboxEmail.count({ where: { to: user.email } }), { timeout: 15_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(1);
    const digests = await db.backgroundJob.findMany({ where: { kind: "notifications.digest", onceKey: slotKey("notifications.digest", slotStart(clock(), 5)) } });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ state: "SUCCEEDED", attempts: 1 });
    expect(digests[0]?.result).toMatchObject({ emailsSent: 1 });
  });

  it("a runner nudged after a job is queued starts on it at once, not at its next poll", async () => {
    const { db } = database;
    const kind = unique("nudged");
    const runs: string[] = [];
    const runner = startJobRunner({ db, env, workerId: "instance-nudged", kinds: { [kind]: recordingKind(runs) }, schedules: [], pollMs: 60 * SECOND });
    try {
      // Let the runner find the queue empty and go to sleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { job } = await enqueueJob(db, { kind });
      nudgeJobRunners();
      await expect.poll(() => runs, { timeout: 5 * SECOND }).toEqual([job.id]);
    } finally {
      await runner.stop();
    }
  });
});

describe("what officers see", () => {
  it("lists their partnership's failing jobs and Tandem-wide ones whose latest run failed, and lets them retry their own", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const elsewhere = await createPartnership(db);
    const { user, actor: officer } = await createPerson(db);
    await addMember(db, partnership.id, user.id, "OFFICER");
    const { user: memberUser, actor: member } = await createPerson(db);
    await addMember(db, partnership.id, memberUser.id, "MEMBER");
    const hour = 3600 * SECOND;
    const now = Date.now();
    const failed = await db.backgroundJob.create({
      data: { kind: "projects.reminders", partnershipId: partnership.id, state: "FAILED", attempts: 5, maxAttempts: 5, lastError: "The email server did not answer." },
    });
    const retrying = await db.backgroundJob.create({
      data: { kind: "projects.reminders", partnershipId: partnership.id, state: "QUEUED", attempts: 2, maxAttempts: 5, lastError: "Still down.", runAfter: new Date(now + hour) },
    });
    const finished = await db.backgroundJob.create({ data: { kind: "projects.reminders", partnershipId: partnership.id, state: "SUCCEEDED", attempts: 1 } });
    const theirs = await db.backgroundJob.create({ data: { kind: "projects.reminders", partnershipId: elsewhere.id, state: "FAILED", attempts: 1, maxAttempts: 1, lastError: "Not yours." } });
    // Tandem-wide: the digest's latest slot failed; the reminders failed once, then succeeded.
    const digest = await db.backgroundJob.create({
      data: { kind: "notifications.digest", state: "FAILED", attempts: 3, maxAttempts: 3, lastError: "2 notification emails could not be sent.", runAfter: new Date(now + 2 * hour) },
    });
    await db.backgroundJob.create({ data: { kind: "projects.reminders", state: "FAILED", attempts: 5, maxAttempts: 5, lastError: "Old.", runAfter: new Date(now + hour) } });
    await db.backgroundJob.create({ data: { kind: "projects.reminders", state: "SUCCEEDED", attempts: 1, runAfter: new Date(now + 1.5 * hour) } });

    const shown = await callerFor(db, officer).job.failing({ partnershipSlug: partnership.slug });
    expect(shown.map((job) => [job.id, job.status, job.scope, job.canRetry])).toEqual([
      [retrying.id, "retrying", "partnership", false],
      [failed.id, "failed", "partnership", true],
      [digest.id, "failed", "installation", false],
    ]);
    expect(shown[1]).toMatchObject({ label: "Reminding project teams of progress updates due", reason: "The email server did not answer.", attempts: 5 });
    expect(shown[0]?.nextTryAt?.getTime()).toBe(now + hour);
    expect(shown[2]).toMatchObject({ label: "Sending notification emails", reason: "2 notification emails could not be sent." });

    await expectFailure(callerFor(db, member).job.failing({ partnershipSlug: partnership.slug }), "FORBIDDEN");
    await expectFailure(callerFor(db, officer).job.retry({ partnershipSlug: partnership.slug, jobId: theirs.id }), "NOT_FOUND");
    await expectFailure(callerFor(db, officer).job.retry({ partnershipSlug: partnership.slug, jobId: finished.id }), "CONFLICT", "That task has already finished.");
    await expectFailure(callerFor(db, officer).job.retry({ partnershipSlug: partnership.slug, jobId: digest.id }), "NOT_FOUND");

    expect(await callerFor(db, officer).job.retry({ partnershipSlug: partnership.slug, jobId: failed.id })).toEqual({ retried: true });
    expect(await db.backgroundJob.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ state: "QUEUED", attempts: 0 });
    await expectFailure(callerFor(db, officer).job.retry({ partnershipSlug: partnership.slug, jobId: failed.id }), "CONFLICT", "That task is already waiting to run or running.");
    const after = await callerFor(db, officer).job.failing({ partnershipSlug: partnership.slug });
    expect(after.map((job) => job.id)).toEqual([retrying.id, digest.id]);
  });
});
