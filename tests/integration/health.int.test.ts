import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDatabaseClient } from "@/server/db/client";
import { checkHealth, shippedMigrations } from "@/server/domain/system/health";
import { createTestDatabase, withTestDatabase } from "./support/database";

const database = withTestDatabase();
const migrationsDir = path.resolve("prisma/migrations");

describe("health check", () => {
  it("is ok when the database is reachable and every shipped migration is applied", async () => {
    const report = await checkHealth(database.db, migrationsDir);
    const shipped = await shippedMigrations(migrationsDir);
    expect(shipped.length).toBeGreaterThan(0);
    expect(report).toMatchObject({
      status: "ok",
      database: "reachable",
      migrations: { status: "up-to-date", applied: shipped.length, pending: [] },
    });
  });

  it("reports migrations this build ships that the database has not applied", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-migrations-"));
    try {
      fs.cpSync(migrationsDir, dir, { recursive: true });
      fs.mkdirSync(path.join(dir, "29991231000000_future_change"));
      const report = await checkHealth(database.db, dir);
      expect(report.status).toBe("unavailable");
      expect(report.migrations).toMatchObject({ status: "pending", pending: ["29991231000000_future_change"] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports every migration as pending on a database that was never migrated", async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      const report = await checkHealth(empty.db, migrationsDir);
      expect(report.database).toBe("reachable");
      expect(report.migrations.pending).toEqual(await shippedMigrations(migrationsDir));
    } finally {
      await empty.drop();
    }
  });

  it("is unavailable when the database cannot be reached", async () => {
    const unreachable = createDatabaseClient("postgresql://postgres:postgres@127.0.0.1:1/tandem", { poolSize: 1 });
    const original = console.error;
    console.error = () => {};
    try {
      const report = await checkHealth(unreachable, migrationsDir);
      expect(report).toMatchObject({ status: "unavailable", database: "unreachable" });
    } finally {
      console.error = original;
      await unreachable.$disconnect();
    }
  });
});
