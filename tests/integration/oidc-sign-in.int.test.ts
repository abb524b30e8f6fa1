import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { authOptions } from "@/server/auth/options";
import { resolveActor } from "@/server/auth/session";
import { parseEnv } from "@/server/env";
import { startIdentityProvider, type IdentityProvider } from "./oidc/identity-provider";
import { signInThroughProvider, startTandemAuth, type TandemAuthServer } from "./oidc/tandem-auth";
import { withTestDatabase } from "./support/database";
import { unique } from "./support/factories";

/*
 * The whole OpenID Connect sign-in, over HTTP, against real OpenID providers: Tandem's
 * next-auth (its own options, adapter and database) → the provider's login page → the
 * callback → a session row, or the sign-in error page and nothing written.
 *
 * The council's provider is configured through OIDC_ISSUER with a tenant allow-list;
 * a partner organisation's provider through OIDC_PROVIDERS.
 */

const database = withTestDatabase();

const COUNCIL_TENANT = "6a1e0c51-7d4b-4f4e-9a0e-3c2b1a000001";
const OTHER_TENANT = "6a1e0c51-7d4b-4f4e-9a0e-3c2b1a000002";
const SESSION_COOKIE = "next-auth.session-token";

const tag = unique("oidc");
const email = (name: string) => `${name}.${tag}@example.org`;
const people = {
  officer: email("officer"),
  victim: email("victim"),
  newcomer: email("newcomer"),
  partner: email("partner"),
};

let tandem: TandemAuthServer;
let council: IdentityProvider;
let partner: IdentityProvider;
const previousNextAuthUrl = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  tandem = await startTandemAuth();
  const callback = (id: string) => `${tandem.origin}/api/auth/callback/${id}`;
  council = await startIdentityProvider({
    clients: [{ clientId: "tandem", clientSecret: "council-secret", redirectUris: [callback("oidc")] }],
    accounts: [
      { sub: "officer", email: people.officer.toUpperCase(), email_verified: true, name: "Olu Officer", tid: COUNCIL_TENANT },
      // Someone who can set any address on their account in a directory that does not verify it.
      { sub: "impostor", email: people.victim, email_verified: false, tid: COUNCIL_TENANT },
      { sub: "newcomer", email: people.newcomer, tid: COUNCIL_TENANT },
      { sub: "outsider", email: email("outsider"), email_verified: true, tid: OTHER_TENANT },
    ],
  });
  partner = await startIdentityProvider({
    clients: [
      {
        clientId: "tandem-partner",
        clientSecret: "partner-secret",
        redirectUris: [callback("partner"), callback("lookalike")],
      },
    ],
    accounts: [
      { sub: "partner-person", email: people.partner, email_verified: true, name: "Pat Partner" },
      { sub: "lookalike-person", email: email("lookalike"), email_verified: true },
    ],
  });
  const env = parseEnv({
    NODE_ENV: "test",
    NEXTAUTH_URL: tandem.origin,
    NEXTAUTH_SECRET: "integration-test-secret-of-at-least-32-chars",
    OIDC_ISSUER: council.issuer,
    OIDC_CLIENT_ID: "tandem",
    OIDC_CLIENT_SECRET: "council-secret",
    OIDC_DISPLAY_NAME: "council account",
    OIDC_ALLOWED_TENANTS: COUNCIL_TENANT,
    OIDC_PROVIDERS: JSON.stringify([
      { id: "partner", name: "partner account", issuer: partner.issuer, clientId: "tandem-partner", clientSecret: "partner-secret" },
      // Its discovery document names another issuer (the partner's) than the configured one.
      { id: "lookalike", name: "lookalike", issuer: partner.lookalikeIssuer, clientId: "tandem-partner", clientSecret: "partner-secret" },
    ]),
  });
  process.env.NEXTAUTH_URL = tandem.origin; // next-auth reads its base URL from here
  tandem.setOptions(authOptions({ db: database.db, env }));

  await database.db.user.createMany({
    data: [
      { email: people.officer, name: "Olu (signed up by email)" },
      { email: people.victim, name: "Vic (signed up by email)" },
    ],
  });
});

afterAll(async () => {
  if (previousNextAuthUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = previousNextAuthUrl;
  await Promise.all([tandem?.close(), council?.close(), partner?.close()]);
});

async function accountsOf(provider: string, sub: string) {
  return database.db.account.findMany({ where: { provider, providerAccountId: sub } });
}

function expectRefused(result: Awaited<ReturnType<typeof signInThroughProvider>>, code: string) {
  expect(result.sawLoginPage).toBe(true);
  expect(result.landedAt.pathname).toBe("/signin/error");
  expect(result.landedAt.searchParams.get("error")).toBe(code);
  expect(result.browser.cookie(tandem.origin, SESSION_COOKIE)).toBeUndefined();
}

describe("signing in with an organisation account (OpenID Connect)", () => {
  it("links a verified email to the Tandem account that already has it, and signs that person in", async () => {
    const { db } = database;
    const existing = await db.user.findUniqueOrThrow({ where: { email: people.officer } });

    const result = await signInThroughProvider(tandem.origin, "oidc", "officer");

    expect(result.sawLoginPage).toBe(true);
    expect(result.landedAt.href).toBe(`${tandem.origin}/welcome`);
    const sessionToken = result.browser.cookie(tandem.origin, SESSION_COOKIE);
    expect(sessionToken).toBeDefined();
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(session.userId).toBe(existing.id);
    expect(await resolveActor(db, sessionToken)).toMatchObject({ userId: existing.id, email: people.officer });
    expect(await accountsOf("oidc", "officer")).toMatchObject([{ userId: existing.id, type: "oauth" }]);
    expect(await db.user.count({ where: { email: people.officer } })).toBe(1);

    // Next time the link itself is found: still one person, one linked account, a new session.
    const again = await signInThroughProvider(tandem.origin, "oidc", "officer");
    const secondToken = again.browser.cookie(tandem.origin, SESSION_COOKIE);
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(sessionToken);
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken: secondToken } })).userId).toBe(existing.id);
    expect(await accountsOf("oidc", "officer")).toHaveLength(1);
  });

  it("refuses an unverified email that matches someone's Tandem account, linking nothing", async () => {
    const { db } = database;
    const victim = await db.user.findUniqueOrThrow({ where: { email: people.victim } });

    expectRefused(await signInThroughProvider(tandem.origin, "oidc", "impostor"), "OidcEmailNotVerified");

    expect(await accountsOf("oidc", "impostor")).toEqual([]);
    expect(await db.account.count({ where: { userId: victim.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(0);
    expect(signInErrorMessage("OidcEmailNotVerified")).toMatch(
      /^Your organisation's account did not confirm your email address, so it cannot be linked to your Tandem account\. Sign in with an email link instead, or ask your IT team/,
    );
  });

  it("does not create a new person from an email the provider did not verify", async () => {
    expectRefused(await signInThroughProvider(tandem.origin, "oidc", "newcomer"), "OidcEmailNotVerified");

    expect(await database.db.user.count({ where: { email: people.newcomer } })).toBe(0);
    expect(await accountsOf("oidc", "newcomer")).toEqual([]);
  });

  it("refuses an account from a tenant that is not on the allow-list, even with a verified email", async () => {
    expectRefused(await signInThroughProvider(tandem.origin, "oidc", "outsider"), "OidcTenantNotAllowed");

    expect(await database.db.user.count({ where: { email: email("outsider") } })).toBe(0);
    expect(await accountsOf("oidc", "outsider")).toEqual([]);
  });

  it("signs in through a second organisation's provider, creating a new person with a verified email", async () => {
    const { db } = database;
    const result = await signInThroughProvider(tandem.origin, "partner", "partner-person");

    expect(result.landedAt.href).toBe(`${tandem.origin}/welcome`);
    const created = await db.user.findUniqueOrThrow({ where: { email: people.partner } });
    expect(created.name).toBe("Pat Partner");
    expect(await accountsOf("partner", "partner-person")).toMatchObject([{ userId: created.id }]);
    const sessionToken = result.browser.cookie(tandem.origin, SESSION_COOKIE);
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken } })).userId).toBe(created.id);
  });

  it("refuses tokens whose issuer is not the one configured for that provider", async () => {
    expectRefused(await signInThroughProvider(tandem.origin, "lookalike", "lookalike-person"), "OidcIssuerNotAllowed");

    expect(await database.db.user.count({ where: { email: email("lookalike") } })).toBe(0);
    expect(await accountsOf("lookalike", "lookalike-person")).toEqual([]);
  });
});
