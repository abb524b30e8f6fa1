/**
 * Measures the API calls behind the signed-in home page and the health check, through
 * the real tRPC HTTP handler (policy, database session lookup, queries) against the demo
 * data on a real PostgreSQL. Prints figures; asserts nothing.
 *
 *   npm run bench:api                  # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=... npm run bench:api # an existing server (creates and drops a database)
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { DEMO_PEOPLE } from "../../prisma/seed/demo-data";
import { seedDemoData } from "../../prisma/seed/seed-demo";
import { appRouter } from "../../server/api/root";
import { createSession, resolveActor } from "../../server/auth/session";
import { checkHealth } from "../../server/domain/system/health";
import { withScratchDatabase } from "./scratch-database";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);


async function measure(name: string, run: () => Promise<void>) {
  for (let i = 0; i < 50; i++) await run(); // warm up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ITERATIONS) {
        next += 1;
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2);
  console.log(
    `${name.padEnd(34)} ${String(latencies.length).padStart(6)} calls  ${(latencies.length / elapsed).toFixed(0).padStart(6)}/s  ` +
      `p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms`,
  );
}

async function main() {
  await withScratchDatabase(async (db) => {
    await seedDemoData(db);
    const person = DEMO_PEOPLE.find((p) => Object.keys(p.memberships).length > 1)!;
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email } });
    const { sessionToken } = await createSession(db, user.id);

    console.log(`Tandem API benchmark: ${ITERATIONS} calls each, ${CONCURRENCY} at a time, Node ${process.version}, ${os.cpus().length} cores\n`);
    await measure("partnership.mine over HTTP handler", async () => {
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request("http://localhost/api/trpc/partnership.mine"),
        router: appRouter,
        createContext: async () => ({ db: db, actor: await resolveActor(db, sessionToken) }),
      });
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      await response.arrayBuffer();
    });
    await measure("partnership.overview (Leeds, 19 loc.)", async () => {
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(
          `http://localhost/api/trpc/partnership.overview?input=${encodeURIComponent(JSON.stringify({ json: { partnershipSlug: "leeds-lcps" } }))}`,
        ),
        router: appRouter,
        createContext: async () => ({ db: db, actor: await resolveActor(db, sessionToken) }),
      });
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      await response.arrayBuffer();
    });
    await measure("health check", async () => {
      const report = await checkHealth(db);
      if (report.status !== "ok") throw new Error("unhealthy");
    });
  }, CONCURRENCY);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
