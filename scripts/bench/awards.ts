/**
 * Measures money movements under contention: many officers awarding grants from one
 * fund at once, every award serialised by the fund's row lock in PostgreSQL. Prints
 * awards per second and latency percentiles per concurrency level; asserts nothing,
 * except that the fund's balances still equal its ledger afterwards.
 *
 *   npm run bench:awards                  # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=... npm run bench:awards # an existing server (creates and drops a database)
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { awardGrant } from "../../server/domain/funding/awards";
import type { Database } from "../../server/db/client";
import { createFund, fundBalances } from "../../server/domain/funding/funds";
import { withScratchDatabase } from "./scratch-database";

const AWARDS = Number(process.env.BENCH_AWARDS ?? 1000);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);


async function run(db: Database, concurrency: number) {
  const partnership = await db.partnership.create({
    data: { slug: `bench-${randomUUID().slice(0, 8)}`, name: "Bench", kind: "STRATEGIC_PLANNING_GROUP" },
  });
  const user = await db.user.create({ data: { email: `${randomUUID()}@bench.example` } });
  const actor = { userId: user.id, name: null, email: user.email, organisationId: null };
  // Enough money for 90% of the awards, so the last ones are refused by the database.
  const fund = await createFund(db, actor, partnership.id, { name: "Bench fund", source: "Bench", financialYear: "2021/22", totalPence: Math.floor(AWARDS * 0.9) * 5_000 });
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < AWARDS) {
        next += 1;
        const t0 = performance.now();
        try {
          await awardGrant(db, actor, partnership.id, {
            fundId: fund.id,
            projectName: "Bench project",
            recipientName: "Bench charity",
            amountPence: 5_000,
            tranches: [{ amountPence: 5_000, dueOn: new Date() }],
            idempotencyKey: randomUUID(),
          });
        } catch {
          refused += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const balances = await fundBalances(db, fund.id);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `concurrency ${String(concurrency).padStart(3)}: ${(latencies.length / seconds).toFixed(0).padStart(5)} requests/s, ` +
      `${AWARDS - refused} awarded, ${refused} refused, p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms; ` +
      `balances equal ledger: ${balances.committedPence === balances.ledgerCommittedPence && balances.committedPence <= balances.totalPence}`,
  );
}

async function main() {
  await withScratchDatabase(async (db) => {
    console.log(`Tandem award benchmark: ${AWARDS} awards of £50 per level against one fund, Node ${process.version}, ${os.cpus().length} cores\n`);
    for (const level of LEVELS) await run(db, level);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
