import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../../server/db/embedded";
import { migrateDeploy } from "../../../scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    /** A connection URL with rights to create databases (path names a database to connect to). */
    adminDatabaseUrl: string;
    /** A migrated, empty database that each test file copies. */
    templateDatabase: string;
  }
}


export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL or DATABASE_URL when set
 * (the role must be allowed to create databases), otherwise an embedded one on a free
 * port in a temporary folder. Migrations are applied once to a template database.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), database: "postgres" });
    adminUrl = embedded.url;
  }

  const templateDatabase = `tandem_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  await admin.end();
  await migrateDeploy(withDatabase(adminUrl, templateDatabase), { quiet: true });

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await client.end();
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
