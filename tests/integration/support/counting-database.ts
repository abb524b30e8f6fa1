import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { Database } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";

export type Statement = { sql: string; rows: number };

/** Records each statement a queryable runs and how many rows it returned. */
function recording<Q extends SqlQueryable>(queryable: Q, statements: Statement[]): Q {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return async (query: SqlQuery) => {
          const result = await target.queryRaw(query);
          statements.push({ sql: query.sql, rows: result.rows.length });
          return result;
        };
      }
      if (property === "executeRaw") {
        return async (query: SqlQuery) => {
          const count = await target.executeRaw(query);
          statements.push({ sql: query.sql, rows: 0 });
          return count;
        };
      }
      if (property === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
          recording(await (target as unknown as SqlDriverAdapter).startTransaction(...args), statements);
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A second Prisma client on a test database that records every SQL statement it sends and
 * how many rows each returned, for tests of how much work a page or a procedure does.
 */
export function countingDatabase(url: string) {
  const statements: Statement[] = [];
  const factory = new PrismaPg({ connectionString: url, max: 10 });
  const counted: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => recording(await factory.connect(), statements),
  };
  const db: Database = new PrismaClient({ adapter: counted });
  return {
    db,
    /** What was sent since the last `reset()`. */
    get statements(): readonly Statement[] {
      return statements;
    },
    /** Rows returned since the last `reset()`. */
    get rows(): number {
      return statements.reduce((sum, statement) => sum + statement.rows, 0);
    },
    reset() {
      statements.length = 0;
    },
    close: () => db.$disconnect(),
  };
}
