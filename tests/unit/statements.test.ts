import { describe, expect, it } from "vitest";
import { retentionPeriodText, retentionRules } from "@/server/domain/retention/policy";
import { cookiesTandemSets, durationText, installationDetails, RELEASE_ACCESSIBILITY_TESTED_ON } from "@/server/domain/statements/installation";
import { EnvError, parseEnv } from "@/server/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("the installation's details in its statements", () => {
  it("come from configuration", () => {
    const details = installationDetails(
      parseEnv({
        TANDEM_OPERATOR_NAME: "Renfrewshire Health and Social Care Partnership",
        TANDEM_OPERATOR_EMAIL: "tandem@renfrewshire.gov.uk",
        TANDEM_DPO_EMAIL: "dpo@renfrewshire.gov.uk",
        TANDEM_ICO_REGISTRATION: "Z1234567",
        TANDEM_ACCESSIBILITY_TESTED_ON: "2026-11-30",
        TANDEM_SESSION_IDLE_MINUTES: "90",
        NEXTAUTH_URL: "https://tandem.renfrewshire.gov.uk",
      }),
    );
    expect(details).toMatchObject({
      operatorName: "Renfrewshire Health and Social Care Partnership",
      operatorEmail: "tandem@renfrewshire.gov.uk",
      dpoEmail: "dpo@renfrewshire.gov.uk",
      icoRegistration: "Z1234567",
      accessibilityTestedOn: "2026-11-30",
      testedByOperator: true,
      sessionIdleMinutes: 90,
      sessionMaxAgeDays: 30,
      secureCookies: true,
    });
  });

  it("fall back to the release's own test date and say nothing they do not know", () => {
    const details = installationDetails(parseEnv({}));
    expect(details).toMatchObject({ operatorName: null, operatorEmail: null, dpoEmail: null, testedByOperator: false });
    expect(details.accessibilityTestedOn).toBe(RELEASE_ACCESSIBILITY_TESTED_ON);
  });

  it("refuse contact details and dates that are not what they say", () => {
    expect(problemsOf({ TANDEM_OPERATOR_EMAIL: "tandem at council" })[0]).toMatch(/^TANDEM_OPERATOR_EMAIL must be an email address/);
    expect(problemsOf({ TANDEM_DPO_EMAIL: "nobody" })[0]).toMatch(/^TANDEM_DPO_EMAIL must be an email address/);
    expect(problemsOf({ TANDEM_ACCESSIBILITY_TESTED_ON: "30/11/2026" })[0]).toMatch(/^TANDEM_ACCESSIBILITY_TESTED_ON must be a date written YYYY-MM-DD/);
    expect(problemsOf({ TANDEM_ICO_REGISTRATION: "12" })[0]).toMatch(/^TANDEM_ICO_REGISTRATION /);
    expect(problemsOf({ TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS: "0" })[0]).toMatch(/^TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS /);
  });

  it("name every cookie with the prefix the site gives it over https", () => {
    const plain = cookiesTandemSets({ secureCookies: false, sessionMaxAgeDays: 30, sessionIdleMinutes: 480 }).map((cookie) => cookie.name);
    const secure = cookiesTandemSets({ secureCookies: true, sessionMaxAgeDays: 30, sessionIdleMinutes: 480 }).map((cookie) => cookie.name);
    expect(plain[0]).toBe("next-auth.session-token");
    expect(secure[0]).toBe("__Secure-next-auth.session-token");
    expect(secure[1]).toBe("__Host-next-auth.csrf-token");
    expect(cookiesTandemSets({ secureCookies: false, sessionMaxAgeDays: 30, sessionIdleMinutes: 480 })[0]?.expires).toBe(
      "When you sign out, after 8 hours without use, or 30 days after you signed in",
    );
  });

  it("word durations and retention periods for people", () => {
    expect(durationText(480)).toBe("8 hours");
    expect(durationText(60)).toBe("1 hour");
    expect(durationText(90)).toBe("90 minutes");
    expect(durationText(2880)).toBe("2 days");
    const rules = retentionRules(parseEnv({ TANDEM_RETAIN_OUTBOX_DAYS: "7", TANDEM_RETAIN_SIGN_IN_LINKS_DAYS: "0" }));
    const byKey = Object.fromEntries(rules.map((rule) => [rule.key, rule]));
    expect(retentionPeriodText(byKey.outbox!)).toBe("7 days after the email was written");
    expect(retentionPeriodText(byKey.readNotifications!)).toBe("90 days after you read them");
    expect(retentionPeriodText(byKey.signInLinks!)).toMatch(/^Deleted on the next daily clear-out after the link expires/);
    expect(retentionPeriodText(byKey.abandonedUploads!)).toBe("1 day after the upload started");
    expect(retentionPeriodText(byKey.dataExports!)).toBe("7 days after the copy is ready");
    expect(rules.map((rule) => rule.key).sort()).toEqual(
      ["abandonedUploads", "dataExports", "endedInvitations", "endedSessions", "finishedJobs", "outbox", "readNotifications", "signInLinks"].sort(),
    );
  });
});
