import type { Database } from "@/server/db/client";
import type { JobKindName } from "./kinds";
import { JOB_KINDS } from "./kinds";

/**
 * The jobs Tandem runs on its own, replacing a cron line. Every instance queues each slot;
 * the slot's `onceKey` makes all but the first a no-op, so each runs once in all.
 */
export type Schedule = { kind: JobKindName; everyMinutes: number };

export const SCHEDULES: readonly Schedule[] = [
  // Each person still gets at most one email every 15 minutes (server/domain/notifications/digest.ts).
  { kind: "notifications.digest", everyMinutes: 5 },
  { kind: "projects.reminders", everyMinutes: 60 },
  // Daily, from midnight UTC; the periods are in server/domain/retention/policy.ts.
  { kind: "retention.purge", everyMinutes: 24 * 60 },
];

/** The start of the slot `now` falls in, for a schedule that runs every `everyMinutes`. */
export function slotStart(now: Date, everyMinutes: number): Date {
  const every = everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / every) * every);
}

export function slotKey(kind: string, slot: Date): string {
  return `${kind}@${slot.toISOString()}`;
}

/** Queues the current slot of every schedule that has not been queued yet; returns how many were new. */
export async function enqueueDueSchedules(db: Database, now: Date = new Date(), schedules: readonly Schedule[] = SCHEDULES): Promise<number> {
  const { count } = await db.backgroundJob.createMany({
    data: schedules.map((schedule) => {
      const slot = slotStart(now, schedule.everyMinutes);
      return { kind: schedule.kind, onceKey: slotKey(schedule.kind, slot), runAfter: slot, maxAttempts: JOB_KINDS[schedule.kind].maxAttempts };
    }),
    skipDuplicates: true,
  });
  return count;
}
