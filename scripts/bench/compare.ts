/**
 * `npm run bench`: Tandem's figures at size, each beside a minimal reference where there is
 * one, over real HTTP on one large partnership (scripts/bench/seed-large.ts). Starts the
 * production build (scripts/tandem.ts start; runs `next build` first when there is no build
 * in .next) and the reference (scripts/bench/reference-server.ts) on the same database, then
 * runs each figure (a small module in ./figures): it proves its reference gives the same
 * answer, times both, alternating runs, at concurrency 1, 10 and 50, and the tables show
 * req/s and p50/p95/p99 side by side with the ratios:
 *
 *   project.list    first and deep page, beside the reference server
 *   awards          grant awards from one fund (in-process), beside the same rows in raw SQL
 *   dashboard       the portfolio dashboard page
 *   project-page    a project's page, with its HTML size
 *   projects-page   /p/<slug>/projects beside its own four API calls, batched (project.list of 25 among them)
 *
 * Stops everything and drops the scratch database afterwards. Asserts no timing; a figure
 * whose answers differ, whose ledger no longer equals the balances or whose page answers
 * anything but 200 is listed as failed under the table, and the bench exits 1.
 *
 *   npm run bench                          # 10,000 projects on an embedded PostgreSQL
 *   BENCH_PROJECTS=1000 npm run bench      # the 1,000-project set
 *   BENCH_GROWTH=1 npm run bench           # 1,000 then 10,000 projects (two databases), and the growth between them
 *   BENCH_FIGURES=dashboard,awards …       # only these figures
 *   BENCH_REUSE=1 npm run bench            # keep the seeded databases in .data/bench for the next run
 *   DATABASE_URL=… npm run bench           # an existing server (creates and drops a database)
 *
 * Each side's timed runs go over keep-alive connections opened in its warm-up, and every
 * client sends at least 10 requests per run (figures/measure.ts): a server's steady state.
 *
 * Other settings: BENCH_REQUESTS (requests per timed API run, default 200; pages use a
 * quarter, awards half; page and API runs at least 10 per client), BENCH_ROUNDS (alternating runs of each side per concurrency,
 * default 2), BENCH_PORT (Tandem, default 3301; the reference uses the next port),
 * BENCH_DB_PORT (the kept embedded PostgreSQL, 5701), TANDEM_WORKERS (passed to the launcher).
 * Background jobs are off (TANDEM_JOBS=off) so reminders for the seeded reports do not run mid-measurement.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "../lib/prisma-cli";
import { awardsFigure } from "./figures/awards";
import { dashboardFigure, projectPageFigure, projectsPageFigure } from "./figures/pages";
import { projectListFigure } from "./figures/project-list";
import type { Figure, FigureContext, FigureRow } from "./figures/types";
import { withScratchDatabase } from "./scratch-database";
import { ensureBuild, startProcess, stopProcess, waitForHealth, type Server } from "./server-process";
import { existingLargeWorld, seedLarge, type LargeWorld } from "./seed-large";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REUSE = process.env.BENCH_REUSE === "1";
const TANDEM_PORT = Number(process.env.BENCH_PORT ?? 3301);
const REFERENCE_PORT = TANDEM_PORT + 1;
const CONCURRENCIES = [1, 10, 50];
const GROWTH = process.env.BENCH_GROWTH === "1";
const FIGURES: Figure[] = [projectListFigure, awardsFigure, dashboardFigure, projectPageFigure, projectsPageFigure];
const CHOSEN = process.env.BENCH_FIGURES
  ? process.env.BENCH_FIGURES.split(",").map((name) => {
      const figure = FIGURES.find((candidate) => candidate.name === name.trim());
      if (!figure) throw new Error(`BENCH_FIGURES: no figure "${name}" (there are ${FIGURES.map((candidate) => candidate.name).join(", ")})`);
      return figure;
    })
  : FIGURES;
const POOL_SIZE = 10; // both sides: Tandem's default DATABASE_POOL_SIZE

const log = (message: string) => console.log(`[bench] ${message}`);

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const perSecond = (value: number) => value.toFixed(value < 10 ? 1 : 0);

function markdown(header: string[], lines: string[][]): string {
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function table(rows: FigureRow[]): string {
  const header = ["request", "at once", "Tandem req/s", "p50", "p95", "p99", "beside", "req/s", "p50", "p95", "p99", "throughput ratio", "p95 ratio", "note"];
  return markdown(
    header,
    rows.map((row) => {
      const reference = row.reference;
      return [
        row.request,
        String(row.concurrency),
        perSecond(row.tandem.perSecond),
        ms(row.tandem.p50),
        ms(row.tandem.p95),
        ms(row.tandem.p99),
        reference ? row.referenceName ?? "reference" : "—",
        reference ? perSecond(reference.perSecond) : "",
        reference ? ms(reference.p50) : "",
        reference ? ms(reference.p95) : "",
        reference ? ms(reference.p99) : "",
        reference ? `${(row.tandem.perSecond / reference.perSecond).toFixed(2)}×` : "",
        reference ? `${(row.tandem.p95 / reference.p95).toFixed(1)}×` : "",
        row.note ?? "",
      ];
    }),
  );
}

/** Each figure's latency at the larger size over the smaller (the target is at most 1.2×). */
function growthTable(small: SizeResult, large: SizeResult): string {
  const header = ["request", "at once", `p50 at ${small.projects.toLocaleString("en-GB")}`, `p50 at ${large.projects.toLocaleString("en-GB")}`, "p50 growth", "p95 growth"];
  const lines: string[][] = [];
  for (const row of large.rows) {
    const before = small.rows.find((candidate) => candidate.request === row.request && candidate.concurrency === row.concurrency);
    if (!before) continue;
    lines.push([row.request, String(row.concurrency), ms(before.tandem.p50), ms(row.tandem.p50), `${(row.tandem.p50 / before.tandem.p50).toFixed(2)}×`, `${(row.tandem.p95 / before.tandem.p95).toFixed(2)}×`]);
  }
  return markdown(header, lines);
}

async function machine(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${rows[0]!.server_version}`;
}

type SizeResult = { projects: number; counts: LargeWorld["counts"]; rows: FigureRow[] };

/** Seeds (or reuses) one data set, starts both servers on it, runs every chosen figure, stops the servers. */
async function benchAtSize(projects: number): Promise<SizeResult> {
  const keep = REUSE ? { dataDir: path.join(ROOT, ".data", "bench", "postgres"), port: Number(process.env.BENCH_DB_PORT ?? 5701), database: `tandem_bench_${projects}` } : undefined;
  let result: SizeResult | undefined;
  await withScratchDatabase(
    async (_db, url) => {
      let world: LargeWorld | null = REUSE ? await existingLargeWorld(url) : null;
      if (world && world.counts.projects !== projects) {
        throw new Error(`The kept database holds ${world.counts.projects} projects, not ${projects} (an interrupted seed?): delete .data/bench and run again`);
      }
      if (world) log(`reusing the seeded database (${world.counts.projects.toLocaleString("en-GB")} projects)`);
      else world = await seedLarge(url, projects, log);
      const { counts } = world;
      log(
        `${counts.projects.toLocaleString("en-GB")} projects, ${counts.periods.toLocaleString("en-GB")} reporting periods, ` +
          `${counts.updates.toLocaleString("en-GB")} progress updates, ${counts.people.toLocaleString("en-GB")} people in one partnership`,
      );

      const servers: Server[] = [];
      try {
        const tandem = startProcess("tandem", ["--import", "tsx", "scripts/tandem.ts", "start"], {
          NODE_ENV: "production",
          PORT: String(TANDEM_PORT),
          DATABASE_URL: url,
          DATABASE_POOL_SIZE: String(POOL_SIZE),
          NEXTAUTH_URL: `http://localhost:${TANDEM_PORT}`,
          NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
          SMTP_URL: "smtp://localhost:2525",
          TANDEM_DEMO_MODE: "false",
          TANDEM_JOBS: "off",
          NEXT_TELEMETRY_DISABLED: "1",
          ...(process.env.TANDEM_WORKERS ? { TANDEM_WORKERS: process.env.TANDEM_WORKERS } : {}),
        });
        servers.push(tandem);
        const reference = startProcess("reference", ["--import", "tsx", "scripts/bench/reference-server.ts"], {
          PORT: String(REFERENCE_PORT),
          DATABASE_URL: url,
          DATABASE_POOL_SIZE: String(POOL_SIZE),
        });
        servers.push(reference);
        await waitForHealth(`http://localhost:${TANDEM_PORT}/api/health`, tandem);
        await waitForHealth(`http://localhost:${REFERENCE_PORT}/health`, reference);

        const context: FigureContext = {
          databaseUrl: url,
          world,
          tandem: `http://localhost:${TANDEM_PORT}`,
          reference: `http://localhost:${REFERENCE_PORT}`,
          headers: { cookie: `next-auth.session-token=${world.sessionToken}` },
          concurrencies: CONCURRENCIES,
          requests: REQUESTS,
          rounds: ROUNDS,
          log,
        };
        const rows: FigureRow[] = [];
        const failed: string[] = [];
        for (const figure of CHOSEN) {
          const started = Date.now();
          try {
            rows.push(...(await figure.run(context)));
            log(`${figure.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
          } catch (error) {
            // A figure that breaks (e.g. a page answering 500 under load) is a result too: say so and go on.
            const message = error instanceof Error ? error.message : String(error);
            failed.push(`${figure.name}: ${message.slice(0, 200)}`);
            log(`${figure.name}: FAILED after ${((Date.now() - started) / 1000).toFixed(0)} s: ${message.slice(0, 300)}`);
          }
        }
        const when = new Date().toISOString().slice(0, 16).replace("T", " ");
        console.log(
          `\nTandem at ${counts.projects.toLocaleString("en-GB")} projects (${counts.periods.toLocaleString("en-GB")} reporting periods, ` +
            `${counts.updates.toLocaleString("en-GB")} progress updates, ${counts.people.toLocaleString("en-GB")} people), ${when} UTC\n` +
            `Machine: ${await machine(url)}\n` +
            `${ROUNDS} alternating run${ROUNDS === 1 ? "" : "s"} per side and concurrency (${REQUESTS} requests per API run, fewer for pages and awards; pages and API calls at least 10 per client, on warm keep-alive connections), over HTTP\n\n${table(rows)}\n` +
            (failed.length > 0 ? `\nFailed (not in the table):\n${failed.map((line) => `- ${line}`).join("\n")}\n` : ""),
        );
        if (failed.length > 0) process.exitCode = 1;
        result = { projects, counts, rows };
      } finally {
        for (const server of servers.reverse()) await stopProcess(server);
      }
    },
    2,
    keep,
  );
  return result!;
}

async function main() {
  ensureBuild();
  const sizes = GROWTH ? [1_000, 10_000] : [PROJECTS];
  log(`figures: ${CHOSEN.map((figure) => figure.name).join(", ")}; sizes: ${sizes.map((size) => size.toLocaleString("en-GB")).join(" and ")} projects`);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchAtSize(size));
  if (results.length === 2) {
    console.log(`\nGrowth from ${results[0]!.projects.toLocaleString("en-GB")} to ${results[1]!.projects.toLocaleString("en-GB")} projects (target: at most 1.2×)\n\n${growthTable(results[0]!, results[1]!)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
