/**
 * Reminds project teams about progress updates that are due soon or overdue, then sends
 * the notification email digests that are due (the reminders among them), then exits.
 * Tandem runs this itself on a schedule (server/jobs); run it by hand to send them now:
 *
 *   node --import tsx scripts/send-digests.ts
 *
 * It reads the same configuration as Tandem (DATABASE_URL, SMTP_URL, EMAIL_FROM,
 * NEXTAUTH_URL for the links). Without DATABASE_URL it uses the embedded PostgreSQL of a
 * running Tandem on EMBEDDED_PG_PORT. Each person gets at most one email every 15
 * minutes; running it more often, or on several machines at once, never sends twice
 * (each reminder is also sent once only).
 */
import { createDatabaseClient } from "../server/db/client";
import { sendDueDigests } from "../server/domain/notifications/digest";
import { sendProjectReminders } from "../server/domain/projects/reminders";
import { EnvError, parseEnv } from "../server/env";

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // The embedded server's fixed credentials (server/db/embedded.ts) and database name.
  const url = env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/tandem`;
  const db = createDatabaseClient(url, { poolSize: 2 });
  try {
    const now = new Date();
    // A failure here must not hold back the digests: the reminders not sent are tried next run.
    let remindersFailed = false;
    try {
      const reminded = await sendProjectReminders(db, now);
      console.log(
        `[reminders] teams told of ${reminded.dueSoon} progress ${reminded.dueSoon === 1 ? "update" : "updates"} due soon ` +
          `and ${reminded.overdue} overdue`,
      );
    } catch (error) {
      remindersFailed = true;
      console.error("[reminders] could not send the progress update reminders", error);
    }
    const run = await sendDueDigests(db, now, env);
    console.log(
      `[digest] ${run.emailsSent} ${run.emailsSent === 1 ? "email" : "emails"} sent (${run.notificationsEmailed} notifications); ` +
        `${run.waiting} waiting for their 15 minutes, ${run.busy} handled by another run, ${run.failed} failed`,
    );
    process.exitCode = run.failed > 0 || remindersFailed ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
