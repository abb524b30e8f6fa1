import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const LORNA = "lorna.shaw@renfrewshire-carers.example";
const KENNY = "kenny.doyle@ramh.example";
const JIM = "jim.mcallister@johnstone-walks.example"; // the demo's returned story is his

/** No sideways scrolling: the page fits the window. */
async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("a member writes a story and submits it; the officer publishes it; another member comments; the author is told", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const title = `Tea, toast and a shared rota ${Date.now()}`;

  // Lorna writes a story.
  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/stories`);
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Short breaks that fit around caring" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cross-system kindness" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Stories of cross-system kindness" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Short breaks that fit around caring" })).toHaveCount(0);

  await page.getByRole("link", { name: "Write a story" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a story" })).toBeVisible();
  await expectAccessible(page);

  // An image without a description is refused, naming it.
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Your story", { exact: true }).fill("The carers centre and the district nurses shared a rota.\n\n![](https://example.org/tea.jpg)");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("form [role=alert]").first()).toContainText("https://example.org/tea.jpg");
  await expectAccessible(page);

  await page
    .getByLabel("Your story", { exact: true })
    .fill("The carers centre and the **district nurses** shared a rota, so carers could get out for an hour.");
  await page.getByLabel("Summary (optional)", { exact: true }).fill("How two teams found an hour a week for carers.");
  await page.getByLabel("Inter-organisational collaboration", { exact: true }).check();
  await page.getByLabel("Cross-system kindness", { exact: true }).check();
  await page.getByLabel("Renfrewshire Carers Centre", { exact: true }).check();
  await page.getByLabel("Show this story on the partnership's public page once it is published", { exact: true }).check();
  await page.getByRole("button", { name: "Save and submit for publishing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your story has been submitted.")).toBeVisible();
  await expect(page.locator("strong", { hasText: "district nurses" })).toBeVisible();
  await expectAccessible(page);
  const storyUrl = new URL(page.url());
  const storyPath = storyUrl.pathname;
  const storyId = storyPath.split("/").pop()!;
  const [stored] = await query<{ status: string; themes: string }>('SELECT status, themes::text FROM "Story" WHERE id = $1', [storyId]);
  expect(stored).toEqual({ status: "SUBMITTED", themes: "{INTER_ORGANISATIONAL_COLLABORATION,CROSS_SYSTEM_KINDNESS}" });

  await page.goto(`/p/${SLUG}/stories/mine`);
  await expect(page.getByRole("heading", { level: 2, name: /Waiting for an officer/ })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);

  // Other members cannot read it yet.
  await signInAs(KENNY);
  const hidden = await page.goto(storyPath);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  // The officer finds it in the queue and publishes it.
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/stories/moderation`);
  await expect(page.getByRole("heading", { level: 1, name: "Stories waiting for moderation" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Publish it", { exact: true }).check();
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Published. The author has been told.")).toBeVisible();

  // Kenny reads it and says what he thinks.
  await signInAs(KENNY);
  await page.goto(storyPath);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("What do you think?", { exact: true }).fill("We should try this at the wellbeing café too.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Thank you: your comment is posted above, and the author has been told.")).toBeVisible();
  await expect(page.locator("#comments")).toContainText("We should try this at the wellbeing café too.");
  await expectAccessible(page);

  // Lorna is told, and sees the comment on her story.
  await signInAs(LORNA);
  await page.goto("/notifications");
  await expect(page.getByText(`Kenny Doyle commented on your story “${title}”`)).toBeVisible();
  await expect(page.getByText(`Your story “${title}” has been published`)).toBeVisible();
  await page.goto(storyPath);
  await expect(page.locator("#comments")).toContainText("Kenny Doyle");
  await expect(page.locator("#comments")).toContainText("We should try this at the wellbeing café too.");

  // The story page works at 320 px wide without sideways scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(storyPath);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("an author edits a story an officer returned, reading the officer's note", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  const [story] = await query<{ id: string }>('SELECT id FROM "Story" WHERE title = $1', ["Walk and talk"]);
  await signInAs(JIM);
  await page.goto(`/p/${SLUG}/stories/${story!.id}`);
  await expect(page.getByRole("heading", { name: "An officer has asked for changes" })).toBeVisible();
  await page.getByRole("link", { name: "Edit the story" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Walk and talk" })).toBeVisible();
  await expect(page.getByText("Could you add a sentence or two")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Johnstone Health Walks", { exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Preview of the saved story" })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
});

test("published stories their authors made public are on the partnership's public page", async ({ browser }) => {
  test.setTimeout(120_000);
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  const visitor = await browser.newContext();
  try {
    const page = await visitor.newPage();
    await page.goto(`/public/${SLUG}`);
    await page.getByRole("link", { name: "Read the partnership’s stories" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /stories$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Short breaks that fit around caring" })).toBeVisible();
    // Members-only and unpublished stories stay inside the partnership.
    await expect(page.getByRole("link", { name: "Plain-English leaflets, written with the people who use them" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Community meals where nobody eats alone" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Short breaks that fit around caring" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Short breaks that fit around caring" })).toBeVisible();
    await expect(page.getByText("By Lorna Shaw, Renfrewshire Carers Centre")).toBeVisible();
    // Comments are for members: none reach the public page.
    await expect(page.getByText("Could the same quick approval work")).toHaveCount(0);
    await expect(page.getByText("lorna.shaw@")).toHaveCount(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScroll(page);
  } finally {
    await visitor.close();
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
});
