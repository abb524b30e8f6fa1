import { beforeAll, describe, expect, it } from "vitest";
import { ruleFor, type PartnershipScopeKey } from "@/server/auth/rules";
import { withTestDatabase } from "../support/database";
import { buildFlagWorld, type FlagWorld } from "./flag-world";
import { checksOf, PAGE_FLAGS, type PageFlags } from "./flags";
import { PERSONAS, type Persona } from "./fixture";
import { outcomeOf } from "./world";

/**
 * The `viewer.can*` flags a page renders agree with the API: for every page (on each resource
 * in flags.ts) and every persona, each flag is true exactly when the procedure it stands for
 * is let in for that persona; when the page itself is refused, so is every such procedure.
 * Every call runs in a rolled-back transaction, so all of them meet the same world.
 */

const database = withTestDatabase();

/**
 * Disagreements between a page's flags and the API, by "<page> on <resource> for <persona>":
 * none. Each would be a bug to fix in server/, not here; a new one fails the test.
 */
const KNOWN_DISAGREEMENTS: Record<string, readonly string[]> = {};

const PARTNERSHIP_SCOPES: readonly string[] = [
  "partnershipSlug",
  "localityId",
  "membershipId",
  "invitationId",
  "priorityAreaId",
  "fundId",
  "roundId",
  "awardId",
] satisfies PartnershipScopeKey[];

/** Whether a procedure is decided by the actor's partnership role alone (its input names no resource beneath). */
function partnershipWide(procedure: string): boolean {
  const rule = ruleFor(procedure);
  return rule?.kind !== "scoped" || PARTNERSHIP_SCOPES.includes(rule.via);
}

/** The `can*` flags of a page's answer: at its top level and one object down (`viewer`, `my`). */
function flagsOf(value: unknown): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  const visit = (object: object, prefix: string, depth: number) => {
    for (const [key, field] of Object.entries(object)) {
      if (/^can[A-Z]/.test(key) && typeof field === "boolean") flags[prefix + key] = field;
      else if (depth === 0 && field && typeof field === "object" && !Array.isArray(field) && !(field instanceof Date)) {
        visit(field, `${prefix}${key}.`, depth + 1);
      }
    }
  };
  if (value && typeof value === "object") visit(value, "", 0);
  return flags;
}

async function disagreements(world: FlagWorld, persona: Persona, entry: PageFlags): Promise<string[]> {
  const { db } = database;
  const page = await outcomeOf(db, world, persona, entry.page, entry.input(world));
  const shown = page.outcome === "allowed" ? flagsOf(page.value) : null;
  const found: string[] = [];
  if (shown) {
    // Every flag the page returns is either compared here or left out with a reason.
    expect(Object.keys(shown).sort(), `the can* flags of ${entry.page}`).toEqual(
      [...Object.keys(entry.flags), ...Object.keys(entry.leftOut ?? {})].sort(),
    );
  }
  for (const [flag, rule] of Object.entries(entry.flags)) {
    const { mode, checks } = checksOf(rule);
    const results: { procedure: string; allowed: boolean }[] = [];
    for (const { procedure, input } of checks) {
      const { outcome } = await outcomeOf(db, world, persona, procedure, input(world));
      results.push({ procedure, allowed: outcome === "allowed" });
    }
    const says = (allowed: boolean) => (allowed ? "allowed" : "refused");
    if (!shown) {
      // What cannot be seen cannot be acted on (partnership-wide actions behind a flag, such
      // as writing a story from a project's page, do not depend on the page's resource).
      for (const { procedure, allowed } of results) {
        if (allowed && !partnershipWide(procedure)) found.push(`${entry.page} is refused, but ${procedure} (behind ${flag}) is allowed`);
      }
    } else if (mode === "any") {
      const anyAllowed = results.some((result) => result.allowed);
      if (shown[flag] !== anyAllowed) {
        found.push(`${flag} is ${shown[flag]}, but ${results.map((r) => `${r.procedure} ${says(r.allowed)}`).join(", ")}`);
      }
    } else {
      for (const { procedure, allowed } of results) {
        if (shown[flag] !== allowed) found.push(`${flag} is ${shown[flag]}, but ${procedure} is ${says(allowed)}`);
      }
    }
  }
  return found;
}

describe("viewer flags agree with the API", () => {
  let world: FlagWorld;
  beforeAll(async () => {
    world = await buildFlagWorld(database.db);
  });

  for (const entry of PAGE_FLAGS) {
    describe(`${entry.page} on ${entry.on}`, () => {
      for (const persona of PERSONAS) {
        const key = `${entry.page} on ${entry.on} for ${persona}`;
        it(`for ${persona}`, async () => {
          expect(await disagreements(world, persona, entry)).toEqual(KNOWN_DISAGREEMENTS[key] ?? []);
        });
      }
    });
  }

  it("lists only disagreements of pages and personas it checks", () => {
    const keys = PAGE_FLAGS.flatMap((entry) => PERSONAS.map((persona) => `${entry.page} on ${entry.on} for ${persona}`));
    expect(Object.keys(KNOWN_DISAGREEMENTS).filter((key) => !keys.includes(key))).toEqual([]);
  });
});
