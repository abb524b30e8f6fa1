import { describe, expect, it } from "vitest";
import { canMoveErasure, ERASURE_TRANSITIONS, erasedEmail } from "@/server/domain/personal-data/erasure";

const STATES = ["REQUESTED", "WITHDRAWN", "ERASED"] as const;

describe("an erasure request's lifecycle", () => {
  it("allows exactly: a waiting request is withdrawn or carried out; nothing leaves an end state", () => {
    const allowed = new Set(["REQUESTED→WITHDRAWN", "REQUESTED→ERASED"]);
    for (const from of STATES) {
      for (const to of STATES) expect(canMoveErasure(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
    }
    expect(Object.keys(ERASURE_TRANSITIONS).sort()).toEqual([...STATES].sort());
  });

  it("leaves an erased person an address that is unique and can never receive mail", () => {
    expect(erasedEmail("ck123")).toBe("former-member-ck123@erased.invalid");
    expect(erasedEmail("a")).not.toBe(erasedEmail("b"));
  });
});
