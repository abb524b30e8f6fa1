import type { Env } from "@/server/env";

/**
 * How long Tandem keeps records that stop being useful, in one description read by both
 * the daily purge (purge.ts) and the privacy notice, so what the notice promises is what
 * the purge does. Periods come from configuration (TANDEM_RETAIN_*).
 *
 * Records a partnership must keep (ledger, awards, decisions, scores, the audit trail,
 * proposals and projects) are not here: they are kept for the life of the partnership.
 */
export type RetentionRule = {
  key: "signInLinks" | "endedSessions" | "outbox" | "readNotifications" | "endedInvitations" | "finishedJobs" | "dataExports" | "abandonedUploads";
  /** What is purged, as the privacy notice says it. */
  what: string;
  /** From when the period counts. */
  after: string;
  days: number;
};

export function retentionRules(env: Pick<Env,
  | "TANDEM_RETAIN_SIGN_IN_LINKS_DAYS"
  | "TANDEM_RETAIN_ENDED_SESSIONS_DAYS"
  | "TANDEM_RETAIN_OUTBOX_DAYS"
  | "TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS"
  | "TANDEM_RETAIN_ENDED_INVITATIONS_DAYS"
  | "TANDEM_RETAIN_FINISHED_JOBS_DAYS"
  | "TANDEM_RETAIN_DATA_EXPORTS_DAYS"
  | "TANDEM_RETAIN_ABANDONED_UPLOADS_DAYS"
>): RetentionRule[] {
  return [
    { key: "signInLinks", what: "Sign-in links sent by email", after: "the link expires (an hour after it is sent)", days: env.TANDEM_RETAIN_SIGN_IN_LINKS_DAYS },
    { key: "endedSessions", what: "Signed-in sessions (which device and when)", after: "the session ends", days: env.TANDEM_RETAIN_ENDED_SESSIONS_DAYS },
    { key: "outbox", what: "Copies of emails kept by a test or demonstration installation", after: "the email was written", days: env.TANDEM_RETAIN_OUTBOX_DAYS },
    { key: "readNotifications", what: "Notifications you have read", after: "you read them", days: env.TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS },
    { key: "endedInvitations", what: "Invitations that were never accepted (with the email address they went to)", after: "they expire or are withdrawn", days: env.TANDEM_RETAIN_ENDED_INVITATIONS_DAYS },
    { key: "finishedJobs", what: "Records of finished background tasks (which may name the people a task was for)", after: "the task finished", days: env.TANDEM_RETAIN_FINISHED_JOBS_DAYS },
    { key: "dataExports", what: "Copies of your data you asked for on your account page", after: "the copy is ready", days: env.TANDEM_RETAIN_DATA_EXPORTS_DAYS },
    {
      key: "abandonedUploads",
      what: "Parts of files whose upload never finished (a closed browser, a lost connection)",
      after: "the upload started",
      days: env.TANDEM_RETAIN_ABANDONED_UPLOADS_DAYS,
    },
  ];
}

/** "1 day", "30 days", or "as soon as" for 0. */
export function retentionPeriodText(rule: Pick<RetentionRule, "days" | "after">): string {
  if (rule.days === 0) return `Deleted on the next daily clear-out after ${rule.after}`;
  return `${rule.days} ${rule.days === 1 ? "day" : "days"} after ${rule.after}`;
}
