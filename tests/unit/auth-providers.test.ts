import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { authOptions, configuredProviders } from "@/server/auth/options";
import { oidcProviderSettings, refuseOidcIdentity, type OidcProviderSettings } from "@/server/auth/oidc";
import type { Database } from "@/server/db/client";
import { parseEnv } from "@/server/env";

const TENANT_A = "0a1b2c3d-0000-4000-8000-00000000000a";
const TENANT_B = "0a1b2c3d-0000-4000-8000-00000000000b";

describe("sign-in providers", () => {
  it("offers email sign-in only, when no OpenID Connect provider is configured", () => {
    expect(configuredProviders(parseEnv({})).map((p) => p.id)).toEqual(["email"]);
  });

  it("adds an OpenID Connect provider (e.g. Microsoft Entra ID) from the environment", () => {
    const env = parseEnv({
      OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0/",
      OIDC_CLIENT_ID: "client-id",
      OIDC_CLIENT_SECRET: "client-secret",
      OIDC_DISPLAY_NAME: "NHS or council account",
    });
    const oidc = configuredProviders(env).find((p) => p.id === "oidc") as unknown as Record<string, unknown>;
    expect(oidc).toMatchObject({
      name: "NHS or council account",
      type: "oauth",
      wellKnown: "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration",
      clientId: "client-id",
      clientSecret: "client-secret",
      idToken: true,
    });
    const profile = oidc.profile as (p: object) => { id: string; email: string };
    expect(profile({ sub: "abc", email: "Person@Council.GOV.UK" })).toMatchObject({ id: "abc", email: "person@council.gov.uk" });
    // A login name is not an email address anybody verified: it is never used as one.
    expect(profile({ sub: "abc", preferred_username: "Person@Council.GOV.UK" })).toMatchObject({ id: "abc", email: "" });
  });

  it("adds every provider of OIDC_PROVIDERS after the OIDC_ISSUER one, each with its own callback id", () => {
    const env = parseEnv({
      OIDC_ISSUER: "https://idp.council.example.org",
      OIDC_CLIENT_ID: "council",
      OIDC_CLIENT_SECRET: "council-secret",
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: "partners",
          name: "partner organisation account",
          issuer: "https://login.microsoftonline.com/organizations/v2.0",
          clientId: "partners",
          clientSecret: "partners-secret",
          allowedTenants: [TENANT_A.toUpperCase()],
        },
      ]),
    });
    expect(configuredProviders(env).map((p) => p.id)).toEqual(["email", "oidc", "partners"]);
    expect(configuredProviders(env)[2]).toMatchObject({
      name: "partner organisation account",
      wellKnown: "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration",
    });
    expect(oidcProviderSettings(env)[1]?.allowedTenants).toEqual([TENANT_A]);
  });
});

describe("which OpenID Connect identities may sign in", () => {
  const generic: OidcProviderSettings = {
    id: "oidc",
    name: "Council",
    issuer: "https://idp.council.example.org/",
    clientId: "c",
    clientSecret: "s",
    allowedTenants: undefined,
  };
  const entraTenant: OidcProviderSettings = { ...generic, issuer: `https://login.microsoftonline.com/${TENANT_A}/v2.0` };
  const entraMultiTenant: OidcProviderSettings = {
    ...generic,
    issuer: "https://login.microsoftonline.com/organizations/v2.0",
    allowedTenants: [TENANT_A],
  };
  const fromGeneric = { iss: "https://idp.council.example.org", sub: "s1", email: "a@council.example.org" };
  const fromTenant = (tid: string) => ({ iss: `https://login.microsoftonline.com/${tid}/v2.0`, tid, sub: "s1", email: "a@council.example.org" });

  it("accepts an email only when the provider says it is verified", () => {
    expect(refuseOidcIdentity(generic, { ...fromGeneric, email_verified: true })).toBeNull();
    expect(refuseOidcIdentity(generic, fromGeneric)).toBe("OidcEmailNotVerified");
    expect(refuseOidcIdentity(generic, { ...fromGeneric, email_verified: false })).toBe("OidcEmailNotVerified");
    expect(refuseOidcIdentity(generic, { ...fromGeneric, email_verified: "true" })).toBe("OidcEmailNotVerified");
    expect(refuseOidcIdentity(generic, { iss: fromGeneric.iss, sub: "s1", email_verified: true })).toBe("OidcEmailNotVerified");
  });

  it("takes Entra's verified-domain-owner claim (xms_edov) from Entra only", () => {
    expect(refuseOidcIdentity(entraTenant, { ...fromTenant(TENANT_A), xms_edov: true })).toBeNull();
    expect(refuseOidcIdentity(entraTenant, { ...fromTenant(TENANT_A), xms_edov: false })).toBe("OidcEmailNotVerified");
    expect(refuseOidcIdentity(entraTenant, fromTenant(TENANT_A))).toBe("OidcEmailNotVerified");
    expect(refuseOidcIdentity(generic, { ...fromGeneric, xms_edov: true })).toBe("OidcEmailNotVerified");
  });

  it("refuses a token from another issuer than the configured one", () => {
    expect(refuseOidcIdentity(generic, { ...fromGeneric, iss: "https://idp.elsewhere.example.org", email_verified: true })).toBe(
      "OidcIssuerNotAllowed",
    );
    expect(refuseOidcIdentity(entraTenant, { ...fromTenant(TENANT_B), xms_edov: true })).toBe("OidcIssuerNotAllowed");
  });

  it("accepts a multi-tenant Entra token only from a listed tenant, with that tenant's issuer", () => {
    expect(refuseOidcIdentity(entraMultiTenant, { ...fromTenant(TENANT_A), xms_edov: true })).toBeNull();
    expect(refuseOidcIdentity(entraMultiTenant, { ...fromTenant(TENANT_B), xms_edov: true })).toBe("OidcTenantNotAllowed");
    // A token whose issuer is not its tenant's (the template left in, another tenant's) is refused.
    expect(refuseOidcIdentity(entraMultiTenant, { ...fromTenant(TENANT_A), iss: entraMultiTenant.issuer, xms_edov: true })).toBe(
      "OidcIssuerNotAllowed",
    );
    expect(refuseOidcIdentity(entraMultiTenant, { ...fromTenant(TENANT_A), tid: TENANT_B, xms_edov: true })).toBe("OidcIssuerNotAllowed");
    expect(refuseOidcIdentity(entraMultiTenant, { iss: fromTenant(TENANT_A).iss, sub: "s1", email: "a@b.org", xms_edov: true })).toBe(
      "OidcIssuerNotAllowed",
    );
  });

  it("checks the tenant allow-list of a single-issuer provider too", () => {
    const listed = { ...generic, allowedTenants: [TENANT_A] };
    expect(refuseOidcIdentity(listed, { ...fromGeneric, tid: TENANT_A, email_verified: true })).toBeNull();
    expect(refuseOidcIdentity(listed, { ...fromGeneric, tid: TENANT_B, email_verified: true })).toBe("OidcTenantNotAllowed");
    expect(refuseOidcIdentity(listed, { ...fromGeneric, email_verified: true })).toBe("OidcTenantNotAllowed");
  });

  it("sends a refused sign-in to the error page, which says what to do", async () => {
    const env = parseEnv({ OIDC_ISSUER: generic.issuer, OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" });
    const signIn = authOptions({ db: {} as Database, env }).callbacks!.signIn!;
    const account = { provider: "oidc", type: "oauth" as const, providerAccountId: "s1" };
    const user = { id: "s1", email: fromGeneric.email };
    const verified = { ...fromGeneric, email_verified: true };
    expect(await signIn({ user, account, profile: verified })).toBe(true);
    expect(await signIn({ user, account, profile: fromGeneric })).toBe("/signin/error?error=OidcEmailNotVerified");
    expect(await signIn({ user, account: { ...account, provider: "unknown" }, profile: fromGeneric })).toBe(false);
    expect(await signIn({ user, account: { provider: "email", type: "email", providerAccountId: user.email } })).toBe(true);
    expect(signInErrorMessage("OidcEmailNotVerified")).toMatch(
      /^Your organisation's account did not confirm your email address, so it cannot be linked to your Tandem account\. Sign in with an email link instead, or ask your IT team/,
    );
    expect(signInErrorMessage("constructor")).toBe("Please try signing in again.");
  });
});
