import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabaseClient, type Database } from "../../server/db/client";
import { freePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDeploy } from "../lib/prisma-cli";

/**
 * Runs a benchmark against a fresh, migrated database: on DATABASE_URL's server when set
 * (a database is created and dropped), otherwise on an embedded PostgreSQL in a
 * temporary folder. Everything is cleaned up afterwards.
 */
export async function withScratchDatabase(run: (db: Database) => Promise<void>, poolSize = 20) {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-"));
  const database = `tandem_bench_${Date.now()}`;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), database: "postgres" });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  let db: Database | undefined;
  try {
    await migrateDeploy(url.toString(), { quiet: true });
    db = createDatabaseClient(url.toString(), { poolSize });
    await run(db);
  } finally {
    await db?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
