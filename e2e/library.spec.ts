import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "leeds-lcps";
const OFFICER = "rachel.green@forum-central.example";

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** A link's accessible name starts with its title (the words after it say where it goes). */
const titled = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

async function photograph(page: Page, name: string, dir: string) {
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: join(dir, `library-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 320, height: 800 });
}

test("an officer adds a folder and a public link with tags on a phone; the public page shows it but not a members-only one", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(240_000);
  const shots = join(testInfo.project.outputDir, "screenshots");
  const stamp = Date.now().toString(36);
  const folderName = `Carers ${stamp}`;
  const publicTitle = `Carers' respite guide ${stamp}`;
  const membersTitle = `Carers' rota ${stamp}`;
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  try {
    await page.setViewportSize({ width: 320, height: 800 });
    await signInAs(OFFICER);
    await page.goto(`/p/${SLUG}`);
    await page.getByRole("button", { name: /Sections/ }).click();
    await page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Library" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Leeds Health and Wellbeing Strategy/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await photograph(page, "browse", shots);

    // A new top-level folder.
    await page.getByLabel("Folder name", { exact: true }).fill(folderName);
    await page.getByRole("button", { name: "Make the folder" }).click();
    await expect(page.getByText(`The folder “${folderName}” is made.`)).toBeVisible();
    await page.getByRole("link", { name: titled(folderName) }).click();
    await expect(page.getByRole("heading", { level: 1, name: folderName })).toBeVisible();
    await expect(page.getByText("Nothing is in this folder yet.")).toBeVisible();
    await expectAccessible(page);

    // A link whose address is not a web address is refused, saying what to fix.
    await page.getByRole("link", { name: "Add a link to this folder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a link to the library" })).toBeVisible();
    await expect(page.getByLabel("Folder", { exact: true })).toHaveValue(/.+/);
    await page.getByLabel("Title", { exact: true }).fill(publicTitle);
    await page.getByLabel("Web address", { exact: true }).fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Add the link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a web address starting https://");
    await expectAccessible(page);
    await photograph(page, "add-link", shots);

    await page.getByLabel("Web address", { exact: true }).fill("https://www.example.org/leeds/carers-respite-guide");
    await page.getByLabel("Description (optional)", { exact: true }).fill("Short breaks for carers across the city, and how to book one.");
    await page.getByLabel("Tags (optional)", { exact: true }).fill("Carers,  Respite , #carers");
    await page.getByLabel("Members and the public page", { exact: true }).check();
    await page.getByRole("button", { name: "Add the link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: folderName })).toBeVisible();
    const added = page.getByRole("listitem").filter({ hasText: publicTitle });
    await expect(added.getByRole("link", { name: titled(publicTitle) })).toHaveAttribute("href", "https://www.example.org/leeds/carers-respite-guide");
    await expect(added).toContainText("Goes to another website: www.example.org");
    await expect(added).toContainText("Also on the public page");

    // A members-only link beside it.
    await page.getByRole("link", { name: "Add a link to this folder" }).click();
    await page.getByLabel("Title", { exact: true }).fill(membersTitle);
    await page.getByLabel("Web address", { exact: true }).fill("https://www.example.org/leeds/members/carers-rota");
    await page.getByLabel("Tags (optional)", { exact: true }).fill("carers");
    await page.getByRole("button", { name: "Add the link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: folderName })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: membersTitle })).toContainText("Members only");

    // Tags were normalised; filtering by one finds both, another finds only the public one.
    const stored = await query<{ title: string; tags: string; visibility: string }>(
      'SELECT title, tags::text AS tags, visibility::text AS visibility FROM "LibraryResource" WHERE title = ANY($1)',
      [[publicTitle, membersTitle]],
    );
    expect(stored.sort((a, b) => a.visibility.localeCompare(b.visibility))).toEqual([
      { title: membersTitle, tags: "{carers}", visibility: "MEMBERS" },
      { title: publicTitle, tags: "{carers,respite}", visibility: "PUBLIC" },
    ]);
    await page.getByRole("navigation", { name: "Filter by tag" }).getByRole("link", { name: /^respite/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Resources tagged “respite”" })).toBeVisible();
    await expect(page.getByRole("link", { name: titled(publicTitle) })).toBeVisible();
    await expect(page.getByRole("link", { name: titled(membersTitle) })).toHaveCount(0);
    await expectAccessible(page);
    await photograph(page, "folder", shots);

    // Signed out, the public page lists the public link and not the members-only one.
    await page.context().clearCookies();
    await page.goto(`/public/${SLUG}`);
    const resources = page.getByRole("region", { name: "Resources" });
    await expect(resources.getByRole("link", { name: titled(publicTitle) })).toBeVisible();
    await expect(resources).toContainText("Goes to another website: www.example.org");
    await expect(page.getByText(membersTitle)).toHaveCount(0);
    await expect(resources.getByRole("link", { name: /^List of practices that work with the LCP/ })).toBeVisible();
    await expect(page.getByText("LCP terms of reference")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await photograph(page, "public", shots);
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
});
