import { Prisma } from "./generated/client";

/** Prisma's "record to update/delete does not exist". */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/** A unique constraint was violated (e.g. a duplicate that a concurrent request created first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

type DriverCause = { originalCode?: string; originalMessage?: string; kind?: string; constraint?: { index?: string } };

function driverCause(error: unknown): DriverCause | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = error.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined;
  return meta?.driverAdapterError?.cause ?? null;
}

/** The name of the CHECK constraint PostgreSQL refused the statement on, if that is what happened. */
export function violatedCheckConstraint(error: unknown): string | null {
  const cause = driverCause(error);
  if (!cause || cause.originalCode !== "23514") return null;
  return /violates check constraint "([^"]+)"/.exec(cause.originalMessage ?? "")?.[1] ?? null;
}

/** The unique index a P2002 violated (e.g. "LedgerEntry_idempotencyKey_key"), if known. */
export function violatedUniqueIndex(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null;
  return driverCause(error)?.constraint?.index ?? null;
}

/** What node-postgres's pool throws when no connection is free within connectionTimeoutMillis. */
const POOL_TIMEOUT = "timeout exceeded when trying to connect";

/**
 * No connection or transaction could be had in time (pool exhausted under load): Prisma's
 * own codes, or the pool's timeout passed up from the driver adapter as a plain Error.
 */
export function isTransactionUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2028" || error.code === "P2024";
  return error instanceof Error && error.message === POOL_TIMEOUT;
}
