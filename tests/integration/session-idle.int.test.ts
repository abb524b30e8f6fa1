import { afterAll, describe, expect, it } from "vitest";
import { tandemAuthAdapter } from "@/server/auth/adapter";
import { createSession, endAllSessions, resolveActor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { parseEnv } from "@/server/env";
import { withTestDatabase } from "./support/database";
import { createPerson } from "./support/factories";

const database = withTestDatabase();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterAll(() => {
  delete (globalThis as { tandemDb?: Database }).tandemDb;
});

async function lastUsedAt(db: Database, sessionToken: string) {
  return (await db.session.findUniqueOrThrow({ where: { sessionToken } })).lastUsedAt;
}

describe("idle sessions", () => {
  it("ends a session not used for longer than the idle timeout (8 hours by default)", async () => {
    const { db } = database;
    expect(parseEnv({}).TANDEM_SESSION_IDLE_MINUTES).toBe(8 * 60);
    const { user } = await createPerson(db);
    const { sessionToken } = await createSession(db, user.id);
    await db.session.update({ where: { sessionToken }, data: { lastUsedAt: new Date(Date.now() - 8 * HOUR - MINUTE) } });

    expect(await resolveActor(db, sessionToken)).toBeNull();
    expect(await db.session.count({ where: { sessionToken } })).toBe(0);
  });

  it("keeps a session in use working, writing its last use at most every few minutes", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const { sessionToken } = await createSession(db, user.id);
    const started = await lastUsedAt(db, sessionToken);
    const at = (ms: number) => ({ now: new Date(started.getTime() + ms), idleMinutes: 8 * 60 });

    // A minute later: read only.
    expect(await resolveActor(db, sessionToken, at(MINUTE))).toMatchObject({ userId: user.id });
    expect(await lastUsedAt(db, sessionToken)).toEqual(started);

    // Used every seven hours: each use is within eight hours of the one before.
    for (const hours of [7, 14, 21]) {
      expect(await resolveActor(db, sessionToken, at(hours * HOUR))).toMatchObject({ userId: user.id });
      expect(await lastUsedAt(db, sessionToken)).toEqual(at(hours * HOUR).now);
    }
    // Then left alone for more than eight hours.
    expect(await resolveActor(db, sessionToken, at(29 * HOUR + MINUTE))).toBeNull();
  });

  it("honours a configured idle timeout, and next-auth's adapter sees the same", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const { sessionToken } = await createSession(db, user.id);
    const started = await lastUsedAt(db, sessionToken);
    const later = (minutes: number) => ({ now: new Date(started.getTime() + minutes * MINUTE), idleMinutes: 30 });

    expect(await resolveActor(db, sessionToken, later(29))).not.toBeNull();
    expect(await resolveActor(db, sessionToken, later(58))).not.toBeNull();
    expect(await resolveActor(db, sessionToken, later(89))).toBeNull();

    const other = await createSession(db, user.id);
    const adapter = tandemAuthAdapter(db);
    expect(await adapter.getSessionAndUser!(other.sessionToken)).toMatchObject({ user: { id: user.id } });
    await db.session.update({ where: { sessionToken: other.sessionToken }, data: { lastUsedAt: new Date(Date.now() - 9 * HOUR) } });
    expect(await adapter.getSessionAndUser!(other.sessionToken)).toBeNull();
  });
});

describe("sign out of every device", () => {
  it("ends every session of that person, the current one included, and none of anyone else's", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const { user: neighbour } = await createPerson(db);
    const mine = await Promise.all([createSession(db, user.id), createSession(db, user.id), createSession(db, user.id)]);
    const theirs = await Promise.all([createSession(db, neighbour.id), createSession(db, neighbour.id)]);

    (globalThis as { tandemDb?: Database }).tandemDb = db; // what getDb() gives the route
    const { POST } = await import("@/app/api/sign-out-everywhere/route");
    const response = await POST(
      new Request("http://localhost:3000/api/sign-out-everywhere", {
        method: "POST",
        headers: { origin: "http://localhost:3000", cookie: `next-auth.session-token=${mine[0]!.sessionToken}` },
      }),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?signedOut=everywhere");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/next-auth\.session-token=;.*Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const { sessionToken } of mine) expect(await resolveActor(db, sessionToken)).toBeNull();
    expect(await db.session.count({ where: { userId: neighbour.id } })).toBe(2);
    for (const { sessionToken } of theirs) expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: neighbour.id });
  });

  it("refuses a post from another site, and does nothing without a session", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const { sessionToken } = await createSession(db, user.id);
    (globalThis as { tandemDb?: Database }).tandemDb = db;
    const { POST } = await import("@/app/api/sign-out-everywhere/route");

    const forged = await POST(
      new Request("http://localhost:3000/api/sign-out-everywhere", {
        method: "POST",
        headers: { origin: "https://evil.example", cookie: `next-auth.session-token=${sessionToken}` },
      }),
    );
    expect(forged.status).toBe(403);
    expect(await resolveActor(db, sessionToken)).not.toBeNull();

    const anonymous = await POST(new Request("http://localhost:3000/api/sign-out-everywhere", { method: "POST" }));
    expect(anonymous.headers.get("location")).toBe("http://localhost:3000/signin");
    expect(await endAllSessions(db, user.id)).toBe(1);
  });
});

describe("sign out", () => {
  const signOut = async (cookie: string | null, options: { origin?: string; callbackUrl?: string } = {}) => {
    const { POST } = await import("@/app/api/sign-out/route");
    const body = new URLSearchParams(options.callbackUrl === undefined ? {} : { callbackUrl: options.callbackUrl });
    return POST(
      new Request("http://localhost:3000/api/sign-out", {
        method: "POST",
        headers: {
          origin: options.origin ?? "http://localhost:3000",
          "content-type": "application/x-www-form-urlencoded",
          ...(cookie ? { cookie } : {}),
        },
        body,
      }),
    );
  };

  it("ends this session only, clears its cookie and goes where the form asked, if that is on this site", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const [here, elsewhere] = await Promise.all([createSession(db, user.id), createSession(db, user.id)]);
    (globalThis as { tandemDb?: Database }).tandemDb = db;

    const response = await signOut(`next-auth.session-token=${here.sessionToken}`, { callbackUrl: "/invite/abc?x=1" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/invite/abc?x=1");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/next-auth\.session-token=;.*Max-Age=0/);
    expect(await resolveActor(db, here.sessionToken)).toBeNull();
    expect(await resolveActor(db, elsewhere.sessionToken)).toMatchObject({ userId: user.id });

    // Another site's address is never followed: home instead.
    for (const callbackUrl of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      expect((await signOut(`next-auth.session-token=${elsewhere.sessionToken}`, { callbackUrl })).headers.get("location")).toBe("http://localhost:3000/");
    }
    expect(await resolveActor(db, elsewhere.sessionToken)).toBeNull();
  });

  it("refuses a post from another site, and signs out nothing without a session", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const { sessionToken } = await createSession(db, user.id);
    (globalThis as { tandemDb?: Database }).tandemDb = db;

    const forged = await signOut(`next-auth.session-token=${sessionToken}`, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: user.id });

    const anonymous = await signOut(null);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("http://localhost:3000/");
    expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: user.id });
  });
});
