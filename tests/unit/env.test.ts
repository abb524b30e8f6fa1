import { describe, expect, it } from "vitest";
import { EnvError, outboxEnabled, parseEnv } from "@/server/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("starts in development with nothing set, with the embedded database and the outbox", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NODE_ENV).toBe("development");
    expect(env.TANDEM_DEMO_MODE).toBe(false);
    expect(outboxEnabled(env)).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://nope" })).toEqual([
      "DATABASE_URL must be a postgres:// or postgresql:// connection URL",
    ]);
    expect(problemsOf({ EMBEDDED_PG_PORT: "eighty" })[0]).toMatch(/^EMBEDDED_PG_PORT /);
    expect(problemsOf({ SMTP_URL: "mail.example.org" })).toEqual(["SMTP_URL must be an smtp:// or smtps:// URL"]);
    expect(problemsOf({ TANDEM_DEMO_MODE: "maybe" })[0]).toMatch(/^TANDEM_DEMO_MODE /);
  });

  it("accepts only true or false (any case) for a yes/no setting, saying so at start-up", () => {
    expect(parseEnv({ TANDEM_DEMO_MODE: "true" }).TANDEM_DEMO_MODE).toBe(true);
    expect(parseEnv({ TANDEM_DEMO_MODE: "TRUE" }).TANDEM_DEMO_MODE).toBe(true);
    expect(parseEnv({ TANDEM_DEMO_MODE: " False " }).TANDEM_DEMO_MODE).toBe(false);
    expect(parseEnv({ TANDEM_DEMO_MODE: "" }).TANDEM_DEMO_MODE).toBe(false);
    for (const value of ["1", "0", "yes", "no", "on", "maybe"]) {
      expect(problemsOf({ TANDEM_DEMO_MODE: value }), value).toEqual([`TANDEM_DEMO_MODE must be true or false (it is "${value}")`]);
    }
    expect(() => parseEnv({ TANDEM_DEMO_MODE: "yes" })).toThrow(/Tandem cannot start: invalid configuration\n {2}- TANDEM_DEMO_MODE must be true or false/);
  });

  it("works the job queue unless told off", () => {
    expect(parseEnv({}).TANDEM_JOBS).toBe(true);
    expect(parseEnv({ TANDEM_JOBS: "on" }).TANDEM_JOBS).toBe(true);
    expect(parseEnv({ TANDEM_JOBS: "off" }).TANDEM_JOBS).toBe(false);
    expect(problemsOf({ TANDEM_JOBS: "false" })).toEqual(['TANDEM_JOBS must be on or off (it is "false")']);
  });

  it("leaves the number of server processes to the launcher unless given, from 1 to 64", () => {
    expect(parseEnv({}).TANDEM_WORKERS).toBeUndefined();
    expect(parseEnv({ TANDEM_WORKERS: "3" }).TANDEM_WORKERS).toBe(3);
    for (const value of ["0", "65", "1.5", "many"]) {
      expect(problemsOf({ TANDEM_WORKERS: value })[0], value).toMatch(/^TANDEM_WORKERS /);
    }
  });

  it("requires all three OIDC variables together", () => {
    expect(problemsOf({ OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0" }).sort()).toEqual([
      "OIDC_CLIENT_ID is required when any OIDC_ variable is set (set all three, or none)",
      "OIDC_CLIENT_SECRET is required when any OIDC_ variable is set (set all three, or none)",
    ]);
  });

  describe("several OpenID Connect issuers and tenants", () => {
    const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const multiTenant = {
      OIDC_ISSUER: "https://login.microsoftonline.com/organizations/v2.0",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
    };
    const provider = { id: "partner", name: "Partner account", issuer: "https://idp.partner.example.org", clientId: "c", clientSecret: "s" };
    const providers = (...list: object[]) => ({ OIDC_PROVIDERS: JSON.stringify(list) });

    it("reads an allow-list of tenant ids, in lower case", () => {
      expect(parseEnv({ ...multiTenant, OIDC_ALLOWED_TENANTS: ` ${tenant.toUpperCase()} ,${tenant.replace("7", "8")}` }).OIDC_ALLOWED_TENANTS).toEqual([
        tenant,
        tenant.replace("7", "8"),
      ]);
      expect(parseEnv({}).OIDC_ALLOWED_TENANTS).toBeUndefined();
      expect(problemsOf({ ...multiTenant, OIDC_ALLOWED_TENANTS: `${tenant},council` })).toEqual([
        'OIDC_ALLOWED_TENANTS[1] must be a tenant id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (it is "council")',
      ]);
      expect(problemsOf({ OIDC_ALLOWED_TENANTS: tenant })).toEqual(["OIDC_ALLOWED_TENANTS is only used together with OIDC_ISSUER"]);
    });

    it("refuses a multi-tenant Entra issuer without an allow-list, and Entra issuers naming no tenant", () => {
      expect(problemsOf(multiTenant)).toEqual([
        "OIDC_ALLOWED_TENANTS is required for a multi-tenant Microsoft Entra issuer: list the tenant ids of the organisations whose accounts may sign in",
      ]);
      for (const issuer of ["https://login.microsoftonline.com/consumers/v2.0", "https://login.microsoftonline.com/organizations"]) {
        expect(problemsOf({ ...multiTenant, OIDC_ISSUER: issuer, OIDC_ALLOWED_TENANTS: tenant }), issuer).toEqual([
          "OIDC_ISSUER must name one tenant (https://login.microsoftonline.com/<tenant-id>/v2.0) or be the multi-tenant https://login.microsoftonline.com/organizations/v2.0",
        ]);
      }
      expect(problemsOf({ ...multiTenant, OIDC_ALLOWED_TENANTS: tenant })).toEqual([]);
    });

    it("reads more providers from OIDC_PROVIDERS (JSON), naming each mistake by its place", () => {
      expect(parseEnv({}).OIDC_PROVIDERS).toEqual([]);
      expect(parseEnv(providers(provider)).OIDC_PROVIDERS).toEqual([provider]);
      expect(problemsOf({ OIDC_PROVIDERS: "[{id: partner}]" })[0]).toMatch(/^OIDC_PROVIDERS must be a JSON array such as \[/);
      expect(problemsOf({ OIDC_PROVIDERS: "{}" })).toEqual(["OIDC_PROVIDERS must be a JSON array of providers"]);
      expect(problemsOf(providers({ ...provider, id: "Partner Org", issuer: "idp.partner", clientSecret: "", colour: "red" }))).toEqual([
        "OIDC_PROVIDERS[0].id must be lower-case letters, digits and hyphens, starting with a letter (it is part of the callback URL /api/auth/callback/<id>)",
        "OIDC_PROVIDERS[0].issuer must be the issuer URL of the identity provider",
        "OIDC_PROVIDERS[0].clientSecret is required",
        'OIDC_PROVIDERS[0] has unknown setting "colour" (known: id, name, issuer, clientId, clientSecret, allowedTenants)',
      ]);
      expect(problemsOf(providers(provider, { ...provider, issuer: multiTenant.OIDC_ISSUER }, { ...provider, id: "email" }))).toEqual([
        "OIDC_PROVIDERS[1].allowedTenants is required for a multi-tenant Microsoft Entra issuer: list the tenant ids of the organisations whose accounts may sign in",
        'OIDC_PROVIDERS[1].id "partner" is already used (each provider needs its own id; "oidc" is the one set by OIDC_ISSUER, "email" is the email link)',
        'OIDC_PROVIDERS[2].id "email" is already used (each provider needs its own id; "oidc" is the one set by OIDC_ISSUER, "email" is the email link)',
      ]);
      expect(problemsOf(providers({ ...provider, allowedTenants: [] }))).toEqual(["OIDC_PROVIDERS[0].allowedTenants must list at least one tenant id"]);
    });

    it("lets OIDC_PROVIDERS alone be the way to sign in for production, over https only", () => {
      const production = { NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), NEXTAUTH_URL: "https://tandem.example.org" };
      expect(problemsOf({ ...production, ...providers(provider) })).toEqual([]);
      expect(problemsOf({ ...production, ...providers({ ...provider, issuer: "http://idp.partner.example.org" }) })).toEqual([
        "OIDC_PROVIDERS[0].issuer must be an https:// URL in production",
      ]);
    });
  });

  it("requires a secret, a public URL and a way to sign in for production", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toEqual([
      "NEXTAUTH_SECRET is required in production",
      "NEXTAUTH_URL is required in production",
      "SMTP_URL is required in production unless an OIDC provider is configured (otherwise nobody can sign in)",
    ]);
    expect(problemsOf({ NODE_ENV: "production", NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "https://t.example.org", SMTP_URL: "smtp://mail:25" })).toEqual([
      "NEXTAUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)",
    ]);
  });

  it("keeps the outbox out of production unless in demo mode", () => {
    const production = {
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "s".repeat(32),
      NEXTAUTH_URL: "https://tandem.example.org",
    };
    expect(outboxEnabled(parseEnv({ ...production, SMTP_URL: "smtp://mail:25" }))).toBe(false);
    expect(outboxEnabled(parseEnv({ ...production, TANDEM_DEMO_MODE: "true" }))).toBe(true);
    expect(outboxEnabled(parseEnv({ ...production, TANDEM_DEMO_MODE: "true", SMTP_URL: "smtp://mail:25" }))).toBe(false);
  });
});
