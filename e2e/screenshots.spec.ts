import { join } from "node:path";
import { expect, expectReadableControls, query, test } from "./fixtures";

/**
 * The main pages photographed at a phone's, a tablet's and a desktop's width, kept as test
 * artefacts in test-results/screenshots/ for people to look at. Each is also checked for
 * sideways scrolling and for controls whose text cannot be read against their background.
 */
const WIDTHS = [320, 768, 1280] as const;
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const SLUG = "renfrewshire-spg";

async function first<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await query<T>(sql, params);
  if (!row) throw new Error(`The demo data has nothing for: ${sql}`);
  return row;
}

test("the main pages at 320, 768 and 1280 px", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(600_000);
  const project = await first<{ id: string }>(
    `SELECT fp.id FROM "FundedProject" fp JOIN "Partnership" p ON p.id = fp."partnershipId" WHERE p.slug = $1 ORDER BY fp."createdAt" LIMIT 1`,
    [SLUG],
  );
  const proposal = await first<{ id: string }>(
    `SELECT pr.id FROM "Proposal" pr JOIN "Partnership" p ON p.id = pr."partnershipId" WHERE p.slug = $1 AND pr.status = 'UNDER_ASSESSMENT' LIMIT 1`,
    [SLUG],
  );
  const group = await first<{ id: string }>(
    `SELECT sg.id FROM "SubGroup" sg JOIN "Partnership" p ON p.id = sg."partnershipId" WHERE p.slug = $1 ORDER BY sg.name LIMIT 1`,
    [SLUG],
  );
  const fund = await first<{ id: string }>(
    `SELECT f.id FROM "Fund" f JOIN "Partnership" p ON p.id = f."partnershipId" WHERE p.slug = $1 ORDER BY f."createdAt" LIMIT 1`,
    [SLUG],
  );
  const event = await first<{ id: string }>(
    `SELECT e.id FROM "Event" e JOIN "Partnership" p ON p.id = e."partnershipId" WHERE p.slug = $1 AND e."startsAt" > now() ORDER BY e."startsAt" LIMIT 1`,
    [SLUG],
  );
  const story = await first<{ id: string }>(
    `SELECT s.id FROM "Story" s JOIN "Partnership" p ON p.id = s."partnershipId" WHERE p.slug = $1 AND s.status = 'PUBLISHED' LIMIT 1`,
    [SLUG],
  );
  const signedOut = { home: "/", "sign-in": "/signin", public: `/public/${SLUG}` };
  const signedIn = {
    overview: `/p/${SLUG}`,
    priorities: `/p/${SLUG}/priorities`,
    "sub-group": `/p/${SLUG}/groups/${group.id}`,
    "my-work": `/p/${SLUG}/my-work`,
    proposal: `/p/${SLUG}/proposals/${proposal.id}`,
    projects: `/p/${SLUG}/projects`,
    project: `/p/${SLUG}/projects/${project.id}`,
    dashboard: `/p/${SLUG}/dashboard`,
    fund: `/p/${SLUG}/funding/${fund.id}`,
    events: `/p/${SLUG}/events`,
    event: `/p/${SLUG}/events/${event.id}`,
    stories: `/p/${SLUG}/stories`,
    story: `/p/${SLUG}/stories/${story.id}`,
    reflections: `/p/${SLUG}/reflections`,
    library: `/p/${SLUG}/library`,
    directory: `/p/${SLUG}/directory`,
    administration: `/p/${SLUG}/admin`,
  };

  const photograph = async (pages: Record<string, string>) => {
    for (const [name, path] of Object.entries(pages)) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(path);
        expect(response?.status(), `${path} answers`).toBe(200);
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect.soft(overflow, `sideways scrolling on ${path} at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`), fullPage: true });
      }
      await expectReadableControls(page);
    }
  };

  // The public page shows once the partnership publishes its portfolio; put it back afterwards.
  const before = await first<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  try {
    await photograph(signedOut);
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before.publishesPortfolio]);
  }
  await signInAs(OFFICER);
  await photograph(signedIn);
});
