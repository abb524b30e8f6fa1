import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { authorize, policy } from "@/server/auth/policy";
import type { Database } from "@/server/db/client";
import { AppError } from "@/server/errors";

const procedures = Object.keys(appRouter._def.procedures).sort();

describe("the policy module", () => {
  it("has a row for every procedure of the API", () => {
    const missing = procedures.filter((path) => !Object.hasOwn(policy, path));
    expect(missing).toEqual([]);
  });

  it("has no row for a procedure that no longer exists", () => {
    const stale = Object.keys(policy).filter((path) => !procedures.includes(path));
    expect(stale).toEqual([]);
  });

  it("refuses a procedure without a row (deny by default), before reading anything", async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error("the database must not be read"); } }) as Database;
    const attempt = authorize(untouchable, { userId: "u", name: null, email: "a@b.c", organisationId: null }, "admin.dropEverything", {});
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks anonymous callers to sign in for anything but public procedures", async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error("the database must not be read"); } }) as Database;
    for (const [path, rule] of Object.entries(policy)) {
      const attempt = authorize(untouchable, null, path, { partnershipSlug: "x" });
      if (rule.kind === "public") {
        await expect(attempt).resolves.toEqual({ actor: null, membership: null, subGroup: null });
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      }
    }
  });
});
