import type { Database } from "@/server/db/client";
import type { BackgroundJob, Prisma } from "@/server/db/generated/client";

/**
 * The job queue's rules, on the BackgroundJob table. Every instance works from the same
 * table: a job is claimed with FOR UPDATE SKIP LOCKED (two instances never take the same
 * one), held under a lease (a job whose instance died is claimed again when the lease runs
 * out), and finished only by the instance that holds it.
 *
 *   QUEUED ──claim──▶ RUNNING ──succeed──▶ SUCCEEDED
 *     ▲                  │
 *     └──retry (backoff)─┤ fail, attempts left
 *                        └──fail, last attempt──▶ FAILED ──retry by an officer──▶ QUEUED
 */

export type JobState = BackgroundJob["state"];

export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  QUEUED: ["RUNNING"],
  RUNNING: ["SUCCEEDED", "QUEUED", "FAILED"],
  SUCCEEDED: [],
  FAILED: ["QUEUED"],
};

/** How long an instance may hold a job before another may take it over. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Wait before attempt n+1 after n failures: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 60 * 60_000);
}

export type NewJob = {
  kind: string;
  payload?: Prisma.InputJsonValue;
  /** Queue at most one job with this key (a schedule's slot, or one job per thing). */
  onceKey?: string;
  partnershipId?: string | null;
  runAfter?: Date;
  maxAttempts?: number;
};

/**
 * Queues a job. With a `onceKey` that is already queued (or ran), nothing new is queued and
 * the existing job is returned, so two instances (or two clicks) asking at once make one job.
 */
export async function enqueueJob(db: Database | Prisma.TransactionClient, job: NewJob): Promise<{ job: BackgroundJob; created: boolean }> {
  const data = {
    kind: job.kind,
    payload: job.payload ?? {},
    onceKey: job.onceKey ?? null,
    partnershipId: job.partnershipId ?? null,
    runAfter: job.runAfter ?? new Date(),
    maxAttempts: job.maxAttempts ?? 5,
  };
  if (!job.onceKey) return { job: await db.backgroundJob.create({ data }), created: true };
  const inserted = await db.backgroundJob.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (inserted[0]) return { job: inserted[0], created: true };
  const existing = await db.backgroundJob.findUniqueOrThrow({ where: { onceKey: job.onceKey } });
  return { job: existing, created: false };
}

/**
 * Takes the next job that is due (or whose holder's lease ran out) for this instance, or
 * null when there is none. A job taken over after a crash counts that attempt: one that has
 * used every attempt is marked FAILED here instead of run again.
 */
export async function claimNextJob(
  db: Database,
  options: { workerId: string; now?: Date; kinds: readonly string[]; leaseMs?: number },
): Promise<BackgroundJob | null> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  if (options.kinds.length === 0) return null;
  for (;;) {
    const rows = await db.$queryRaw<BackgroundJob[]>`
      UPDATE "BackgroundJob" SET
        "state" = CASE WHEN "attempts" >= "maxAttempts" THEN 'FAILED'::"JobState" ELSE 'RUNNING'::"JobState" END,
        "attempts" = LEAST("attempts" + 1, "maxAttempts"),
        "lockedBy" = CASE WHEN "attempts" >= "maxAttempts" THEN NULL ELSE ${options.workerId}::text END,
        "lockedUntil" = CASE WHEN "attempts" >= "maxAttempts" THEN NULL ELSE ${leaseUntil}::timestamp(3) END,
        "lastError" = CASE WHEN "attempts" >= "maxAttempts" THEN 'Stopped without finishing on its last attempt.' ELSE "lastError" END,
        "finishedAt" = CASE WHEN "attempts" >= "maxAttempts" THEN ${now}::timestamp(3) ELSE NULL END,
        "startedAt" = ${now}::timestamp(3)
      WHERE "id" = (
        SELECT "id" FROM "BackgroundJob"
        WHERE "kind" = ANY(${options.kinds as string[]}::text[])
          AND (("state" = 'QUEUED' AND "runAfter" <= ${now}::timestamp(3)) OR ("state" = 'RUNNING' AND "lockedUntil" < ${now}::timestamp(3)))
        ORDER BY "runAfter", "createdAt"
        FOR UPDATE SKIP LOCKED
        LIMIT 1
      )
      RETURNING *`;
    const job = rows[0];
    if (!job) return null;
    if (job.state === "RUNNING") return job;
    // It had used every attempt: now FAILED; look for another.
  }
}

/** Records how far a running job has got; false when this instance no longer holds it. */
export async function reportJobProgress(db: Database, job: Pick<BackgroundJob, "id">, workerId: string, progress: Prisma.InputJsonValue): Promise<boolean> {
  const { count } = await db.backgroundJob.updateMany({ where: { id: job.id, state: "RUNNING", lockedBy: workerId }, data: { progress } });
  return count === 1;
}

export async function completeJob(
  db: Database,
  job: Pick<BackgroundJob, "id">,
  workerId: string,
  result: Prisma.InputJsonValue | undefined,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.backgroundJob.updateMany({
    where: { id: job.id, state: "RUNNING", lockedBy: workerId },
    data: { state: "SUCCEEDED", result: result ?? {}, lockedBy: null, lockedUntil: null, lastError: null, finishedAt: now },
  });
  return count === 1;
}

/**
 * A run failed: try again after a growing wait, or, after the last attempt, mark it FAILED
 * for officers to see. `message` is shown to them, so it names what went wrong in plain
 * words and carries no personal data.
 */
export async function failJob(
  db: Database,
  job: Pick<BackgroundJob, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  message: string,
  now = new Date(),
): Promise<"retrying" | "failed" | "lost"> {
  const last = job.attempts >= job.maxAttempts;
  const { count } = await db.backgroundJob.updateMany({
    where: { id: job.id, state: "RUNNING", lockedBy: workerId },
    data: last
      ? { state: "FAILED", lockedBy: null, lockedUntil: null, lastError: message, finishedAt: now }
      : { state: "QUEUED", lockedBy: null, lockedUntil: null, lastError: message, runAfter: new Date(now.getTime() + retryDelayMs(job.attempts)) },
  });
  if (count !== 1) return "lost";
  return last ? "failed" : "retrying";
}

/** An officer asks for a FAILED job to be tried again: it gets a fresh set of attempts. */
export async function retryFailedJob(db: Database, jobId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.backgroundJob.updateMany({
    where: { id: jobId, state: "FAILED" },
    data: { state: "QUEUED", attempts: 0, runAfter: now, finishedAt: null },
  });
  return count === 1;
}
