import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/server/env";
import { PrismaClient } from "./generated/client";

export type Database = PrismaClient;

export function createDatabaseClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    // pg waits forever for a free connection unless told otherwise.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { tandemDb?: PrismaClient };

/** The one Prisma client of this process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  if (!globalForDb.tandemDb) {
    const env = getEnv();
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start Tandem with `npm run demo` or `npm start`, which provide it.");
    }
    globalForDb.tandemDb = createDatabaseClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  }
  return globalForDb.tandemDb;
}
