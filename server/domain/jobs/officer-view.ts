import type { Database } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import { JOB_KINDS, jobLabel } from "@/server/jobs/kinds";
import { retryFailedJob } from "@/server/jobs/queue";

/**
 * What officers see of the background work: jobs that keep failing. A partnership's own
 * jobs (work it asked for) are listed one by one and may be tried again; Tandem-wide jobs
 * (the email digest, reminders: the kinds this version runs) are shown by kind while their latest run failed, for the
 * officer to pass on to whoever runs the installation.
 */
export type FailingJob = {
  id: string;
  label: string;
  /** "failed": gave up; "retrying": failed at least twice and will be tried again. */
  status: "failed" | "retrying";
  reason: string;
  attempts: number;
  maxAttempts: number;
  lastTriedAt: Date | null;
  nextTryAt: Date | null;
  scope: "partnership" | "installation";
  canRetry: boolean;
};

const SHOWN = 20;

export async function failingJobs(db: Database, partnershipId: string): Promise<FailingJob[]> {
  const [own, installation] = await Promise.all([
    db.backgroundJob.findMany({
      where: { partnershipId, OR: [{ state: "FAILED" }, { state: "QUEUED", attempts: { gte: 2 }, lastError: { not: null } }] },
      orderBy: [{ createdAt: "desc" }],
      take: SHOWN,
    }),
    // The latest finished (or retrying) run of each Tandem-wide kind: shown only while it is a failure.
    db.$queryRaw<{ id: string; kind: string; state: "FAILED" | "QUEUED" | "SUCCEEDED"; lastError: string | null; attempts: number; maxAttempts: number; startedAt: Date | null; runAfter: Date }[]>`
      SELECT DISTINCT ON ("kind") "id", "kind", "state"::text AS "state", "lastError", "attempts", "maxAttempts", "startedAt", "runAfter"
      FROM "BackgroundJob"
      WHERE "partnershipId" IS NULL AND "kind" = ANY(${Object.keys(JOB_KINDS)}::text[]) AND ("state" IN ('FAILED', 'SUCCEEDED') OR ("state" = 'QUEUED' AND "attempts" >= 2))
      ORDER BY "kind", "runAfter" DESC, "createdAt" DESC`,
  ]);
  const row = (
    job: { id: string; kind: string; state: string; lastError: string | null; attempts: number; maxAttempts: number; startedAt: Date | null; runAfter: Date },
    scope: FailingJob["scope"],
  ): FailingJob => ({
    id: job.id,
    label: jobLabel(job.kind),
    status: job.state === "FAILED" ? "failed" : "retrying",
    reason: job.lastError ?? "It did not finish.",
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastTriedAt: job.startedAt,
    nextTryAt: job.state === "QUEUED" ? job.runAfter : null,
    scope,
    canRetry: scope === "partnership" && job.state === "FAILED",
  });
  return [
    ...own.map((job) => row(job, "partnership")),
    ...installation.filter((job) => job.state !== "SUCCEEDED").map((job) => row(job, "installation")),
  ];
}

/** An officer asks for one of their partnership's failed jobs to be tried again. */
export async function retryPartnershipJob(db: Database, partnershipId: string, jobId: string): Promise<{ retried: true }> {
  const job = await db.backgroundJob.findFirst({ where: { id: jobId, partnershipId }, select: { state: true } });
  if (!job) throw notFound("That task");
  if (job.state !== "FAILED") {
    throw new AppError("CONFLICT", job.state === "SUCCEEDED" ? "That task has already finished." : "That task is already waiting to run or running.");
  }
  if (!(await retryFailedJob(db, jobId))) throw new AppError("CONFLICT", "That task is already waiting to run or running.");
  return { retried: true };
}
