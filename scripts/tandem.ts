/**
 * Starts Tandem: validates the configuration, starts the embedded PostgreSQL when
 * DATABASE_URL is unset, applies migrations, seeds demo data once (demo mode), then
 * runs the Next.js server. Stops everything cleanly on SIGINT/SIGTERM.
 *
 *   tsx scripts/tandem.ts start   # the built app: TANDEM_WORKERS `next start` processes (default one per core)
 *   tsx scripts/tandem.ts dev     # development server (next dev), one process
 *
 * `start` runs its servers as node:cluster workers, which share the one port: this process
 * accepts the connections and hands them round. Servers keep no state of their own (sessions,
 * rate limits and the job queue are in PostgreSQL), so any worker can answer any request. Only
 * the first worker works the background job queue (the others run with TANDEM_JOBS=off): the
 * queue would be safe in all of them (SKIP LOCKED, leases, one job per schedule slot), but one
 * keeps its polling and its connections to one process, and a long job (planning speed
 * networking) to one core while the others keep answering. A worker that dies is started again
 * (with the job loop, if it had it; a job it held is taken over when its lease ends).
 */
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { seedDemoData } from "../prisma/seed/seed-demo";
import { createDatabaseClient } from "../server/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../server/db/embedded";
import { EnvError, parseEnv } from "../server/env";
import { migrateDeploy, ROOT } from "./lib/prisma-cli";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (message: string) => console.log(`[tandem] ${message}`);

/** A stable secret per data folder, so demo and development sessions survive restarts. */
function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const port = Number.parseInt(process.env.PORT ?? "3000", 10);
  (process.env as Record<string, string | undefined>).NODE_ENV ??= mode === "dev" ? "development" : "production";
  const dataDir = path.resolve(ROOT, process.env.TANDEM_DATA_DIR ?? ".data");
  // The same reading as server/env.ts: true or false, in any case.
  const demoMode = process.env.TANDEM_DEMO_MODE?.trim().toLowerCase() === "true";
  if (!process.env.NEXTAUTH_SECRET && (demoMode || mode === "dev")) {
    process.env.NEXTAUTH_SECRET = localAuthSecret(dataDir);
  }
  if (!process.env.NEXTAUTH_URL && (demoMode || mode === "dev")) {
    // No fixed address: sign-in links, redirects and links in emails use the address the
    // person opened the site at (localhost, the machine's name or its IP on the network).
    delete process.env.NEXTAUTH_URL; // an empty value would be read as an address
    process.env.AUTH_TRUST_HOST = "true";
  }

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

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${path.relative(ROOT, dataDir) || "."}/postgres, port ${env.EMBEDDED_PG_PORT})`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: env.EMBEDDED_PG_PORT });
    databaseUrl = embedded.url;
  }

  const web: { child?: ChildProcess } = {};
  const workers = new Map<Worker, { index: number; startedAt: number }>();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = web.child;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await Promise.all(
      [...workers.keys()].map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.isDead()) return resolve(undefined);
            worker.once("exit", resolve);
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    if (embedded) {
      log("stopping the embedded PostgreSQL");
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    log("applying database migrations");
    await migrateDeploy(databaseUrl, { quiet: true });
    if (env.TANDEM_DEMO_MODE) {
      const db = createDatabaseClient(databaseUrl, { poolSize: 2 });
      const outcome = await seedDemoData(db);
      await db.$disconnect();
      log(outcome === "seeded" ? "demo data seeded" : "demo data already present: reusing it");
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }

  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  const serverEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  if (mode === "dev") {
    log(`starting the development server on http://localhost:${port}${env.TANDEM_DEMO_MODE ? " (demo mode)" : ""}`);
    const child = spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { cwd: ROOT, stdio: "inherit", env: serverEnv });
    web.child = child;
    child.on("exit", (code) => void shutdown(code ?? 0));
    return;
  }

  const count = env.TANDEM_WORKERS ?? availableParallelism();
  log(
    `starting ${count} web server process${count === 1 ? "" : "es"} on http://localhost:${port}${env.TANDEM_DEMO_MODE ? " (demo mode)" : ""}` +
      (env.TANDEM_JOBS ? "; the first works the background job queue" : "; background jobs off (TANDEM_JOBS=off)"),
  );
  cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", String(port)], cwd: ROOT });
  const fork = (index: number) => {
    const worker = cluster.fork({
      ...serverEnv,
      // Only the first worker works the queue; TANDEM_JOBS=off switches it off everywhere.
      TANDEM_JOBS: env.TANDEM_JOBS && index === 0 ? "on" : "off",
    });
    workers.set(worker, { index, startedAt: Date.now() });
    worker.on("exit", (code, signal) => {
      const { startedAt } = workers.get(worker)!;
      workers.delete(worker);
      if (stopping) return;
      // Dying at once (a port in use, a broken build) would only die again: stop instead.
      if (Date.now() - startedAt < 10_000) {
        console.error(`[tandem] web server ${index + 1} stopped during start-up (${signal ?? `code ${code}`})`);
        void shutdown(code || 1);
        return;
      }
      log(`web server ${index + 1} stopped (${signal ?? `code ${code}`}): starting it again`);
      fork(index);
    });
  };
  for (let index = 0; index < count; index++) fork(index);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
