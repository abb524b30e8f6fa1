import type { Database } from "@/server/db/client";
import type { Env } from "@/server/env";
import { retentionRules, type RetentionRule } from "./policy";

/** Rows deleted per statement, so a large backlog never holds long locks. */
const BATCH = 5_000;

export type PurgeResult = Record<RetentionRule["key"], number>;

const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes what has outlived its retention period (policy.ts). Safe to run from several
 * instances at once: each batch takes its rows with FOR UPDATE SKIP LOCKED, so two purges
 * share the work instead of waiting on or failing over each other, and a row is only ever
 * deleted once. Only expired rows match; nothing a partnership must keep is touched.
 */
export async function purgeExpired(db: Database, env: Env, now: Date = new Date()): Promise<PurgeResult> {
  const rules = Object.fromEntries(retentionRules(env).map((rule) => [rule.key, rule])) as Record<RetentionRule["key"], RetentionRule>;
  const before = (key: RetentionRule["key"]) => new Date(now.getTime() - rules[key].days * DAY_MS);
  const idleBefore = new Date(before("endedSessions").getTime() - env.TANDEM_SESSION_IDLE_MINUTES * 60_000);

  const inBatches = async (deleteBatch: () => Promise<number>) => {
    let total = 0;
    for (;;) {
      const count = await deleteBatch();
      total += count;
      if (count < BATCH) return total;
    }
  };

  return {
    signInLinks: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "VerificationToken" WHERE "token" IN (
          SELECT "token" FROM "VerificationToken" WHERE "expires" < ${before("signInLinks")}::timestamp(3)
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    // A session ends at its absolute expiry or after TANDEM_SESSION_IDLE_MINUTES unused.
    endedSessions: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "Session" WHERE "id" IN (
          SELECT "id" FROM "Session"
          WHERE "expires" < ${before("endedSessions")}::timestamp(3) OR "lastUsedAt" < ${idleBefore}::timestamp(3)
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    outbox: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "OutboxEmail" WHERE "id" IN (
          SELECT "id" FROM "OutboxEmail" WHERE "createdAt" < ${before("outbox")}::timestamp(3)
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    readNotifications: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "Notification" WHERE "id" IN (
          SELECT "id" FROM "Notification" WHERE "readAt" < ${before("readNotifications")}::timestamp(3)
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    // Accepted invitations stay: they record how a member joined.
    endedInvitations: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "Invitation" WHERE "id" IN (
          SELECT "id" FROM "Invitation"
          WHERE "acceptedAt" IS NULL
            AND ("expiresAt" < ${before("endedInvitations")}::timestamp(3) OR "revokedAt" < ${before("endedInvitations")}::timestamp(3))
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    // Failed tasks stay until an officer has seen them and tried again.
    finishedJobs: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "BackgroundJob" WHERE "id" IN (
          SELECT "id" FROM "BackgroundJob" WHERE "state" = 'SUCCEEDED' AND "finishedAt" < ${before("finishedJobs")}::timestamp(3)
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    // A ready copy goes at its expiry (set from the same period when it was made); one that
    // never became ready (failed, or stuck) goes the same period after it was asked for.
    dataExports: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "PersonalDataExport" WHERE "id" IN (
          SELECT "id" FROM "PersonalDataExport"
          WHERE "expiresAt" <= ${now}::timestamp(3) OR ("expiresAt" IS NULL AND "createdAt" < ${before("dataExports")}::timestamp(3))
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
    // Bytes stored in PostgreSQL that no file version points at: an upload that never
    // finished, or one refused after its bytes arrived. Only old ones, so an upload still
    // arriving (or just finished, its version about to be written) is never touched.
    abandonedUploads: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "FileBlob" WHERE "id" IN (
          SELECT b."id" FROM "FileBlob" b
          WHERE b."createdAt" < ${before("abandonedUploads")}::timestamp(3)
            AND NOT EXISTS (SELECT 1 FROM "StoredFileVersion" v WHERE v."storage" = 'POSTGRES' AND (v."blobKey" = b."id" OR v."thumbnailKey" = b."id"))
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    ),
  };
}
