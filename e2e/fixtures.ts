import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { E2E_DATABASE_URL } from "../playwright.config";

export { expect };

/** Direct access to the app's database, for arranging sessions and checking what was stored. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Fails on serious or critical WCAG 2.2 A/AA violations, listing them readably. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** A signed-in session for the user, as next-auth would create after sign-in: the cookie to send. */
export async function sessionCookie(email: string, baseURL: string) {
  const [user] = await query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
  if (!user) throw new Error(`No user ${email} in the e2e database`);
  const token = randomBytes(32).toString("hex");
  await query('INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, $4)', [
    `e2e_${token.slice(0, 20)}`,
    token,
    user.id,
    new Date(Date.now() + 24 * 3600 * 1000),
  ]);
  return { name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" as const };
}

export const test = base.extend<{ signInAs: (email: string) => Promise<void> }>({
  /** Every page is watched for Content-Security-Policy violations: any one fails the test. */
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await use(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  /** Logs in by creating a session in the database, as next-auth would after sign-in. */
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (email: string) => {
      await context.addCookies([await sessionCookie(email, baseURL!)]);
    });
  },
});
