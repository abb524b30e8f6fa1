import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/server/db/client";
import { sendEmail } from "@/server/domain/email/send-email";
import { getEnv, type Env } from "@/server/env";
import { tandemAuthAdapter } from "./adapter";
import { signInEmail } from "./sign-in-email";

import { SESSION_MAX_AGE_SECONDS } from "./session";

/** The identity providers this installation offers, from its configuration. */
export function configuredProviders(env: Env = getEnv()): Provider[] {
  const providers: Provider[] = [
    EmailProvider({
      // The transport is chosen in sendEmail (SMTP, or the developer outbox).
      server: env.SMTP_URL ?? "smtp://localhost:25",
      from: env.EMAIL_FROM,
      maxAge: 60 * 60, // sign-in links expire after an hour
      async sendVerificationRequest({ identifier, url }) {
        await sendEmail(getDb(), signInEmail({ to: identifier, url }));
      },
    }),
  ];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    // Any OpenID Connect provider, e.g. Microsoft Entra ID:
    // OIDC_ISSUER=https://login.microsoftonline.com/<tenant-id>/v2.0
    providers.push({
      id: "oidc",
      name: env.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // The issuer is configured by the installation's administrator and trusted to
      // verify email addresses, so someone who first signed in by email keeps one account.
      allowDangerousEmailAccountLinking: true,
      profile(profile: { sub: string; name?: string; email?: string; preferred_username?: string }) {
        return {
          id: profile.sub,
          name: profile.name ?? null,
          email: (profile.email ?? profile.preferred_username ?? "").toLowerCase(),
          image: null,
        };
      },
    });
  }
  return providers;
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    adapter: tandemAuthAdapter(getDb()),
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    providers: configuredProviders(),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    callbacks: {
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    logger: {
      error(code, metadata) {
        console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}
