import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Database } from "@/server/db/client";
import { callerFor } from "../support/caller";
import { withTestDatabase } from "../support/database";
import type { AuthorizationCases } from "./case";
import { assessmentCases } from "./cases/assessment";
import { coreCases } from "./cases/core";
import { directoryCases } from "./cases/directory";
import { discussionsCases } from "./cases/discussions";
import { fundingCases } from "./cases/funding";
import { notificationsCases } from "./cases/notifications";
import { partnershipAdminCases } from "./cases/partnership-admin";
import { priorityAreasCases } from "./cases/priority-areas";
import { portfolioCases } from "./cases/portfolio";
import { projectsCases } from "./cases/projects";
import { proposalsCases } from "./cases/proposals";
import { subGroupsCases } from "./cases/sub-groups";
import { transparencyCases } from "./cases/transparency";
import { storiesCases } from "./cases/stories";
import { eventsCases } from "./cases/events";
import { reflectionsCases } from "./cases/reflections";
import { actorFor, buildFixture, PERSONAS, type Fixture, type Persona } from "./fixture";

/**
 * Every procedure of the API, called as every persona: the policy must let through
 * exactly the expected personas, and a refused call must leave the database unchanged.
 */
const cases: AuthorizationCases = {
  ...coreCases,
  ...partnershipAdminCases,
  ...priorityAreasCases,
  ...subGroupsCases,
  ...discussionsCases,
  ...directoryCases,
  ...notificationsCases,
  ...fundingCases,
  ...proposalsCases,
  ...assessmentCases,
  ...projectsCases,
  ...portfolioCases,
  ...transparencyCases,
  ...storiesCases,
  ...eventsCases,
  ...reflectionsCases,
};

const database = withTestDatabase();
const procedures = Object.keys(appRouter._def.procedures).sort();

/** A fingerprint of every row of every table, to prove a refused call wrote nothing. */
async function snapshot(db: Database): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table_name}" t`,
    );
    parts.push(`${table_name}:${row?.digest}`);
  }
  return parts.join("\n");
}

type Outcome = "allowed" | "denied";

async function call(db: Database, fixture: Fixture, persona: Persona, path: string, input: unknown): Promise<Outcome> {
  const caller = callerFor(db, actorFor(fixture, persona)) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [namespace, name] = path.split(".") as [string, string];
  try {
    await caller[namespace]![name]!(input);
    return "allowed";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" || error.code === "NOT_FOUND") return "denied";
    if (error.code === "INTERNAL_SERVER_ERROR") throw error.cause ?? error;
    // An expected business-rule refusal (conflict, bad input...) happens after the policy let the call in.
    return "allowed";
  }
}

describe("authorization matrix", () => {
  it("has a case for every procedure, and none for procedures that do not exist", () => {
    expect(procedures.filter((path) => !Object.hasOwn(cases, path))).toEqual([]);
    expect(Object.keys(cases).filter((path) => !procedures.includes(path))).toEqual([]);
  });

  for (const path of procedures) {
    const testCase = cases[path];
    if (!testCase) continue;
    describe(path, () => {
      for (const persona of PERSONAS) {
        const expected: Outcome = testCase.allow.includes(persona) ? "allowed" : "denied";
        it(`is ${expected} for ${persona}`, async () => {
          const { db } = database;
          const fixture = await buildFixture(db);
          const input = testCase.input?.(fixture);
          const before = expected === "denied" ? await snapshot(db) : null;
          const outcome = await call(db, fixture, persona, path, input);
          expect(outcome).toBe(expected);
          if (before !== null) expect(await snapshot(db)).toBe(before);
        });
      }
    });
  }
});
