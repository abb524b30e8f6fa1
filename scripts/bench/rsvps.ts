/**
 * Measures RSVPs under contention: many people answering one event at the same moment
 * (a popular breakfast opening), every answer serialised by the event's row lock. Then a
 * burst of cancellations, each promoting the next person on the waiting list. Prints
 * answers per second and latency percentiles per concurrency level; asserts nothing,
 * except that the event never has more people going than places.
 *
 *   npm run bench:rsvps                  # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=... npm run bench:rsvps # an existing server (creates and drops a database)
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "../../server/auth/session";
import type { Database } from "../../server/db/client";
import { cancelRsvp, rsvpToEvent } from "../../server/domain/events/rsvp";
import { withScratchDatabase } from "./scratch-database";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 400);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 150);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);

function percentiles(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`;
}

/** Runs `work` for every item with `concurrency` workers; returns latencies and failures. */
async function burst<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next]!;
        next += 1;
        const t0 = performance.now();
        try {
          await work(item);
        } catch {
          failed += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, failed, seconds: (performance.now() - started) / 1000 };
}

async function run(db: Database, people: readonly Actor[], partnershipId: string, creatorId: string, concurrency: number) {
  const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const event = await db.event.create({
    data: {
      partnershipId,
      kind: "NETWORKING_BREAKFAST",
      title: "Bench breakfast",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
      venueName: "Bench hall",
      capacity: CAPACITY,
      createdById: creatorId,
    },
  });
  const answers = await burst(people, concurrency, (actor) => rsvpToEvent(db, actor, event.id));
  const leaving = people.slice(0, Math.min(50, CAPACITY));
  const cancellations = await burst(leaving, concurrency, (actor) => cancelRsvp(db, actor, event.id));
  const going = await db.eventRsvp.count({ where: { eventId: event.id, status: "GOING" } });
  const waiting = await db.eventRsvp.count({ where: { eventId: event.id, status: "WAITING" } });
  console.log(
    `concurrency ${String(concurrency).padStart(3)}: RSVPs ${(people.length / answers.seconds).toFixed(0).padStart(4)}/s (${percentiles(answers.latencies)}, ${answers.failed} failed); ` +
      `cancellations with promotion ${(leaving.length / cancellations.seconds).toFixed(0).padStart(4)}/s (${percentiles(cancellations.latencies)}, ${cancellations.failed} failed); ` +
      `going ${going}/${CAPACITY}, waiting ${waiting}, within capacity: ${going <= CAPACITY}`,
  );
}

async function main() {
  await withScratchDatabase(async (db) => {
    const partnership = await db.partnership.create({
      data: { slug: `bench-${randomUUID().slice(0, 8)}`, name: "Bench", kind: "STRATEGIC_PLANNING_GROUP" },
    });
    const people: Actor[] = [];
    for (let index = 0; index < PEOPLE; index += 1) {
      const user = await db.user.create({ data: { email: `${randomUUID()}@bench.example`, name: `Person ${index}` } });
      await db.membership.create({ data: { partnershipId: partnership.id, userId: user.id, role: "MEMBER" } });
      people.push({ userId: user.id, name: user.name, email: user.email, organisationId: null });
    }
    console.log(
      `Tandem RSVP benchmark: ${PEOPLE} people answer one event of ${CAPACITY} places, then 50 cancel, per level; Node ${process.version}, ${os.cpus().length} cores\n`,
    );
    for (const level of LEVELS) await run(db, people, partnership.id, people[0]!.userId, level);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
