import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { isTransactionUnavailable } from "@/server/db/errors";

const known = (code: string) => new Prisma.PrismaClientKnownRequestError("database busy", { code, clientVersion: "7.10.0" });

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
