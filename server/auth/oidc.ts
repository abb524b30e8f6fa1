import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/server/env";
import type { OidcSignInRefusal } from "@/lib/sign-in-errors";
import { entraTenantIssuer, isEntraIssuer, isEntraMultiTenantIssuer } from "./entra";

/**
 * OpenID Connect sign-in (e.g. Microsoft Entra ID), from one or more identity providers.
 *
 * A provider's word is taken for who someone is only when its id token comes from the
 * configured issuer (and, with an allow-list, from a listed tenant) and it asserts that
 * the email address is verified. See `refuseOidcIdentity`.
 */

export type OidcProviderSettings = {
  /** next-auth's provider id: the callback URL is /api/auth/callback/<id>. */
  id: string;
  /** The sign-in button label. */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Entra tenant ids (lower case) whose accounts may sign in; undefined means no tenant check. */
  allowedTenants: string[] | undefined;
};

/** The id-token claims Tandem reads. */
export type OidcClaims = {
  iss?: unknown;
  sub: string;
  tid?: unknown;
  name?: unknown;
  email?: unknown;
  email_verified?: unknown;
  /** Entra's optional claim: the email's domain is verified by the tenant that signed the token. */
  xms_edov?: unknown;
};

/** The OIDC providers this installation offers: `OIDC_ISSUER` (id `oidc`) first, then `OIDC_PROVIDERS`. */
export function oidcProviderSettings(env: Env): OidcProviderSettings[] {
  const providers: OidcProviderSettings[] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_DISPLAY_NAME,
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      allowedTenants: env.OIDC_ALLOWED_TENANTS,
    });
  }
  return [...providers, ...env.OIDC_PROVIDERS.map((provider) => ({ ...provider, allowedTenants: provider.allowedTenants }))];
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

/** next-auth's provider for one OIDC issuer. Whether a sign-in may proceed is decided in the signIn callback. */
export function oidcProvider(settings: OidcProviderSettings): OAuthConfig<OidcClaims> {
  return {
    id: settings.id,
    name: settings.name,
    type: "oauth",
    // For Entra's multi-tenant issuer openid-client recognises this exact discovery URL and
    // checks each id token's `iss` against https://login.microsoftonline.com/<its tid>/v2.0.
    wellKnown: `${withoutTrailingSlash(settings.issuer)}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    // Kept on, but guarded: next-auth links a sign-in to the Tandem account with the same
    // email only after the signIn callback (authOptions) has accepted it, and that callback
    // refuses every OIDC sign-in whose id token does not assert a verified email
    // (`refuseOidcIdentity`: email_verified === true, or Entra's xms_edov === true), or
    // comes from an issuer or tenant that is not configured. Without linking, a person who
    // first signed in with an email link could never use their organisation account.
    allowDangerousEmailAccountLinking: true,
    profile(claims) {
      // The email is the `email` claim and nothing else: `preferred_username` is a login
      // name that nobody verified and can look like anyone's address.
      return {
        id: claims.sub,
        name: typeof claims.name === "string" ? claims.name : null,
        email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "",
        image: null,
      };
    },
  };
}

function expectedIssuer(settings: OidcProviderSettings, claims: OidcClaims): string | null {
  if (!isEntraMultiTenantIssuer(settings.issuer)) return withoutTrailingSlash(settings.issuer);
  return typeof claims.tid === "string" ? entraTenantIssuer(claims.tid) : null;
}

/**
 * Why this id token may not sign anyone in, or null when it may. Checked before next-auth
 * looks up, creates or links any account, so a refused sign-in leaves no trace.
 */
export function refuseOidcIdentity(settings: OidcProviderSettings, claims: OidcClaims): OidcSignInRefusal | null {
  // openid-client has already checked the signature and that `iss` is the discovered
  // issuer; this also ties it to the issuer the administrator configured.
  const issuer = expectedIssuer(settings, claims);
  if (!issuer || typeof claims.iss !== "string" || withoutTrailingSlash(claims.iss) !== issuer) {
    return "OidcIssuerNotAllowed";
  }
  if (settings.allowedTenants) {
    const tenant = typeof claims.tid === "string" ? claims.tid.toLowerCase() : null;
    if (!tenant || !settings.allowedTenants.includes(tenant)) return "OidcTenantNotAllowed";
  }
  const email = typeof claims.email === "string" ? claims.email.trim() : "";
  // xms_edov is Entra's claim and means something only in a token Entra signed.
  const verified = claims.email_verified === true || (isEntraIssuer(settings.issuer) && claims.xms_edov === true);
  if (!email || !verified) return "OidcEmailNotVerified";
  return null;
}
