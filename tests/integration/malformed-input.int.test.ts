import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisationIn, createPartnership, createPerson, createPriorityArea, createSubGroup } from "./support/factories";

/*
 * Every procedure, over HTTP, with inputs nobody should send: control characters (NUL
 * first), huge strings, wrong types, nested junk, arrays for objects. Inputs are built from
 * each procedure's own schema and point at a real partnership, so they get past the policy
 * and the parsers as far as they can; then the answer must be a refusal or a success,
 * never a 5xx, and never show a stack, SQL, a file path or Prisma's words. Nothing may be
 * logged as an error either: a refusal is expected, not a failure.
 */

const database = withTestDatabase();
/** Runs per procedure: kept small, so all of them take well under a minute. */
const STRING_RUNS = 6;
const CHAOS_RUNS = 8;

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** Real ids of the small world below, by the input field that carries them. */
let known: Record<string, string[]> = {};
let officer: Actor;

beforeAll(async () => {
  const db = database.db;
  const partnership = await createPartnership(db, { localities: ["North"] });
  const { actor } = await createPerson(db, { name: "Olive Officer" });
  officer = actor;
  await addMember(db, partnership.id, officer.userId, "OFFICER");
  // The member the fuzzed role changes and removals may hit: never the officer.
  const member = await createPerson(db, { name: "Mo Member" });
  const membership = await addMember(db, partnership.id, member.user.id, "MEMBER");
  const area = await createPriorityArea(db, partnership.id);
  const subGroup = await createSubGroup(db, area);
  await db.subGroupMembership.create({ data: { subGroupId: subGroup.id, userId: officer.userId, role: "LEAD" } });
  const organisation = await createOrganisationIn(db, partnership.id);
  const locality = await db.locality.findFirstOrThrow({ where: { partnershipId: partnership.id } });
  known = {
    partnershipSlug: [partnership.slug],
    priorityAreaId: [area.id],
    subGroupId: [subGroup.id],
    userId: [member.user.id, officer.userId],
    leadUserId: [member.user.id],
    membershipId: [membership.id],
    organisationId: [organisation.id],
    localityId: [locality.id],
    // Lists of ids: the element is generated under the list's field name.
    leadUserIds: [officer.userId],
    mentionUserIds: [member.user.id],
    teamUserIds: [member.user.id],
    organisationIds: [organisation.id],
    priorityAreaIds: [area.id],
  };
});

/* ---------- the malformed values ---------- */

const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\ud800", "\udfff"];
// NUL most often: it is the one PostgreSQL cannot store (the others must be refused all the same).
const controlCharacter = fc.oneof({ weight: 2, arbitrary: fc.constant("\u0000") }, { weight: 1, arbitrary: fc.constantFrom(...CONTROL) });
const withControl = fc
  .tuple(fc.string({ maxLength: 12 }), controlCharacter, fc.string({ maxLength: 12 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);
const manyControls = fc.array(controlCharacter, { minLength: 1, maxLength: 20 }).map((characters) => characters.join(""));
const HUGE = ["x".repeat(120_000), "\u0000".repeat(30_000), `${"a".repeat(70_000)}\u0000`, "é😀".repeat(40_000)];
const huge = fc.constantFrom(...HUGE);
const nastyString = fc.oneof(
  { weight: 5, arbitrary: withControl },
  { weight: 2, arbitrary: manyControls },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "'; DROP TABLE \"User\"; --", "../../etc/passwd", "%00", "\\u0000", "null", "__proto__") },
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nastyString, fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(nastyString, fc.oneof(nastyString, fc.integer()), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3, maxKeys: 3 }),
);

/* ---------- inputs shaped like each procedure's schema ---------- */

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/**
 * How an input is spoiled. `strings`: every field well-formed except the strings, which all
 * carry control characters: the input gets as far as it can (the database, before the
 * shared string types refused them). `chaos`: any field may be junk of any type.
 */
type Mode = "strings" | "chaos";

/** Well-formed values for string fields with a format. */
const FITTING_SAMPLES = ["Plain words", "title", "2030-01-15", "2020/21", "0141 555 0100", "https://example.org/page", "name@example.org", "key-0123456789"];
const controlled = fc.oneof({ weight: 4, arbitrary: withControl }, { weight: 1, arbitrary: manyControls });

/** A value shaped like `schema` (enums and real ids where it helps to get further), spoiled as `mode` says. */
function shapedLike(schema: unknown, key: string | undefined, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 6) return mode === "chaos" ? junk : controlled;
  const inner = (next: unknown, name?: string) => shapedLike(next, name, mode, depth + 1);
  const field = (next: unknown, name?: string) =>
    mode === "chaos" ? fc.oneof({ weight: 3, arbitrary: inner(next, name) }, { weight: 1, arbitrary: junk }) : inner(next, name);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([name, next]) => [name, field(next, name)])));
    }
    case "array":
      return fc.array(field(def.element, key), mode === "chaos" ? { maxLength: 3 } : { minLength: 1, maxLength: 2 });
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return mode === "chaos"
        ? fc.oneof(fc.constant(undefined), fc.constant(null), shapedLike(def.innerType, key, mode, depth))
        : fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: shapedLike(def.innerType, key, mode, depth) });
    case "pipe":
      return shapedLike(def.in, key, mode, depth);
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => shapedLike(option, key, mode, depth)));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "boolean":
      return fc.boolean();
    case "number":
      return mode === "chaos" ? fc.oneof(fc.constant(1), fc.integer(), fc.double()) : fc.constantFrom(1, 2);
    case "date":
      return mode === "chaos"
        ? fc.oneof(fc.constant("2030-01-01T10:00:00.000Z"), fc.integer().map((ms) => new Date(ms).toISOString()), nastyString)
        : fc.constantFrom("2030-01-01T10:00:00.000Z", "2030-02-01T10:00:00.000Z");
    case "string": {
      const ids = key ? known[key] : undefined;
      if (ids) return mode === "chaos" ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: nastyString }) : fc.constantFrom(...ids);
      if (mode === "chaos") return nastyString;
      // Half the time a value this field accepts (so a phone, a date or a link does not
      // stop the whole input early), else control characters.
      const fitting = FITTING_SAMPLES.filter((sample) => (schema as z.ZodType).safeParse(sample).success);
      return fitting.length > 0 ? fc.oneof(controlled, fc.constantFrom(...fitting)) : controlled;
    }
    default:
      return mode === "chaos" ? junk : controlled;
  }
}

/** Chaos: any input at all, from fields of the wrong type to junk where the object should be. */
function chaosFor(procedure: Procedure): fc.Arbitrary<unknown> {
  const schema = procedure._def.inputs[0];
  if (!schema) return fc.oneof(fc.constant(undefined), junk);
  return fc.oneof({ weight: 2, arbitrary: shapedLike(schema, undefined, "chaos") }, { weight: 1, arbitrary: junk });
}

/** Well-formed but for the strings, each carrying control characters. */
function controlStringsFor(procedure: Procedure): fc.Arbitrary<unknown> {
  const schema = procedure._def.inputs[0];
  return schema ? shapedLike(schema, undefined, "strings") : fc.constant(undefined);
}

/* ---------- over HTTP ---------- */

async function send(db: Database, actor: Actor | null, path: string, type: Procedure["_def"]["type"], input: unknown) {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const body = JSON.stringify({ json: input });
  const request =
    type === "query"
      ? new Request(`${url.toString()}?input=${encodeURIComponent(body)}`)
      : new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => ({ db, actor }),
    onError: () => {},
  });
  return { status: response.status, text: await response.text() };
}

/** What must never reach a browser: stack frames, file paths, SQL, Prisma's or PostgreSQL's words. */
const INTERNALS =
  /\bat (?:async )?[\w$.<>]+ \(|\(?\/[\w./-]+\.(?:ts|tsx|js|mjs|cjs):\d+|node_modules|\/work\/|"stack"|\bSELECT\b[\s\S]{0,80}\bFROM\b|\bINSERT INTO\b|PrismaClient|prisma\.\w+\.\w+\(|Invalid `|\bP[1-3]\d{3}\b|invalid byte sequence|22P05|23505|unsupported Unicode escape/;

const logged: unknown[][] = [];
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe("malformed input over HTTP, for every procedure", () => {
  it("covers the whole API", () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  describe.each(procedures)("%s", (path, procedure) => {
    const type = procedure._def.type;
    const answersSafely = async (actor: Actor | null, input: unknown) => {
      logged.length = 0;
      const { status, text } = await send(database.db, actor, path, type, input);
      expect(status, text.slice(0, 500)).toBeLessThan(500);
      expect(text).not.toMatch(INTERNALS);
      expect(logged, JSON.stringify(logged).slice(0, 500)).toEqual([]);
    };

    it("refuses control characters in well-formed input from an officer, without a 5xx or a logged error", async () => {
      await fc.assert(
        fc.asyncProperty(controlStringsFor(procedure), (input) => answersSafely(officer, input)),
        { numRuns: STRING_RUNS, endOnFailure: true },
      );
    });

    it("answers junk from an officer or anyone, never a 5xx, never internals", async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), chaosFor(procedure), (signedIn, input) => answersSafely(signedIn ? officer : null, input)),
        { numRuns: CHAOS_RUNS, endOnFailure: true, examples: [[false, "\u0000"], [true, ["\u0000", { "\u0000": null }]]] },
      );
    });
  });
});
