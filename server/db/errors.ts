import { Prisma } from "./generated/client";

/** Prisma's "record to update/delete does not exist". */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

type DriverCause = { originalCode?: string; originalMessage?: string; kind?: string; constraint?: { index?: string } };

/**
 * What the driver adapter said PostgreSQL refused. A model query's failure (P2002 and the
 * like) and a raw query's (P2010, "Raw query failed") both carry it, in the same shape.
 */
function driverCause(error: unknown): DriverCause | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = error.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined;
  return meta?.driverAdapterError?.cause ?? null;
}

/**
 * A unique constraint was violated (e.g. a duplicate that a concurrent request created
 * first): P2002 from a model query, or PostgreSQL's unique_violation (23505) under a raw
 * query's P2010.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = error.code === "P2010" ? driverCause(error) : null;
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}

/** The name of the CHECK constraint PostgreSQL refused the statement on, if that is what happened. */
export function violatedCheckConstraint(error: unknown): string | null {
  const cause = driverCause(error);
  if (!cause || cause.originalCode !== "23514") return null;
  return /violates check constraint "([^"]+)"/.exec(cause.originalMessage ?? "")?.[1] ?? null;
}

/** The unique index a statement violated (e.g. "IdempotencyKey_partnershipId_operation_key_key"), if known. */
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
