import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabaseClient, type Database } from "../../server/db/client";
import { freePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDeploy } from "../lib/prisma-cli";

/**
 * Keeps the benchmark's database between runs instead: a named database (created when
 * missing, never dropped) on DATABASE_URL's server, or on an embedded PostgreSQL kept in
 * `dataDir` on `port`.
 */
export type KeptDatabase = { dataDir: string; port: number; database: string };

/**
 * Runs a benchmark against a fresh, migrated database: on DATABASE_URL's server when set
 * (a database is created and dropped), otherwise on an embedded PostgreSQL in a
 * temporary folder. Everything is cleaned up afterwards, unless `keep` names a database
 * to reuse. `run` also gets the database's URL, for a server or a plain pg client.
 */
export async function withScratchDatabase(
  run: (db: Database, url: string) => Promise<void>,
  poolSize = 20,
  keep?: KeptDatabase,
) {
  const tempDir = keep ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-"));
  const database = keep?.database ?? `tandem_bench_${Date.now()}`;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = keep ? path.resolve(keep.dataDir) : tempDir!;
    fs.mkdirSync(dataDir, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir, port: keep?.port ?? (await freePort()), database: "postgres" });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = keep ? (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).rowCount : 0;
  if (!exists) await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  let db: Database | undefined;
  try {
    await migrateDeploy(url.toString(), { quiet: true });
    db = createDatabaseClient(url.toString(), { poolSize });
    await run(db, url.toString());
  } finally {
    await db?.$disconnect();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
