import { SESSION_MAX_AGE_SECONDS } from "@/server/auth/session";
import { retentionRules, type RetentionRule } from "@/server/domain/retention/policy";
import type { Env } from "@/server/env";

/**
 * The day Tandem's own release was last tested for accessibility (every browser test runs
 * axe-core and a contrast check of every link and button; see the statement's "How this
 * site was tested"). An installation that tests its own site sets TANDEM_ACCESSIBILITY_TESTED_ON.
 */
export const RELEASE_ACCESSIBILITY_TESTED_ON = "2026-12-02";

/** What the accessibility statement, privacy notice and cookies page say about this installation. */
export type InstallationDetails = {
  /** The organisation that runs the site (data controller), or null when not configured. */
  operatorName: string | null;
  operatorEmail: string | null;
  dpoEmail: string | null;
  icoRegistration: string | null;
  /** YYYY-MM-DD. */
  accessibilityTestedOn: string;
  testedByOperator: boolean;
  demo: boolean;
  sessionIdleMinutes: number;
  sessionMaxAgeDays: number;
  retention: RetentionRule[];
  secureCookies: boolean;
};

export function installationDetails(env: Env): InstallationDetails {
  return {
    operatorName: env.TANDEM_OPERATOR_NAME ?? null,
    operatorEmail: env.TANDEM_OPERATOR_EMAIL ?? null,
    dpoEmail: env.TANDEM_DPO_EMAIL ?? null,
    icoRegistration: env.TANDEM_ICO_REGISTRATION ?? null,
    accessibilityTestedOn: env.TANDEM_ACCESSIBILITY_TESTED_ON ?? RELEASE_ACCESSIBILITY_TESTED_ON,
    testedByOperator: Boolean(env.TANDEM_ACCESSIBILITY_TESTED_ON),
    demo: env.TANDEM_DEMO_MODE,
    sessionIdleMinutes: env.TANDEM_SESSION_IDLE_MINUTES,
    sessionMaxAgeDays: SESSION_MAX_AGE_SECONDS / 86_400,
    retention: retentionRules(env),
    secureCookies: Boolean(env.NEXTAUTH_URL?.startsWith("https://")),
  };
}

/** "8 hours", "90 minutes", "1 hour". */
export function durationText(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/** A cookie Tandem sets: every one is strictly necessary, so none needs consent. */
export type CookieDescription = { name: string; purpose: string; expires: string; when: string };

export function cookiesTandemSets(details: Pick<InstallationDetails, "secureCookies" | "sessionMaxAgeDays" | "sessionIdleMinutes">): CookieDescription[] {
  const secure = details.secureCookies ? "__Secure-" : "";
  const host = details.secureCookies ? "__Host-" : "";
  return [
    {
      name: `${secure}next-auth.session-token`,
      purpose: "Keeps you signed in. It holds a random reference to your session, not your details.",
      expires: `When you sign out, after ${durationText(details.sessionIdleMinutes)} without use, or ${details.sessionMaxAgeDays} days after you signed in`,
      when: "Once you sign in",
    },
    {
      name: `${host}next-auth.csrf-token`,
      purpose: "Stops other websites sending sign-in and sign-out requests in your name.",
      expires: "When you close your browser",
      when: "When you open the sign-in page",
    },
    {
      name: `${secure}next-auth.callback-url`,
      purpose: "Remembers which page to take you back to after you sign in.",
      expires: "When you close your browser",
      when: "When you open the sign-in page",
    },
    {
      name: `${secure}next-auth.state and ${secure}next-auth.pkce.code_verifier`,
      purpose: "Check that a sign-in with your organisation's account (Microsoft, Google or similar) really started here.",
      expires: "15 minutes, or when the sign-in finishes",
      when: "Only while you sign in with an organisation account",
    },
  ];
}
