import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import { createDatabaseClient, type Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { addMember, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

/** Sends a real HTTP-shaped request through the same handler the app serves at /api/trpc. */
async function call(db: Database, actor: Actor | null, procedure: string, input?: unknown) {
  const url = new URL(`http://localhost/api/trpc/${procedure}`);
  if (input !== undefined) url.searchParams.set("input", JSON.stringify({ json: input }));
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => ({ db, actor }),
    onError: () => {},
  });
  return { status: response.status, body: (await response.json()) as { error?: { json: Record<string, unknown> } } };
}

function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stack|at Object\.|\.ts:\d+|SELECT|prisma|postgres/i);
}

describe("errors over HTTP", () => {
  it("tells an anonymous caller to sign in, with status 401 and no internals", async () => {
    const { status, body } = await call(database.db, null, "partnership.mine");
    expect(status).toBe(401);
    expect(body.error?.json.message).toBe("Please sign in to continue.");
    expectNoInternals(body);
  });

  it("serves a member, and answers an unusable partnership reference as not found", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { actor } = await createPerson(db);
    await addMember(db, partnership.id, actor.userId);
    const { status, body } = await call(db, actor, "partnership.overview", { partnershipSlug: partnership.slug, extra: 1 });
    expect(status).toBe(200);
    expect(body.error).toBeUndefined();

    const invalid = await call(db, actor, "partnership.overview", { partnershipSlug: 42 });
    expect(invalid.status).toBe(404);
    expectNoInternals(invalid.body);
  });

  it("refuses a procedure that does not exist", async () => {
    const { status, body } = await call(database.db, null, "partnership.deleteEverything");
    expect(status).toBe(404);
    expectNoInternals(body);
  });

  it("hides an unexpected failure behind a generic message with status 500", async () => {
    const { db } = database;
    const { actor } = await createPerson(db);
    // A client whose database does not exist: every query fails inside the driver.
    const broken = createDatabaseClient(database.url.replace(/\/[^/]+$/, "/no_such_database_here"), { poolSize: 1 });
    const { status, body } = await call(broken, actor, "me.profile");
    await broken.$disconnect();
    expect(status).toBe(500);
    expect(body.error?.json.message).toBe("Something went wrong on our side. Please try again in a moment.");
    expectNoInternals(body);
  });
});
