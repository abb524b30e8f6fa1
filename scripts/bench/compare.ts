/**
 * `npm run bench`: Tandem beside a minimal implementation of the same request, over real
 * HTTP, on one large partnership (scripts/bench/seed-large.ts). Starts the production
 * build (scripts/tandem.ts start; runs `next build` first when there is no build in .next)
 * and the reference (scripts/bench/reference-server.ts) on the same database, proves
 * their answers equal, then times both, alternating runs, at concurrency 1, 10 and 50,
 * and prints req/s and p50/p95/p99 side by side with the ratios. Stops everything and
 * drops the scratch database afterwards. Asserts no timing; fails when the answers differ.
 *
 *   npm run bench                          # 10,000 projects on an embedded PostgreSQL
 *   BENCH_PROJECTS=1000 npm run bench      # the 1,000-project set
 *   BENCH_REUSE=1 npm run bench            # keep the seeded database in .data/bench for the next run
 *   DATABASE_URL=… npm run bench           # an existing server (creates and drops a database)
 *
 * Other settings: BENCH_REQUESTS (requests per timed run, default 200), BENCH_ROUNDS
 * (alternating runs of each side per concurrency, default 2), BENCH_PORT (Tandem, default
 * 3301; the reference uses the next port), BENCH_DB_PORT (the kept embedded PostgreSQL, 5701).
 * Background jobs are off (TANDEM_JOBS=off) so reminders for the seeded reports do not run mid-measurement.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import superjson from "superjson";
import { ROOT } from "../lib/prisma-cli";
import { get, runLoad, summarise, type LoadRun, type LoadSummary } from "./http-load";
import { withScratchDatabase } from "./scratch-database";
import { existingLargeWorld, seedLarge, type LargeWorld } from "./seed-large";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REUSE = process.env.BENCH_REUSE === "1";
const TANDEM_PORT = Number(process.env.BENCH_PORT ?? 3301);
const REFERENCE_PORT = TANDEM_PORT + 1;
const CONCURRENCIES = [1, 10, 50];
const POOL_SIZE = 10; // both sides: Tandem's default DATABASE_POOL_SIZE

const log = (message: string) => console.log(`[bench] ${message}`);

type Server = { name: string; child: ChildProcess };

function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("using the production build in .next (run `npx next build` first after changing the app)");
    return;
  }
  log("no production build in .next: running `npx next build`");
  const built = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error("next build failed");
}

function startProcess(name: string, args: string[], env: Record<string, string>): Server {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output = (chunk: Buffer) => {
    const text = chunk.toString().trimEnd();
    if (process.env.BENCH_VERBOSE === "1" || /error|fail/i.test(text)) console.log(`[${name}] ${text}`);
  };
  child.stdout?.on("data", output);
  child.stderr?.on("data", output);
  return { name, child };
}

async function waitFor(url: string, server: Server, timeoutMs = 120_000) {
  const agent = new http.Agent();
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (server.child.exitCode !== null) throw new Error(`${server.name} exited with code ${server.child.exitCode}`);
      try {
        if ((await get(agent, url, {})).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${server.name} did not answer ${url} within ${timeoutMs / 1000} s`);
  } finally {
    agent.destroy();
  }
}

async function stop(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
}

function listUrl(port: number, input: { partnershipSlug: string; limit: number; cursor?: string }) {
  return `http://localhost:${port}/api/trpc/project.list?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** Fetches the same request from both and fails loudly unless the parsed data are deep-equal. */
async function proveIdentical(name: string, tandemUrl: string, referenceUrl: string, headers: Record<string, string>) {
  const agent = new http.Agent();
  try {
    const [tandem, reference] = [await get(agent, tandemUrl, headers), await get(agent, referenceUrl, headers)];
    if (tandem.status !== 200 || reference.status !== 200) {
      throw new Error(`${name}: Tandem answered ${tandem.status}, the reference ${reference.status}\n${tandem.body.slice(0, 500)}\n${reference.body.slice(0, 500)}`);
    }
    type Envelope = { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    const tandemData = superjson.deserialize((JSON.parse(tandem.body) as Envelope).result.data);
    const referenceData = superjson.deserialize((JSON.parse(reference.body) as Envelope).result.data);
    if (!isDeepStrictEqual(tandemData, referenceData)) {
      const both = [tandemData, referenceData] as { items?: unknown[] }[];
      const at = (both[0]!.items ?? []).findIndex((item, index) => !isDeepStrictEqual(item, both[1]!.items?.[index]));
      const shown = at >= 0 ? both.map((data) => data.items?.[at]) : both;
      console.error(`${at >= 0 ? `Item ${at}` : "The answers"} differ.\nTandem: ${JSON.stringify(shown[0], null, 2)}\nReference: ${JSON.stringify(shown[1], null, 2)}`);
      throw new Error(`${name}: the reference's answer differs from Tandem's, so its figures would mean nothing`);
    }
    const { items } = tandemData as { items: { latest: unknown; nextDue: { state: string } | null; overdueCount: number }[] };
    const states = [...new Set(items.map((item) => item.nextDue?.state ?? "none"))].join(", ");
    log(
      `${name}: both answer the same ${items.length} projects (${tandem.body.length} and ${reference.body.length} bytes; ` +
        `${items.filter((item) => item.latest).length} with a latest report, next due ${states}, ` +
        `${items.filter((item) => item.overdueCount > 0).length} with overdue reports)`,
    );
  } finally {
    agent.destroy();
  }
}

type Row = { request: string; concurrency: number; tandem: LoadSummary; reference: LoadSummary };

async function measure(request: string, tandemUrl: string, referenceUrl: string, headers: Record<string, string>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const concurrency of CONCURRENCIES) {
    const warmUp = Math.max(20, concurrency * 2);
    await runLoad({ url: tandemUrl, headers, requests: warmUp, concurrency });
    await runLoad({ url: referenceUrl, headers, requests: warmUp, concurrency });
    const tandem: LoadRun[] = [];
    const reference: LoadRun[] = [];
    // Alternate, starting with each side in turn, so neither gets the quieter moments.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (["tandem", "reference"] as const) : (["reference", "tandem"] as const);
      for (const side of order) {
        const run = await runLoad({ url: side === "tandem" ? tandemUrl : referenceUrl, headers, requests: REQUESTS, concurrency });
        (side === "tandem" ? tandem : reference).push(run);
      }
    }
    const row = { request, concurrency, tandem: summarise(tandem), reference: summarise(reference) };
    log(`${request} at ${concurrency}: Tandem ${row.tandem.perSecond.toFixed(0)} req/s, reference ${row.reference.perSecond.toFixed(0)} req/s`);
    rows.push(row);
  }
  return rows;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

function table(rows: Row[]): string {
  const header = ["request", "at once", "Tandem req/s", "p50", "p95", "p99", "reference req/s", "p50", "p95", "p99", "throughput ratio", "p95 ratio"];
  const lines = rows.map((row) => [
    row.request,
    String(row.concurrency),
    row.tandem.perSecond.toFixed(0),
    ms(row.tandem.p50),
    ms(row.tandem.p95),
    ms(row.tandem.p99),
    row.reference.perSecond.toFixed(0),
    ms(row.reference.p50),
    ms(row.reference.p95),
    ms(row.reference.p99),
    `${(row.tandem.perSecond / row.reference.perSecond).toFixed(2)}×`,
    `${(row.tandem.p95 / row.reference.p95).toFixed(1)}×`,
  ]);
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** The ids a cursor stands at: the project after `fraction` of the list, newest first. */
async function cursorsAt(url: string, fractions: number[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT "id" FROM "FundedProject" WHERE "partnershipId" = 'bench-partnership' ORDER BY "createdAt" DESC, "id" DESC`,
    );
    return fractions.map((fraction) => rows[Math.min(rows.length - 1, Math.floor(rows.length * fraction))]!.id);
  } finally {
    await client.end();
  }
}

async function machine(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${rows[0]!.server_version}`;
}

async function main() {
  ensureBuild();
  const keep = REUSE ? { dataDir: path.join(ROOT, ".data", "bench", "postgres"), port: Number(process.env.BENCH_DB_PORT ?? 5701), database: `tandem_bench_${PROJECTS}` } : undefined;
  await withScratchDatabase(
    async (_db, url) => {
      let world: LargeWorld | null = REUSE ? await existingLargeWorld(url) : null;
      if (world && world.counts.projects !== PROJECTS) {
        throw new Error(`The kept database holds ${world.counts.projects} projects, not ${PROJECTS} (an interrupted seed?): delete .data/bench and run again`);
      }
      if (world) log(`reusing the seeded database (${world.counts.projects.toLocaleString("en-GB")} projects)`);
      else world = await seedLarge(url, PROJECTS, log);
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
        });
        servers.push(tandem);
        const reference = startProcess("reference", ["--import", "tsx", "scripts/bench/reference-server.ts"], {
          PORT: String(REFERENCE_PORT),
          DATABASE_URL: url,
          DATABASE_POOL_SIZE: String(POOL_SIZE),
        });
        servers.push(reference);
        await waitFor(`http://localhost:${TANDEM_PORT}/api/health`, tandem);
        await waitFor(`http://localhost:${REFERENCE_PORT}/health`, reference);

        const headers = { cookie: `next-auth.session-token=${world.sessionToken}` };
        const input = { partnershipSlug: world.partnershipSlug, limit: 10 };
        const tandemUrl = listUrl(TANDEM_PORT, input);
        const referenceUrl = listUrl(REFERENCE_PORT, input);
        await proveIdentical("project.list first page", tandemUrl, referenceUrl, headers);
        // A deep page (after 90% of the projects) and the last page: the oldest projects, with the most reports.
        const cursors = await cursorsAt(url, [0.9, 1 - 5 / counts.projects]);
        const deep = { ...input, cursor: cursors[0]! };
        await proveIdentical("project.list deep page", listUrl(TANDEM_PORT, deep), listUrl(REFERENCE_PORT, deep), headers);
        const last = { ...input, cursor: cursors[1]! };
        await proveIdentical("project.list last page", listUrl(TANDEM_PORT, last), listUrl(REFERENCE_PORT, last), headers);

        const rows = [
          ...(await measure("`project.list` first page (10)", tandemUrl, referenceUrl, headers)),
          ...(await measure("`project.list` deep page (10)", listUrl(TANDEM_PORT, deep), listUrl(REFERENCE_PORT, deep), headers)),
        ];
        const when = new Date().toISOString().slice(0, 16).replace("T", " ");
        console.log(
          `\nTandem beside the minimal reference, ${counts.projects.toLocaleString("en-GB")} projects, ${when} UTC\n` +
            `Machine: ${await machine(url)}\n` +
            `${ROUNDS} alternating run${ROUNDS === 1 ? "" : "s"} of ${REQUESTS} requests per side and concurrency, over HTTP with keep-alive\n\n${table(rows)}\n`,
        );
      } finally {
        for (const server of servers.reverse()) await stop(server);
      }
    },
    2,
    keep,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
