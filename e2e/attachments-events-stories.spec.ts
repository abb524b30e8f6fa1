import sharp from "sharp";
import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const LORNA = "lorna.shaw@renfrewshire-carers.example"; // a member of the partnership
const BREAKFAST = "Quarterly networking breakfast";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("an organiser adds a flyer to an event on a phone, and a member downloads it", async ({ page, context, signInAs }) => {
  test.setTimeout(120_000);
  const [event] = await query<{ id: string }>('SELECT id FROM "Event" WHERE title = $1 ORDER BY "startsAt" LIMIT 1', [BREAKFAST]);
  const path = `/p/${SLUG}/events/${event!.id}`;
  const flyerName = `breakfast flyer ${Date.now()}.pdf`;

  await page.setViewportSize({ width: 320, height: 900 });
  await signInAs(OFFICER);
  await page.goto(path);
  const files = page.getByRole("region", { name: "Flyer and slides" });
  await expect(files).toBeVisible();
  await files.getByLabel("Add a flyer or slides").setInputFiles({ name: flyerName, mimeType: "application/pdf", buffer: PDF });
  await expect(files.getByRole("status")).toContainText(`Uploaded “${flyerName}”.`);
  await expect(files.getByRole("link", { name: flyerName, exact: true })).toBeVisible();
  await expectAccessible(page);
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await files.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/event-flyer-${width}.png` });
  }

  // A member of the partnership sees the flyer (and no uploader) and downloads it.
  await context.clearCookies();
  await signInAs(LORNA);
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(path);
  const memberFiles = page.getByRole("region", { name: "Flyer and slides" });
  const link = memberFiles.getByRole("link", { name: flyerName, exact: true });
  await expect(link).toBeVisible();
  await expect(memberFiles.getByLabel("Add a flyer or slides")).toHaveCount(0);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(flyerName);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);
});

test("a story's author uploads a picture, describes it, and it shows in the story from Tandem", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  const title = `Tea at the hub ${Date.now()}`;
  await page.setViewportSize({ width: 320, height: 900 });
  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/stories/new`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Your story", { exact: true }).fill("Carers and district nurses met for tea every Tuesday.");
  await expect(page.getByRole("region", { name: "Pictures" })).toContainText("Save the draft first");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyPath = new URL(page.url()).pathname;

  await page.goto(`${storyPath}/edit`);
  const pictures = page.getByRole("region", { name: "Pictures" });
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCo", Model: "Snapper 9" } })
    .toBuffer();
  await pictures.getByLabel("Add a picture").setInputFiles({ name: "tea.jpg", mimeType: "image/jpeg", buffer: photo });
  const item = pictures.getByTestId("story-image");
  await expect(item).toHaveCount(1);

  // A picture goes in only with a description.
  await item.getByRole("button", { name: /Put it in the story/ }).click();
  await expect(item.getByText("Describe the picture for people who cannot see it")).toBeVisible();
  await expect(page.getByLabel("Your story", { exact: true })).not.toHaveValue(/file:/);
  await item.getByLabel("Description of tea.jpg").fill("Carers and nurses sharing a pot of tea");
  await item.getByRole("button", { name: /Put it in the story/ }).click();
  await expect(page.getByLabel("Your story", { exact: true })).toHaveValue(/!\[Carers and nurses sharing a pot of tea\]\(file:[A-Za-z0-9_-]+\)$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save changes" }).click();
  const preview = page.getByRole("region", { name: "Preview of the saved story" });
  // Story pictures load lazily: as anyone reading would, scroll to the preview first.
  const previewImage = preview.getByRole("img", { name: "Carers and nurses sharing a pot of tea" });
  await expect(previewImage).toHaveCount(1);
  await previewImage.scrollIntoViewIfNeeded();
  await expect(previewImage).toBeVisible();
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await pictures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/story-picture-editor-${width}.png` });
  }

  // The story shows the picture from Tandem's own route, re-encoded without its camera details.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(storyPath);
  const image = page.getByRole("img", { name: "Carers and nurses sharing a pot of tea" });
  await expect(image).toHaveCount(1);
  await image.scrollIntoViewIfNeeded();
  await expect(image).toBeVisible();
  const src = (await image.getAttribute("src"))!;
  expect(src).toMatch(/^\/api\/files\/[A-Za-z0-9_-]+\?inline=1$/);
  expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(800);
  const served = await page.request.get(src);
  expect(served.headers()["content-type"]).toBe("image/jpeg");
  expect(Buffer.from(await served.body()).includes(Buffer.from("Snapper 9"))).toBe(false);
  await expectAccessible(page);
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await image.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/story-picture-${width}.png` });
  }
});
