import { randomInt } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { apiResponseMeta } from "@/server/api/response-meta";
import { checkSignInLinkRequest, refuseSignInLinkRequest } from "@/server/auth/sign-in-limits";
import type { Actor } from "@/server/auth/session";
import { createDatabaseClient, type Database } from "@/server/db/client";
import { limitDemoSignIn } from "@/server/domain/demo/demo-sign-in";
import { hashInvitationToken } from "@/server/domain/invitations/invitation-token";
import { createInvitation, resendInvitation } from "@/server/domain/invitations/invitations";
import { countRequest, RateLimitedError, rateLimitKey } from "@/server/domain/rate-limits/rate-limit";
import { parseEnv } from "@/server/env";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { createPerson, unique } from "./support/factories";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();
/** The defaults, as an installation that sets nothing gets them. */
const env = parseEnv({ NODE_ENV: "test" });
const MINUTE = 60_000;

/** A client address of its own for each test, so tests do not share the per-address count. */
const anAddress = () => `203.0.${randomInt(0, 255)}.${randomInt(1, 255)}`;
const anEmail = () => `${unique("link")}@example.org`;

/** What next-auth's browser client posts to ask for a sign-in link. */
function signInLinkRequest(email: string, address: string) {
  return new NextRequest("http://localhost:3000/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.9.9.9, ${address}` },
    body: new URLSearchParams({ email, csrfToken: "csrf", callbackUrl: "/", json: "true" }),
  });
}

/** A second "instance": its own Prisma client and pool on the same database. */
let otherInstance: Database;
beforeAll(() => {
  otherInstance = createDatabaseClient(database.url, { poolSize: 5 });
});
afterAll(async () => {
  await otherInstance.$disconnect();
  delete (globalThis as { tandemDb?: Database }).tandemDb;
});

describe("sign-in links", () => {
  it("refuses the sixth link for one address within ten minutes with 429, Retry-After and a plain message; another address is not affected", async () => {
    const { db } = database;
    const email = anEmail();
    const address = anAddress();
    for (let i = 0; i < 5; i++) {
      expect(await refuseSignInLinkRequest(db, signInLinkRequest(email, address), env)).toBeNull();
    }

    const refused = await refuseSignInLinkRequest(db, signInLinkRequest(email.toUpperCase(), address), env);
    expect(refused?.status).toBe(429);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    const body = (await refused!.json()) as { url: string; message: string };
    expect(body.message).toBe("Too many sign-in links were asked for this address. Try again in 10 minutes.");
    expect(body.url).toBe("http://localhost:3000/signin");

    expect(await refuseSignInLinkRequest(db, signInLinkRequest(anEmail(), address), env)).toBeNull();
  });

  it("is refused by the sign-in route itself before next-auth creates a token", async () => {
    const { db } = database;
    (globalThis as { tandemDb?: Database }).tandemDb = db; // what getDb() gives the route
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const email = anEmail();
    const address = anAddress();
    for (let i = 0; i < 5; i++) await refuseSignInLinkRequest(db, signInLinkRequest(email, address));

    const response = await POST(signInLinkRequest(email, address), { params: Promise.resolve({ nextauth: ["signin", "email"] }) });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });

  it("answers a plain form post (no JSON asked for) in plain text", async () => {
    const { db } = database;
    const email = anEmail();
    const address = anAddress();
    const plain = () =>
      new Request("http://localhost:3000/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
        body: new URLSearchParams({ email, csrfToken: "csrf" }),
      });
    for (let i = 0; i < 5; i++) await refuseSignInLinkRequest(db, plain(), env);
    const refused = await refuseSignInLinkRequest(db, plain(), env);
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await refused!.text()).toMatch(/^Too many sign-in links were asked for this address\. Try again in \d+ minutes\.$/);
  });

  it("limits one network to 20 links in ten minutes, whatever the addresses", async () => {
    const { db } = database;
    const address = anAddress();
    for (let i = 0; i < 20; i++) {
      expect(await checkSignInLinkRequest(db, { email: anEmail(), address }, env)).toBeNull();
    }
    const refused = await checkSignInLinkRequest(db, { email: anEmail(), address }, env);
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many sign-in links were asked for from your network\. Try again in/) });
    expect(await checkSignInLinkRequest(db, { email: anEmail(), address: anAddress() }, env)).toBeNull();
  });

  it("shares the count between instances, even when they race", async () => {
    const email = anEmail();
    const clients = [database.db, otherInstance];
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) => checkSignInLinkRequest(clients[i % 2]!, { email, address: anAddress() }, env)),
    );
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome?.status === 429)).toHaveLength(11);

    // Sequential requests alternate too: three on one instance and two on the other make five.
    const second = anEmail();
    for (const client of [database.db, otherInstance, database.db, otherInstance, database.db]) {
      expect(await checkSignInLinkRequest(client, { email: second, address: anAddress() }, env)).toBeNull();
    }
    expect(await checkSignInLinkRequest(otherInstance, { email: second, address: anAddress() }, env)).toMatchObject({ status: 429 });
  });

  it("counts a sliding ten minutes: Retry-After says when the oldest request leaves it, and then one more is allowed", async () => {
    const { db } = database;
    const email = anEmail();
    const start = new Date(Date.now() - 60 * MINUTE);
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    for (const minute of [0, 1, 2, 3, 4]) {
      expect(await checkSignInLinkRequest(db, { email, address: anAddress() }, env, at(minute))).toBeNull();
    }
    expect(await checkSignInLinkRequest(db, { email, address: anAddress() }, env, at(4))).toEqual({
      status: 429,
      retryAfterSeconds: 6 * 60,
      message: "Too many sign-in links were asked for this address. Try again in 6 minutes.",
    });
    // Refused tries are not counted, so the wait stays true however often someone retries.
    expect(await checkSignInLinkRequest(db, { email, address: anAddress() }, env, at(9.5))).toMatchObject({ retryAfterSeconds: 30 });
    expect(await checkSignInLinkRequest(db, { email, address: anAddress() }, env, at(10.01))).toBeNull();
    expect(await checkSignInLinkRequest(db, { email, address: anAddress() }, env, at(10.5))).toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it("with TANDEM_SIGN_UP_DOMAINS, sends links outside them only to people with an account or an open invitation", async () => {
    const { db } = database;
    const closed = parseEnv({ NODE_ENV: "test", TANDEM_SIGN_UP_DOMAINS: "council.example, @nhs.example" });
    const ask = (email: string) => checkSignInLinkRequest(db, { email, address: anAddress() }, closed);

    expect(await ask(`${unique("staff")}@council.example`)).toBeNull();
    expect(await ask(`${unique("Staff")}@NHS.example`)).toBeNull();
    const outsider = await ask(`${unique("someone")}@elsewhere.example`);
    expect(outsider).toMatchObject({ status: 403, message: expect.stringContaining("Ask an officer of your partnership to send you an invitation") });

    const { user } = await createPerson(db); // an account at example.org
    expect(await ask(user.email)).toBeNull();

    const w = await partnershipWorld(db, { cast: { officer: { name: "Sandra Kerr", role: "OFFICER" } } });
    const invited = `${unique("invited")}@elsewhere.example`;
    await db.invitation.create({
      data: {
        partnershipId: w.partnership.id,
        email: invited,
        role: "MEMBER",
        tokenHash: hashInvitationToken(unique("token")),
        invitedById: w.people.officer.userId,
        expiresAt: new Date(Date.now() + 24 * 60 * MINUTE),
      },
    });
    expect(await ask(invited)).toBeNull();
  });
});

describe("the rate-limit table", () => {
  it("deletes expired rows as others are counted, a bounded number at a time", async () => {
    const { db } = database;
    const tag = unique("old");
    const long = new Date(Date.now() - 24 * 60 * MINUTE);
    await db.rateLimitBucket.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ key: `${tag}:${i}`, hits: [long], expiresAt: long })),
    });
    const left = () => db.rateLimitBucket.count({ where: { key: { startsWith: tag } } });
    await countRequest(db, "sign-in-email", anEmail(), env.TANDEM_RATE_LIMIT_SIGN_IN_EMAIL);
    expect(await left()).toBeLessThanOrEqual(10);
    await countRequest(db, "sign-in-email", anEmail(), env.TANDEM_RATE_LIMIT_SIGN_IN_EMAIL);
    expect(await left()).toBe(0);
  });

  it("keeps no address in the table, and at most the limit's count of requests per key", async () => {
    const { db } = database;
    const email = anEmail();
    for (let i = 0; i < 8; i++) await countRequest(db, "sign-in-email", email, env.TANDEM_RATE_LIMIT_SIGN_IN_EMAIL);
    const row = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: rateLimitKey("sign-in-email", email) } });
    expect(row.key).not.toContain(email);
    expect(row.hits).toHaveLength(5);
  });
});

describe("invitations", () => {
  it("limits each officer's invitation emails, new and resent together, and not another officer's", async () => {
    const { db } = database;
    const tight = parseEnv({ NODE_ENV: "test", TANDEM_RATE_LIMIT_INVITATIONS: "3/1h" });
    const w = await partnershipWorld(db, { cast: { officer: { name: "Sandra Kerr", role: "OFFICER" }, other: { name: "Ravi Patel", role: "OFFICER" } } });
    const invite = (actor: Actor) => createInvitation(db, actor, w.partnership.id, { email: anEmail(), role: "MEMBER" }, tight);

    const first = await invite(w.people.officer);
    await invite(w.people.officer);
    await resendInvitation(db, w.people.officer, w.partnership.id, { invitationId: first.id }, tight);
    const refusal = await invite(w.people.officer).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).code).toBe("TOO_MANY_REQUESTS");
    expect((refusal as RateLimitedError).userMessage).toMatch(/invitations in a short time.*Try again in \d+ minutes\./);
    await expect(resendInvitation(db, w.people.officer, w.partnership.id, { invitationId: first.id }, tight)).rejects.toBeInstanceOf(
      RateLimitedError,
    );

    await invite(w.people.other);
  });

  it("allows 50 an hour by default", () => {
    expect(env.TANDEM_RATE_LIMIT_INVITATIONS).toEqual({ limit: 50, windowSeconds: 3600 });
  });
});

describe("demo sign-in", () => {
  it("limits demo sign-ins per network", async () => {
    const { db } = database;
    const demo = parseEnv({ NODE_ENV: "test", TANDEM_DEMO_MODE: "true", TANDEM_RATE_LIMIT_DEMO_SIGN_IN: "2/10m" });
    const headers = new Headers({ "x-forwarded-for": anAddress() });
    await limitDemoSignIn(db, headers, demo);
    await limitDemoSignIn(db, headers, demo);
    await expect(limitDemoSignIn(db, headers, demo)).rejects.toThrow(/^Too many demo sign-ins came from your network\. Try again in 10 minutes\.$/);
    await limitDemoSignIn(db, new Headers({ "x-forwarded-for": anAddress() }), demo);
    expect(env.TANDEM_RATE_LIMIT_DEMO_SIGN_IN).toEqual({ limit: 30, windowSeconds: 600 });
  });
});

describe("changes through the API", () => {
  const settings = { emailOnJoinRequests: true, emailOnDecisions: false, emailOnMentions: true };

  async function overHttp(db: Database, actor: Actor) {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/me.updateNotificationSettings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: settings }),
      }),
      router: appRouter,
      responseMeta: apiResponseMeta,
      createContext: () => ({ db, actor }),
      onError: () => {},
    });
  }

  it("allows each person 300 changes in five minutes, then answers 429 with Retry-After; reads and other people carry on", async () => {
    const { db } = database;
    const { actor } = await createPerson(db);
    const { actor: someoneElse } = await createPerson(db);
    const api = callerFor(db, actor);

    // 20 at a time. A change counts once it has succeeded, so each batch sees the ones before.
    let allowed = 0;
    let refused = 0;
    for (let batch = 0; batch < 16; batch++) {
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => api.me.updateNotificationSettings(settings)));
      allowed += results.filter((result) => result.status === "fulfilled").length;
      refused += results.filter((result) => result.status === "rejected").length;
    }
    expect({ allowed, refused }).toEqual({ allowed: 300, refused: 20 });

    const response = await overHttp(db, actor);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(5 * 60);
    const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.json.message).toMatch(/^You have made a lot of changes in a short time, so Tandem is holding the next one back\. Try again in \d+ (minutes?|seconds?)\.$/);

    await expect(api.me.profile()).resolves.toBeTruthy();
    expect((await overHttp(db, someoneElse)).status).toBe(200);
  });
});
