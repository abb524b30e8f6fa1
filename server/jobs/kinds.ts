import type { Database } from "@/server/db/client";
import type { BackgroundJob, Prisma } from "@/server/db/generated/client";
import { CALENDAR_INVITATION_JOB, calendarInvitationPayload, sendCalendarInvitation } from "@/server/domain/events/calendar-invitations";
import { runErasureJob } from "@/server/domain/personal-data/erasure";
import { NETWORKING_PLAN_ATTEMPTS, NETWORKING_PLAN_JOB, planNetworkingJob } from "@/server/domain/events/networking";
import { sendBatchInvitations } from "@/server/domain/imports/member-import";
import { sendDueDigests } from "@/server/domain/notifications/digest";
import { sendProjectReminders } from "@/server/domain/projects/reminders";
import { buildDataExport, DATA_EXPORT_JOB, failDataExport } from "@/server/domain/personal-data/export";
import { purgeExpired } from "@/server/domain/retention/purge";
import type { Env } from "@/server/env";
import { JobFailure } from "./failure";

/** What a job's code gets: the database, configuration, the job, and a way to say how far it has got. */
export type JobContext = {
  db: Database;
  env: Env;
  job: BackgroundJob;
  now: Date;
  reportProgress: (progress: { done: number; total: number }) => Promise<void>;
};

export { JobFailure };

export type JobKind = {
  /** Shown to officers beside a job that keeps failing. */
  label: string;
  /** Attempts before it is marked failed. */
  maxAttempts: number;
  run: (context: JobContext) => Promise<Prisma.InputJsonValue | undefined>;
};

export const JOB_KINDS = {
  "notifications.digest": {
    label: "Sending notification emails",
    // The next slot comes five minutes later, so a few quick tries are enough.
    maxAttempts: 3,
    run: async ({ db, env, now }) => {
      const run = await sendDueDigests(db, now, env);
      if (run.failed > 0 && run.emailsSent === 0) {
        throw new JobFailure(
          `${run.failed} notification ${run.failed === 1 ? "email" : "emails"} could not be sent: the email server refused them or did not answer.`,
        );
      }
      return run;
    },
  },
  "projects.reminders": {
    label: "Reminding project teams of progress updates due",
    maxAttempts: 5,
    run: async ({ db, now }) => sendProjectReminders(db, now),
  },
  "retention.purge": {
    label: "Clearing out records past their retention period",
    maxAttempts: 5,
    run: async ({ db, env, now }) => purgeExpired(db, env, now),
  },
  [CALENDAR_INVITATION_JOB]: {
    label: "Emailing calendar invitations for events",
    maxAttempts: 5,
    run: async ({ db, env, job, now }) => {
      const payload = calendarInvitationPayload.safeParse(job.payload);
      if (!payload.success) throw new JobFailure("This calendar invitation job has no valid event, person or method.");
      return sendCalendarInvitation(db, env, payload.data, now);
    },
  },
  "people.erasure": {
    label: "Closing an account and erasing its personal data",
    maxAttempts: 5,
    run: async ({ db, job, now }) => {
      const { requestId } = job.payload as { requestId?: unknown };
      if (typeof requestId !== "string") throw new JobFailure("The task does not say which request to carry out.");
      return runErasureJob(db, requestId, now);
    },
  },
  [NETWORKING_PLAN_JOB]: {
    label: "Planning speed-networking rounds",
    maxAttempts: NETWORKING_PLAN_ATTEMPTS,
    run: async ({ db, job, now, reportProgress }) => planNetworkingJob(db, job, reportProgress, now),
  },
  "invitations.batch": {
    label: "Sending the invitations of a spreadsheet import",
    maxAttempts: 5,
    run: async (context) => sendBatchInvitations(context),
  },
  [DATA_EXPORT_JOB]: {
    label: "Preparing a copy of someone's data for them to download",
    maxAttempts: 3,
    run: async ({ db, env, job, now }) => {
      const exportId = (job.payload as { exportId?: unknown }).exportId;
      if (typeof exportId !== "string") throw new JobFailure("The task does not say which copy of data to prepare.");
      try {
        return await buildDataExport(db, exportId, { now, keepDays: env.TANDEM_RETAIN_DATA_EXPORTS_DAYS });
      } catch (error) {
        // On its last attempt, the person is told it failed and may ask again.
        if (job.attempts >= job.maxAttempts) await failDataExport(db, exportId, now);
        throw error;
      }
    },
  },
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof JOB_KINDS;

export function jobKind(name: string): JobKind | undefined {
  return (JOB_KINDS as Record<string, JobKind>)[name];
}

/** A job kind's label for people, or its name for a kind this version no longer has. */
export function jobLabel(name: string): string {
  return jobKind(name)?.label ?? name;
}
