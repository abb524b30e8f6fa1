import { TRPCError } from "@trpc/server";
import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { callerFor } from "../support/caller";
import { actorFor, buildFixture, type Fixture, type Persona } from "./fixture";

/*
 * Shared worlds for the authorization matrix. One fixture is built, and every call against
 * it runs in a transaction that is rolled back afterwards, so each persona meets the world
 * exactly as it was built (an allowed mutation cannot use up what the next persona's call
 * needs, and calls can run in any order). A refused call must not have written anything:
 * the whole database, as its transaction sees it after the call, must match the fingerprint
 * taken when the world was built, and PostgreSQL must not have given the transaction an id
 * (it gets one on its first write or row lock, even one undone later).
 */

class RolledBack extends Error {}

/** Tables a refused call may write: the rate limiter counts every mutation, refused or not. */
const BOOKKEEPING_TABLES = ["RateLimitBucket"];
const BOOKKEEPING = /"RateLimitBucket"/;

let savepoints = 0;

/**
 * The transaction client, made to look like the Prisma client the procedures expect:
 * their own `$transaction` calls become savepoints inside the outer transaction, so a
 * failure inside one (a unique violation turned into a CONFLICT, say) is undone as it would
 * be on its own and the outer transaction can carry on.
 */
function nestable(tx: Database, outside: Database): Database {
  const savepoint = async <T>(work: () => Promise<T>): Promise<T> => {
    const name = `nested_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  };
  const proxy: Database = new Proxy(tx, {
    get(target, property) {
      if (property === "$transaction") {
        return (work: ((client: Database) => Promise<unknown>) | Promise<unknown>[]) =>
          savepoint(async () => {
            if (typeof work === "function") return work(proxy);
            const results: unknown[] = [];
            for (const query of work) results.push(await query);
            return results;
          });
      }
      // The rate limiter's count is bookkeeping every mutation makes, refused or not: it runs
      // outside the call's transaction, as it would on its own connection, so the
      // transaction still proves the call itself wrote nothing.
      // Called as a tagged template or with a Prisma.sql object, as Prisma allows both.
      if (property === "$queryRaw" || property === "$executeRaw") {
        return (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
          const text = query instanceof Prisma.Sql ? query.sql : query.join("");
          const client = BOOKKEEPING.test(text) ? outside : target;
          return (client[property] as (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Promise<unknown>)(query, ...values);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return proxy;
}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
export async function rolledBack<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        result = { value: await work(nestable(tx as unknown as Database, db)) };
        throw new RolledBack();
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result!.value;
}

/** Whether the current transaction has written anything (or locked a row) so far. */
export async function hasWritten(tx: Database): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ xid: string | null }[]>`SELECT pg_current_xact_id_if_assigned()::text AS xid`;
  return row?.xid != null;
}

const fingerprinted = new WeakSet<Database>();

/**
 * Installs (once per database) a function that fingerprints every table: its row count and
 * the sum of a 64-bit hash of each row, so no sort is needed and any change to any row
 * changes it. A PL/pgSQL function keeps its plan, so a fingerprint costs a few milliseconds.
 */
async function installFingerprint(db: Database): Promise<void> {
  if (fingerprinted.has(db)) return;
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      AND table_name <> ALL (${BOOKKEEPING_TABLES})
    ORDER BY table_name`;
  const perTable = tables.map(
    ({ table_name }) =>
      `SELECT '${table_name}'::text, count(*)::bigint, coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint), 0)::numeric FROM "${table_name}" t`,
  );
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION authorization_matrix_fingerprint()
    RETURNS TABLE (table_name text, row_count bigint, digest numeric) LANGUAGE plpgsql STABLE AS $fingerprint$
    BEGIN
      RETURN QUERY ${perTable.join("\n      UNION ALL ")};
    END
    $fingerprint$`);
  fingerprinted.add(db);
}

/** A fingerprint of every row of every table of this file's database (every world built so far). */
export async function snapshot(db: Database): Promise<string> {
  const rows = await db.$queryRaw<{ table_name: string; row_count: bigint; digest: string }[]>`
    SELECT table_name, row_count, digest::text AS digest FROM authorization_matrix_fingerprint() ORDER BY table_name`;
  return rows.map((row) => `${row.table_name}:${row.row_count}:${row.digest}`).join("\n");
}

/** Builds one fixture (its own partnerships, people and ids): the world the next calls share. */
export async function freshWorld(db: Database): Promise<Fixture> {
  await installFingerprint(db);
  return buildFixture(db);
}

export type Outcome = "allowed" | "denied";
export type CallResult = { outcome: Outcome; code: TRPCError["code"] | null; message: string | null; value?: unknown };

/** Calls `path` through the real appRouter (policy middleware included) as `persona`. */
export async function call(db: Database, world: Fixture, persona: Persona, path: string, input: unknown): Promise<CallResult> {
  const caller = callerFor(db, actorFor(world, persona)) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [namespace, name] = path.split(".") as [string, string];
  try {
    const value = await caller[namespace]![name]!(input);
    return { outcome: "allowed", code: null, message: null, value };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "INTERNAL_SERVER_ERROR") throw error.cause ?? error;
    const refused = error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" || error.code === "NOT_FOUND";
    if (refused && !(error.cause instanceof AppError)) {
      throw new Error(`${path} refused ${persona} without a plain message (${error.code}: ${error.message})`, { cause: error });
    }
    // An expected business-rule refusal (conflict, bad input...) happens after the policy let the call in.
    return { outcome: refused ? "denied" : "allowed", code: error.code, message: error.message };
  }
}

/** The outcome of one call in a rolled-back transaction: nothing it does outlives it. */
export function outcomeOf(db: Database, world: Fixture, persona: Persona, path: string, input: unknown): Promise<CallResult> {
  return rolledBack(db, (tx) => call(tx, world, persona, path, input));
}
