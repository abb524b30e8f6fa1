import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import { describeForLog, log } from "@/server/log";
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Database } from "@/server/db/client";
import type { BackgroundJob } from "@/server/db/generated/client";
import type { Env } from "@/server/env";
import { JOB_KINDS, JobFailure, jobKind, type JobKind } from "./kinds";
import { onJobNudge } from "./nudge";
import { claimNextJob, completeJob, failJob, reportJobProgress } from "./queue";
import { enqueueDueSchedules, SCHEDULES, type Schedule } from "./schedules";

export type RunnerOptions = {
  db: Database;
  env: Env;
  /** Names this instance in the job table while it holds a job. */
  workerId?: string;
  kinds?: Readonly<Record<string, JobKind>>;
  schedules?: readonly Schedule[];
  leaseMs?: number;
  clock?: () => Date;
};

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** The message stored for officers when a job fails: plain words, never an internal error's text. */
export function failureMessage(error: unknown, job: Pick<BackgroundJob, "id">): string {
  if (error instanceof JobFailure) return error.message.slice(0, 500);
  return `Something went wrong while running it. The operations log has the details (job ${job.id}).`;
}

/**
 * With tracing on, each job run is a trace of its own (`job <kind>`, with its database calls
 * under it); looking at the queue every few seconds is not traced, or it would drown the rest.
 */
const tracer = trace.getTracer("tandem.jobs");
const untraced = <T>(run: () => Promise<T>): Promise<T> => context.with(suppressTracing(context.active()), run);

type JobOutcome = "succeeded" | "retrying" | "failed" | "lost";

/** Claims and runs one due job; returns what happened, or null when none was due. */
export async function runNextJob(options: RunnerOptions): Promise<{ job: BackgroundJob; outcome: JobOutcome } | null> {
  const kinds: Readonly<Record<string, JobKind>> = options.kinds ?? JOB_KINDS;
  const workerId = options.workerId ?? newWorkerId();
  const clock = options.clock ?? (() => new Date());
  const job = await untraced(() => claimNextJob(options.db, { workerId, now: clock(), kinds: Object.keys(kinds), leaseMs: options.leaseMs }));
  if (!job) return null;
  return tracer.startActiveSpan(
    `job ${job.kind}`,
    { root: true, attributes: { "tandem.job.kind": job.kind, "tandem.job.id": job.id, "tandem.job.attempt": job.attempts } },
    async (span) => {
      try {
        const outcome = await runClaimedJob(options, kinds, workerId, clock, job);
        span.setAttribute("tandem.job.outcome", outcome);
        if (outcome !== "succeeded") span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        return { job, outcome };
      } finally {
        span.end();
      }
    },
  );
}

async function runClaimedJob(
  options: RunnerOptions,
  kinds: Readonly<Record<string, JobKind>>,
  workerId: string,
  clock: () => Date,
  job: BackgroundJob,
): Promise<JobOutcome> {
  const kind = kinds[job.kind] ?? jobKind(job.kind);
  try {
    if (!kind) throw new JobFailure(`This version of Tandem does not know how to run "${job.kind}".`);
    const result = await kind.run({
      db: options.db,
      env: options.env,
      job,
      now: clock(),
      reportProgress: async (progress) => {
        await reportJobProgress(options.db, job, workerId, progress);
      },
    });
    const done = await completeJob(options.db, job, workerId, result, clock());
    return done ? "succeeded" : "lost";
  } catch (error) {
    if (error instanceof JobFailure) log.warn({ kind: job.kind, jobId: job.id, attempt: job.attempts, reason: error.message }, "background job failed");
    else log.error({ kind: job.kind, jobId: job.id, attempt: job.attempts, err: describeForLog(error) }, "background job failed");
    return failJob(options.db, job, workerId, failureMessage(error, job), clock());
  }
}

/**
 * Works the queue until stopped: queues the schedules' current slots, runs every due job,
 * then waits `pollMs`. Every instance runs one; they share the work through the table.
 */
export function startJobRunner(options: RunnerOptions & { pollMs?: number }): { stop: () => Promise<void>; workerId: string } {
  const workerId = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 5_000;
  let stopped = false;
  let wake: (() => void) | undefined;
  // A nudge while a round of work is under way means "look again" once it is done.
  let nudged = false;
  const stopListening = onJobNudge(() => {
    nudged = true;
    wake?.();
  });

  const loop = (async () => {
    while (!stopped) {
      try {
        await untraced(() => enqueueDueSchedules(options.db, (options.clock ?? (() => new Date()))(), options.schedules ?? SCHEDULES));
        while (!stopped && (await runNextJob({ ...options, workerId }))) {
          // keep going while there is work
        }
      } catch (error) {
        // The database may be restarting: try again next time round.
        log.error({ workerId, err: describeForLog(error) }, "could not reach the job queue");
      }
      if (stopped) break;
      if (nudged) {
        nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      nudged = false;
    }
    stopListening();
  })();

  return {
    workerId,
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
