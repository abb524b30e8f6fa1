import { describeForLog, log } from "@/server/log";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import type { Provider } from "next-auth/providers/index";
import { signInErrorPath } from "@/lib/sign-in-errors";
import { getDb, type Database } from "@/server/db/client";
import { sendEmail } from "@/server/domain/email/send-email";
import { getEnv, type Env } from "@/server/env";
import { tandemAuthAdapter } from "./adapter";
import { oidcProvider, oidcProviderSettings, refuseOidcIdentity, type OidcClaims } from "./oidc";
import { signInEmail } from "./sign-in-email";
import { normaliseSignInEmail } from "./sign-in-limits";

import { SESSION_MAX_AGE_SECONDS } from "./session";

/** The identity providers this installation offers, from its configuration. */
export function configuredProviders(env: Env = getEnv()): Provider[] {
  const providers: Provider[] = [
    EmailProvider({
      // The transport is chosen in sendEmail (SMTP, or the developer outbox).
      server: env.SMTP_URL ?? "smtp://localhost:25",
      from: env.EMAIL_FROM,
      maxAge: 60 * 60, // sign-in links expire after an hour
      // The same rule the sign-in limits count addresses by (server/auth/sign-in-limits.ts).
      normalizeIdentifier: normaliseSignInEmail,
      async sendVerificationRequest({ identifier, url }) {
        await sendEmail(getDb(), signInEmail({ to: identifier, url }));
      },
    }),
  ];
  // Any OpenID Connect provider, e.g. Microsoft Entra ID:
  // OIDC_ISSUER=https://login.microsoftonline.com/<tenant-id>/v2.0, and more in OIDC_PROVIDERS.
  providers.push(...oidcProviderSettings(env).map(oidcProvider));
  return providers;
}

/** next-auth's configuration; tests pass their own database and environment. */
export function authOptions(deps: { db?: Database; env?: Env } = {}): NextAuthOptions {
  const env = deps.env ?? getEnv();
  const oidcSettings = oidcProviderSettings(env);
  return {
    adapter: tandemAuthAdapter(deps.db ?? getDb()),
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    providers: configuredProviders(env),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    callbacks: {
      // Runs after the provider's tokens are checked and before next-auth finds, creates or
      // links any account: a refusal here creates no user, account or session.
      signIn({ account, profile }) {
        if (account?.type !== "oauth") return true;
        const settings = oidcSettings.find((provider) => provider.id === account.provider);
        if (!settings || !profile) return false;
        const claims = profile as unknown as OidcClaims;
        const refusal = refuseOidcIdentity(settings, claims);
        if (!refusal) return true;
        log.warn({ refusal, provider: settings.id, iss: claims.iss, tid: claims.tid, sub: claims.sub }, "OIDC sign-in refused");
        return signInErrorPath(refusal);
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    logger: {
      error(code, metadata) {
        // next-auth's metadata can hold the address a link went to: only its kind is logged.
        log.error({ code, err: describeForLog(metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error) }, "sign-in error");
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") log.warn({ code }, "sign-in warning");
      },
      debug() {},
    },
  };
}
