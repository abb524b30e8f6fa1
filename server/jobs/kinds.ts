import type { Database } from "@/server/db/client";
import type { BackgroundJob, Prisma } from "@/server/db/generated/client";
import { sendBatchInvitations } from "@/server/domain/imports/member-import";
import { sendDueDigests } from "@/server/domain/notifications/digest";
import { sendProjectReminders } from "@/server/domain/projects/reminders";
import type { Env } from "@/server/env";

/** What a job's code gets: the database, configuration, the job, and a way to say how far it has got. */
export type JobContext = {
  db: Database;
  env: Env;
  job: BackgroundJob;
  now: Date;
  reportProgress: (progress: { done: number; total: number }) => Promise<void>;
};

/**
 * A failure an officer can act on, in plain words. Any other error is logged in full and
 * shown to officers only as "went wrong", because its message may hold personal data.
 */
export class JobFailure extends Error {}

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
  "invitations.batch": {
    label: "Sending the invitations of a spreadsheet import",
    maxAttempts: 5,
    run: async (context) => sendBatchInvitations(context),
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
