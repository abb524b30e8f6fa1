import { describeForLog, log } from "@/server/log";
import type { Database } from "@/server/db/client";
import type { NotificationKind } from "@/server/db/generated/enums";
import { sendEmail, type OutgoingEmail } from "@/server/domain/email/send-email";
import { getEnv, type Env } from "@/server/env";
import { configuredOrigin } from "@/server/site-address";

/** Nobody gets more than one digest email in this time. */
export const DIGEST_INTERVAL_MS = 15 * 60 * 1000;

type EmailPreferences = { emailOnJoinRequests: boolean; emailOnDecisions: boolean; emailOnMentions: boolean };

/** Which setting lets each kind of notification out by email (null: always emailed). */
const PREFERENCE_FOR: Record<NotificationKind, keyof EmailPreferences | null> = {
  JOIN_REQUEST: "emailOnJoinRequests",
  JOIN_DECISION: "emailOnDecisions",
  MENTION: "emailOnMentions",
  ROLE_CHANGED: null,
  INVITATION: null,
  CO_AUTHOR_ADDED: null,
  PROPOSAL_COMMENT: "emailOnMentions",
  PROPOSAL_DECISION: "emailOnDecisions",
  ASSESSOR_APPOINTED: null,
  PROJECT_SET_UP: null,
  PROGRESS_UPDATE_SUBMITTED: "emailOnDecisions",
  PROGRESS_UPDATE_REVIEWED: "emailOnDecisions",
  PROGRESS_UPDATE_DUE: null,
  PROJECT_EVALUATED: "emailOnDecisions",
  PROJECT_DECIDED: "emailOnDecisions",
  STORY_SUBMITTED: "emailOnDecisions",
  STORY_MODERATED: "emailOnDecisions",
  STORY_COMMENT: "emailOnMentions",
  EVENT_PLACE_CONFIRMED: null,
  EVENT_CHANGED: null,
  CONNECTION_LOGGED: "emailOnMentions",
  SURVEY_OPENED: "emailOnDecisions",
  MEMBER_LEAVING: null,
  // The person asked for it and may have closed the page.
  DATA_EXPORT_READY: null,
};

export function wantsEmailFor(preferences: EmailPreferences, kind: NotificationKind): boolean {
  const preference = PREFERENCE_FOR[kind];
  return preference === null || preferences[preference];
}

type LockedUser = EmailPreferences & { id: string; email: string; name: string | null; lastDigestSentAt: Date | null };

type DigestItem = {
  id: string;
  title: string;
  body: string | null;
  createdAt: Date;
  partnership: { name: string } | null;
};

/** The digest email: every pending item, each with a link that opens it (and marks it read). */
export function digestEmail(user: { email: string; name: string | null }, items: readonly DigestItem[], env: Env): OutgoingEmail {
  const base = configuredOrigin(env);
  const count = items.length;
  const lines = [
    `Hello ${user.name?.replace(/\s+/g, " ").trim() || "there"},`,
    "",
    count === 1 ? "There is 1 update for you in Tandem:" : `There are ${count} updates for you in Tandem:`,
    "",
  ];
  // One line per fact: text people wrote can never start a line of its own (or fake a link).
  const oneLine = (value: string | null | undefined) => value?.replace(/\s+/g, " ").trim() ?? "";
  for (const item of items) {
    lines.push(`* ${oneLine(item.title)}`);
    const detail = [oneLine(item.partnership?.name), oneLine(item.body)].filter(Boolean).join(" · ");
    if (detail) lines.push(`  ${detail}`);
    lines.push(`  Open it: ${base}/notifications/${item.id}/open`, "");
  }
  lines.push(
    `All your notifications: ${base}/notifications`,
    `To choose which updates reach you by email, go to ${base}/account`,
    "",
    "We send at most one email like this every 15 minutes.",
  );
  return { to: user.email, subject: `Tandem: ${count} ${count === 1 ? "update" : "updates"}`, text: lines.join("\n") };
}

export type DigestOutcome = "sent" | "nothing-due" | "waiting" | "busy" | "failed";

/**
 * One person's digest, in a transaction that holds their user row (FOR UPDATE SKIP LOCKED):
 * a second run at the same moment skips them rather than waiting, and a run after this one
 * commits finds their notifications already marked, so nothing is ever emailed twice.
 *
 * - notifications they opted out of, or have already read in Tandem, are marked emailed without an email;
 * - if they had a digest less than 15 minutes ago, the rest wait for the next run;
 * - otherwise one email lists them all, and they are marked emailed.
 *
 * The email is sent last, inside the transaction: if sending fails, nothing is marked and
 * the next run tries again.
 */
async function sendDigestTo(db: Database, userId: string, now: Date, env: Env): Promise<{ outcome: DigestOutcome; emailed: number }> {
  return db.$transaction(
    async (tx) => {
      const [user] = await tx.$queryRaw<LockedUser[]>`
        SELECT "id", "email", "name", "emailOnJoinRequests", "emailOnDecisions", "emailOnMentions", "lastDigestSentAt"
        FROM "User" WHERE "id" = ${userId}
        FOR UPDATE SKIP LOCKED`;
      if (!user) return { outcome: "busy" as const, emailed: 0 };

      const pending = await tx.notification.findMany({
        where: { userId, emailedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          title: true,
          body: true,
          readAt: true,
          createdAt: true,
          partnership: { select: { name: true } },
        },
      });
      const due = pending.filter((item) => item.readAt === null && wantsEmailFor(user, item.kind));
      const dueIds = new Set(due.map((item) => item.id));
      const notDue = pending.filter((item) => !dueIds.has(item.id)).map((item) => item.id);
      if (notDue.length > 0) {
        await tx.notification.updateMany({ where: { id: { in: notDue } }, data: { emailedAt: now } });
      }
      if (due.length === 0) return { outcome: "nothing-due" as const, emailed: 0 };
      if (user.lastDigestSentAt && now.getTime() - user.lastDigestSentAt.getTime() < DIGEST_INTERVAL_MS) {
        return { outcome: "waiting" as const, emailed: 0 };
      }

      await tx.notification.updateMany({ where: { id: { in: [...dueIds] } }, data: { emailedAt: now } });
      await tx.user.update({ where: { id: user.id }, data: { lastDigestSentAt: now } });
      await sendEmail(db, digestEmail(user, due, env), env);
      return { outcome: "sent" as const, emailed: due.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export type DigestRun = { emailsSent: number; notificationsEmailed: number; waiting: number; busy: number; failed: number };

/**
 * Sends every digest that is due. Safe to run from several app instances or cron jobs at
 * once. One person's failure (e.g. SMTP refusing an address) does not stop the others.
 */
export async function sendDueDigests(db: Database, now: Date = new Date(), env: Env = getEnv()): Promise<DigestRun> {
  const run: DigestRun = { emailsSent: 0, notificationsEmailed: 0, waiting: 0, busy: 0, failed: 0 };
  const people = await db.notification.groupBy({ by: ["userId"], where: { emailedAt: null }, orderBy: { userId: "asc" } });
  for (const { userId } of people) {
    try {
      const { outcome, emailed } = await sendDigestTo(db, userId, now, env);
      if (outcome === "sent") {
        run.emailsSent += 1;
        run.notificationsEmailed += emailed;
      } else if (outcome === "waiting") run.waiting += 1;
      else if (outcome === "busy") run.busy += 1;
    } catch (error) {
      run.failed += 1;
      log.error({ userId, err: describeForLog(error) }, "could not send a notification digest");
    }
  }
  return run;
}
