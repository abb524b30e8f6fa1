import { describeForLog, log } from "@/server/log";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/server/db/client";

export type HealthReport = {
  status: "ok" | "unavailable";
  database: "reachable" | "unreachable";
  migrations: { status: "up-to-date" | "pending" | "unknown"; applied: number; pending: string[] };
  checkedAt: string;
};

const DATABASE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Migration folders shipped with this build of Tandem. */
export async function shippedMigrations(migrationsDir: string): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/**
 * Reachability of the database and whether every migration this build ships has been
 * applied. Unavailable (HTTP 503) when the database cannot be reached or is behind.
 */
export async function checkHealth(
  db: Database,
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
): Promise<HealthReport> {
  const checkedAt = new Date().toISOString();
  let appliedNames: string[];
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      DATABASE_TIMEOUT_MS,
    );
    appliedNames = rows.map((row) => row.migration_name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A reachable database without the migrations table has simply not been migrated.
    if (/_prisma_migrations/.test(message) && /does not exist/.test(message)) {
      appliedNames = [];
    } else {
      log.error({ err: describeForLog(error) }, "health check: the database is unavailable");
      return {
        status: "unavailable",
        database: "unreachable",
        migrations: { status: "unknown", applied: 0, pending: [] },
        checkedAt,
      };
    }
  }

  const shipped = await shippedMigrations(migrationsDir);
  const applied = new Set(appliedNames);
  const pending = shipped.filter((name) => !applied.has(name));
  return {
    status: pending.length === 0 ? "ok" : "unavailable",
    database: "reachable",
    migrations: { status: pending.length === 0 ? "up-to-date" : "pending", applied: applied.size, pending },
    checkedAt,
  };
}
