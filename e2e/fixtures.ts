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

/**
 * The contrast of every visible link and button's text against what is really behind it
 * (the nearest ancestor with a background colour): 4.5:1, or 3:1 for large text (WCAG
 * 1.4.3). axe marks text on coloured link-buttons "incomplete" rather than failing it, which
 * once let primary buttons ship with text the colour of their background.
 */
export async function expectReadableControls(page: Page) {
  const failures = await page.evaluate(() => {
    type Rgba = [number, number, number, number];
    // Computed colours may be lab() or oklch(): let a canvas turn any of them into sRGB.
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const paint = canvas.getContext("2d", { willReadFrequently: true })!;
    const parse = (value: string): Rgba => {
      paint.clearRect(0, 0, 1, 1);
      paint.fillStyle = "rgba(0, 0, 0, 0)";
      paint.fillStyle = value;
      paint.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const v = c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("a, button, [role='button'], input[type='submit']"))) {
      const html = element as HTMLElement;
      if ((html as HTMLButtonElement).disabled || html.getAttribute("aria-disabled") === "true") continue;
      const box = html.getBoundingClientRect();
      const style = getComputedStyle(html);
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden" || !html.innerText.trim()) continue;
      // Off screen until focused (the skip link): checked when it shows.
      if (box.bottom <= 0 || box.right <= 0) continue;
      const background = backgroundOf(html);
      const text = over(parse(style.color), background);
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`"${html.innerText.trim().slice(0, 40)}" ${ratio.toFixed(2)}:1 (${style.color} on ${background.join(",")})`);
    }
    return found;
  });
  expect(failures, `links and buttons whose text is hard to read on ${page.url()}`).toEqual([]);
}

/**
 * Waits for the page's <title> to be present and unchanged for a moment. After an in-page action
 * Next.js re-renders and streams the title back in, and for an instant the old one is gone.
 */
async function titleSettled(page: Page) {
  await page
    .waitForFunction(
      () => {
        const state = window as unknown as { __titleSeen?: { title: string; since: number } };
        const title = document.title.trim();
        const now = performance.now();
        if (!title || state.__titleSeen?.title !== title) {
          state.__titleSeen = { title, since: now };
          return false;
        }
        return now - state.__titleSeen.since >= 250;
      },
      null,
      { timeout: 15_000, polling: 50 },
    )
    .catch(() => undefined); // a title still missing fails in axe below, as it should
}

async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Fails on serious or critical WCAG 2.2 A/AA violations, listing them readably, and on unreadable link or button text. */
export async function expectAccessible(page: Page) {
  await titleSettled(page);
  await expectReadableControls(page);
  let blocking = await blockingViolations(page);
  if (blocking.some((v) => v.id === "document-title")) {
    // The title was caught mid-stream: check once more after it settles. A page that has no
    // title at all still fails here.
    await titleSettled(page);
    blocking = await blockingViolations(page);
  }
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
