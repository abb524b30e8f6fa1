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

  it("requires all three OIDC variables together", () => {
    expect(problemsOf({ OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0" }).sort()).toEqual([
      "OIDC_CLIENT_ID is required when any OIDC_ variable is set (set all three, or none)",
      "OIDC_CLIENT_SECRET is required when any OIDC_ variable is set (set all three, or none)",
    ]);
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
