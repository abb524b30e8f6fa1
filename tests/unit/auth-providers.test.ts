import { describe, expect, it } from "vitest";
import { configuredProviders } from "@/server/auth/options";
import { parseEnv } from "@/server/env";

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
    const profile = (oidc.profile as (p: object) => { id: string; email: string })({
      sub: "abc",
      preferred_username: "Person@Council.GOV.UK",
    });
    expect(profile).toMatchObject({ id: "abc", email: "person@council.gov.uk" });
  });
});
