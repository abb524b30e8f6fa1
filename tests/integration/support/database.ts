import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabaseClient, type Database } from "@/server/db/client";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { db: Database; url: string; name: string; drop: () => Promise<void> };

/** A fresh database for one test file: a copy of the migrated template. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `tandem_test_${randomBytes(6).toString("hex")}`;
  const template = options.migrated === false ? "template0" : inject("templateDatabase");
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = withDatabase(inject("adminDatabaseUrl"), name);
  const db = createDatabaseClient(url, { poolSize: 20 });
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Gives the test file its own migrated database for all of its tests. */
export function withTestDatabase(): { readonly db: Database; readonly url: string } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.drop();
  });
  return {
    get db() {
      if (!current) throw new Error("The test database is only available inside tests");
      return current.db;
    },
    get url() {
      if (!current) throw new Error("The test database is only available inside tests");
      return current.url;
    },
  };
}
