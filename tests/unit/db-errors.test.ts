import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { isTransactionUnavailable, isUniqueViolation, violatedCheckConstraint, violatedUniqueIndex } from "@/server/db/errors";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("database error", { code, clientVersion: "7.10.0", meta });

/** What the pg driver adapter attaches to PostgreSQL's refusal, as Prisma passes it up. */
const fromDriver = (code: string, cause: Record<string, unknown>) => known(code, { driverAdapterError: { name: "DriverAdapterError", cause } });

const KEY_INDEX = "IdempotencyKey_partnershipId_operation_key_key";
const uniqueCause = {
  originalCode: "23505",
  originalMessage: `duplicate key value violates unique constraint "${KEY_INDEX}"`,
  kind: "UniqueConstraintViolation",
  constraint: { index: KEY_INDEX },
  table: "IdempotencyKey",
};
const checkCause = {
  originalCode: "23514",
  originalMessage: 'new row for relation "Fund" violates check constraint "Fund_committed_within_total"',
  kind: "postgres",
  code: "23514",
};

describe("a database too busy to answer in time", () => {
  it("is Prisma's transaction and pool timeouts, or node-postgres's pool timeout passed up as a plain Error", () => {
    expect(isTransactionUnavailable(known("P2028"))).toBe(true);
    expect(isTransactionUnavailable(known("P2024"))).toBe(true);
    expect(isTransactionUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("is not any other failure, which stays unexpected", () => {
    expect(isTransactionUnavailable(known("P2002"))).toBe(false);
    expect(isTransactionUnavailable(new Error("connection terminated unexpectedly"))).toBe(false);
    expect(isTransactionUnavailable("timeout exceeded when trying to connect")).toBe(false);
    expect(isTransactionUnavailable(undefined)).toBe(false);
  });
});

describe("PostgreSQL's refusals, from model queries and raw ones alike", () => {
  it("names the unique index a model query (P2002) violated", () => {
    const error = fromDriver("P2002", uniqueCause);
    expect(isUniqueViolation(error)).toBe(true);
    expect(violatedUniqueIndex(error)).toBe(KEY_INDEX);
  });

  it("names the unique index a raw query (P2010, raw query failed) violated", () => {
    const error = fromDriver("P2010", uniqueCause);
    expect(isUniqueViolation(error)).toBe(true);
    expect(violatedUniqueIndex(error)).toBe(KEY_INDEX);
    // Known by PostgreSQL's code alone, too.
    expect(violatedUniqueIndex(fromDriver("P2010", { ...uniqueCause, kind: "postgres" }))).toBe(KEY_INDEX);
  });

  it("names the CHECK constraint a raw query violated", () => {
    expect(violatedCheckConstraint(fromDriver("P2010", checkCause))).toBe("Fund_committed_within_total");
    expect(violatedCheckConstraint(fromDriver("P2002", checkCause))).toBe("Fund_committed_within_total");
  });

  it("does not take another raw query failure for a unique or CHECK violation", () => {
    const other = fromDriver("P2010", { originalCode: "23503", originalMessage: "violates foreign key constraint", kind: "postgres" });
    expect(isUniqueViolation(other)).toBe(false);
    expect(violatedUniqueIndex(other)).toBeNull();
    expect(violatedCheckConstraint(other)).toBeNull();
    expect(isUniqueViolation(known("P2010"))).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});
