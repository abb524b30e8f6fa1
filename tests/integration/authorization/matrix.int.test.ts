import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { ruleFor } from "@/server/auth/rules";
import { withTestDatabase } from "../support/database";
import type { AuthorizationInput } from "./case";
import { caseGroups, cases } from "./cases";
import { PERSONAS, type Fixture, type Persona } from "./fixture";
import { call, freshWorld, hasWritten, rolledBack, snapshot, type CallResult, type Outcome } from "./world";

/**
 * Every procedure of the API, called as every persona: the policy must let through
 * exactly the expected personas, and a refused call must leave the database unchanged.
 *
 * Each group of cases (cases/index.ts) gets one world (world.ts), shared by all its calls:
 * every call runs in a transaction that is rolled back, so each persona finds the world as
 * it was built, whatever ran before.
 */

const database = withTestDatabase();
const procedures = Object.keys(appRouter._def.procedures).sort();

/** The refusals each persona may get: outsiders are told nothing exists; members are refused or told so. */
function refusalsFor(persona: Persona, path: string): readonly string[] {
  if (persona === "anonymous") return ["UNAUTHORIZED"];
  const scoped = ruleFor(path)?.kind === "scoped";
  if (persona === "otherPartnershipOfficer" || persona === "removedMember") return scoped ? ["NOT_FOUND"] : ["FORBIDDEN", "NOT_FOUND"];
  return ["FORBIDDEN", "NOT_FOUND"];
}

type Attempt = { result: CallResult; wrote: boolean; after: string | null };

/** Calls once in a rolled-back transaction; a call expected to be refused is also watched for writes. */
async function attempt(world: Fixture, persona: Persona, path: string, input: unknown, watch: boolean): Promise<Attempt> {
  return rolledBack(database.db, async (tx) => {
    const result = await call(tx, world, persona, path, input);
    if (!watch) return { result, wrote: false, after: null };
    return { result, wrote: await hasWritten(tx), after: await snapshot(tx) };
  });
}

/** What observers may do besides reading (`observersToo` in rules.ts). */
const OBSERVER_WRITES: readonly string[] = ["event.rsvp", "event.cancelRsvp", "reflection.respond", "subGroup.leave"];
const procedureKind = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]?._def.type;
const everyInput = Object.entries(cases).flatMap(([path, testCase]) =>
  [testCase, ...(testCase.also ?? [])].map((entry) => ({ path, label: "on" in entry ? `${path} on ${entry.on}` : path, allow: entry.allow })),
);

/** Refused personas first (calls cannot see each other's writes, but a leak would then show where it started). */
const deniedFirst = (allow: readonly Persona[]) =>
  [...PERSONAS].sort((a, b) => Number(allow.includes(a)) - Number(allow.includes(b)));

describe("authorization matrix", () => {
  it("has a case for every procedure, and none for procedures that do not exist", () => {
    expect(procedures.filter((path) => !Object.hasOwn(cases, path))).toEqual([]);
    expect(Object.keys(cases).filter((path) => !procedures.includes(path))).toEqual([]);
    // No procedure is in two groups (one would silently replace the other).
    const grouped = Object.values(caseGroups).flatMap((group) => Object.keys(group));
    expect(grouped.length).toBe(new Set(grouped).size);
  });

  // The expectations themselves follow the policy (rules.ts: the partnership role bounds
  // every other row), so a failing call cannot be "fixed" by letting a demoted or removed person in.
  it("expects the demoted lead to read what observers read, and to write only what observers may", () => {
    expect(procedures.filter((path) => !["query", "mutation"].includes(procedureKind(path) ?? ""))).toEqual([]);
    const wrong: string[] = [];
    for (const { path, label, allow } of everyInput) {
      if (allow.includes("observer") && !allow.includes("demotedLead")) wrong.push(`${label}: the observer is let in, the demoted lead is not`);
      const write = procedureKind(path) === "mutation" && ruleFor(path)?.kind === "scoped";
      if (allow.includes("demotedLead") && write && !OBSERVER_WRITES.includes(path)) wrong.push(`${label}: a write observers may not make`);
    }
    expect(wrong).toEqual([]);
  });

  it("expects the removed member to be let into nothing of any partnership", () => {
    const wrong = everyInput.filter(({ path, allow }) => allow.includes("removedMember") && ruleFor(path)?.kind === "scoped");
    expect(wrong.map(({ label }) => label)).toEqual([]);
  });

  describe("the proof that a refused call wrote nothing", () => {
    it("notices a write, even one undone before the call returned, and keeps it out of the world", async () => {
      const { db } = database;
      const world = await freshWorld(db);
      const built = await snapshot(db);
      const seen = await rolledBack(db, async (tx) => {
        let changed = "";
        // As a procedure's own transaction would: write, then fail and be undone.
        await tx
          .$transaction(async (inner) => {
            await inner.user.update({ where: { id: world.people.member.id }, data: { name: "Someone else" } });
            changed = await snapshot(inner as typeof tx);
            throw new Error("undo");
          })
          .catch(() => undefined);
        return { changed, wrote: await hasWritten(tx), after: await snapshot(tx) };
      });
      expect(seen.changed).not.toBe(built);
      expect(seen.wrote).toBe(true);
      expect(seen.after).toBe(built);
      expect(await snapshot(db)).toBe(built);
    });
  });

  for (const [group, groupCases] of Object.entries(caseGroups)) {
    describe(group, () => {
      let world: Fixture;
      let built: string;
      beforeAll(async () => {
        world = await freshWorld(database.db);
        built = await snapshot(database.db);
      });
      // Nothing any call did (allowed or not) outlived its transaction.
      afterAll(async () => {
        expect(await snapshot(database.db)).toBe(built);
      });

      for (const path of Object.keys(groupCases).sort()) {
        const testCase = groupCases[path]!;
        const inputs: (AuthorizationInput & { on?: string })[] = [testCase, ...(testCase.also ?? [])];
        describe(path, () => {
          for (const { on, input, allow } of inputs) {
            for (const persona of deniedFirst(allow)) {
              const expected: Outcome = allow.includes(persona) ? "allowed" : "denied";
              it(`is ${expected} for ${persona}${on ? ` on ${on}` : ""}`, async () => {
                const { result, wrote, after } = await attempt(world, persona, path, input?.(world), expected === "denied");
                expect(result.outcome, result.message ?? "it was let in").toBe(expected);
                if (expected === "allowed") return;
                expect(refusalsFor(persona, path)).toContain(result.code);
                expect(wrote, "a refused call must not write (or lock) anything").toBe(false);
                expect(after).toBe(built);
              });
            }
          }
        });
      }
    });
  }
});
