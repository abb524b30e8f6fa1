import { describe, expect, it } from "vitest";
import { tandemAuthAdapter } from "@/server/auth/adapter";
import { createSession, resolveActor, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { withTestDatabase } from "./support/database";
import { createPerson, unique } from "./support/factories";

const database = withTestDatabase();

describe("database sessions", () => {
  it("resolves a live session to its person, read fresh from the database", async () => {
    const { db } = database;
    const { user } = await createPerson(db, { name: "Before" });
    const { sessionToken } = await createSession(db, user.id);

    expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: user.id, name: "Before" });
    await db.user.update({ where: { id: user.id }, data: { name: "After" } });
    expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: user.id, name: "After" });
  });

  it("treats an expired, deleted or unknown session as signed out", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const adapter = tandemAuthAdapter(db);
    const expired = unique("expired");
    await db.session.create({ data: { sessionToken: expired, userId: user.id, expires: new Date(Date.now() - 1000) } });
    const { sessionToken } = await createSession(db, user.id);

    expect(await resolveActor(db, expired)).toBeNull();
    expect(await resolveActor(db, "not-a-session")).toBeNull();
    expect(await resolveActor(db, undefined)).toBeNull();

    await adapter.deleteSession!(sessionToken); // what next-auth calls on sign-out
    expect(await resolveActor(db, sessionToken)).toBeNull();
    expect(await db.session.count({ where: { sessionToken } })).toBe(0);
  });

  it("reads the session token from either next-auth cookie name", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc%3D; b=2")).toBe("abc=");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookieHeader("other=1")).toBeUndefined();
    expect(sessionTokenFromCookieHeader(null)).toBeUndefined();
  });
});

describe("the next-auth adapter", () => {
  it("stores email addresses in lower case so a person has one account", async () => {
    const { db } = database;
    const adapter = tandemAuthAdapter(db);
    const email = `${unique("Mixed")}@Example.ORG`;
    const created = await adapter.createUser!({ email, emailVerified: null, name: null, image: null } as never);
    const found = await adapter.getUserByEmail!(email.toUpperCase());
    expect(found?.id).toBe((created as { id: string }).id);
    expect(found?.email).toBe(email.toLowerCase());
  });

  it("lets a sign-in link be used once only, even when two clicks race", async () => {
    const { db } = database;
    const adapter = tandemAuthAdapter(db);
    const identifier = `${unique("link")}@example.org`;
    const token = unique("token");
    const expires = new Date(Date.now() + 60_000);
    await adapter.createVerificationToken!({ identifier, token, expires });

    const [first, second] = await Promise.all([
      adapter.useVerificationToken!({ identifier, token }),
      adapter.useVerificationToken!({ identifier, token }),
    ]);
    const winners = [first, second].filter(Boolean);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ identifier, token, expires });
    expect(await adapter.useVerificationToken!({ identifier, token })).toBeNull();
  });

  it("links an identity-provider account to its person", async () => {
    const { db } = database;
    const adapter = tandemAuthAdapter(db);
    const { user } = await createPerson(db);
    const providerAccountId = unique("sub");
    await adapter.linkAccount!({ userId: user.id, type: "oauth", provider: "oidc", providerAccountId } as never);
    expect((await adapter.getUserByAccount!({ provider: "oidc", providerAccountId }))?.id).toBe(user.id);
    expect(await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: "someone-else" })).toBeNull();
  });
});
