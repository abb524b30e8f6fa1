import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

const LEEDS = "leeds-lcps";
const OFFICER = "rachel.green@forum-central.example";
const RENFREWSHIRE = "renfrewshire-spg";
const LORNA = "lorna.shaw@renfrewshire-carers.example"; // Carers sub-group lead

const pdf = (marker: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** A document's download link is named "Download <title>: <file name>". */
const downloadName = (title: string, file: string) => new RegExp(`^Download ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s?: ${file.replace(/\./g, "\\.")}$`);

async function photograph(page: Page, name: string, dir: string) {
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 320, height: 800 });
}

test("an officer adds a public document on a phone, and a signed-out visitor downloads it from the public page but finds no members-only one", async ({ page, signInAs, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const shots = join(testInfo.project.outputDir, "screenshots");
  const title = `Befriending service leaflet ${Date.now().toString(36)}`;
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [LEEDS]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [LEEDS]);
  try {
    await page.setViewportSize({ width: 320, height: 800 });
    await signInAs(OFFICER);
    await page.goto(`/p/${LEEDS}/library`);
    // The demo documents: a members-only PDF in its folder shows what it is and who uploaded it.
    await page.getByRole("link", { name: /^Working with the LCPs/ }).click();
    const dates = page.getByRole("listitem").filter({ hasText: "LCP meeting dates 2027" });
    await expect(dates.getByRole("link", { name: downloadName("LCP meeting dates 2027", "lcp-meeting-dates-2027.pdf") })).toBeVisible();
    await expect(dates).toContainText(/PDF, [\d.]+ (KB|bytes)\. Uploaded by Sam Okafor on/);
    await expect(dates.getByRole("link", { name: /Preview the PDF LCP meeting dates 2027/ })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/p/${LEEDS}/library`);
    await page.getByRole("link", { name: "Add a document", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a document to the library" })).toBeVisible();
    // Without a file, the form says what is missing and takes the reader to it.
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Add the document" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose the document's file");
    await expectAccessible(page);
    await photograph(page, "library-add-document", shots);

    await page.getByLabel("The file", { exact: true }).setInputFiles({ name: "befriending.pdf", mimeType: "application/pdf", buffer: pdf(title) });
    await page.getByLabel("Description (optional)", { exact: true }).fill("Weekly phone calls and visits for older people living alone.");
    await page.getByLabel("Tags (optional)", { exact: true }).fill("befriending, older people");
    await page.getByLabel("Members and the public page", { exact: true }).check();
    await page.getByRole("button", { name: "Add the document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    const added = page.getByRole("listitem").filter({ hasText: title });
    await expect(added.getByRole("link", { name: downloadName(title, "befriending.pdf") })).toBeVisible();
    await expect(added).toContainText("Also on the public page");
    await expect(added).toContainText("Uploaded by Rachel Green on");
    await expectAccessible(page);
    await photograph(page, "library-documents", shots);

    // Signed out: the public page lists it with a download that works; the members-only document is not there.
    const visitor = await browser.newContext({ baseURL });
    try {
      const publicPage = await visitor.newPage();
      await publicPage.setViewportSize({ width: 320, height: 800 });
      await publicPage.goto(`/public/${LEEDS}`);
      const listed = publicPage.getByRole("listitem").filter({ hasText: title });
      await expect(listed).toContainText("PDF");
      await expect(publicPage.getByText("LCP meeting dates 2027")).toHaveCount(0);
      await expect(publicPage.getByRole("heading", { name: "Carers' café flyer" })).toBeVisible();
      await expect(listed).not.toContainText("Rachel Green");
      await expectAccessible(publicPage);
      await photograph(publicPage, "public-documents", shots);
      const downloading = publicPage.waitForEvent("download");
      await listed.getByRole("link", { name: downloadName(title, "befriending.pdf") }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("befriending.pdf");
      expect((await readFile((await download.path())!)).toString("latin1")).toContain(title);

      // The members-only document's address, typed in by hand, does not exist for the public.
      const [membersOnly] = await query<{ id: string }>(
        `SELECT f.id FROM "StoredFile" f JOIN "LibraryResource" r ON r.id = f."ownerId" WHERE f."ownerKind" = 'LIBRARY_RESOURCE' AND r.title = 'LCP meeting dates 2027'`,
      );
      const refused = await visitor.request.get(`/api/files/${membersOnly!.id}`);
      expect(refused.status()).toBe(404);
    } finally {
      await visitor.close();
    }
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [LEEDS, before!.publishesPortfolio]);
  }
});

test("a sub-group's lead uploads minutes to its shared folder on a phone", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(120_000);
  const shots = join(testInfo.project.outputDir, "screenshots");
  const name = `carers-minutes-${Date.now().toString(36)}.pdf`;
  const [carers] = await query<{ id: string }>('SELECT id FROM "SubGroup" WHERE name = $1', ["Carers sub-group"]);
  await page.setViewportSize({ width: 320, height: 800 });
  await signInAs(LORNA);
  await page.goto(`/p/${RENFREWSHIRE}/groups/${carers!.id}`);
  const shared = page.getByRole("region", { name: "Shared files" });
  await expect(shared).toBeVisible();
  await shared.getByLabel("Add files to the shared folder").setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(name) });
  await expect(shared.getByRole("status")).toHaveText(`Uploaded “${name}”.`);
  const item = shared.getByTestId("file-item").filter({ hasText: name });
  await expect(item).toContainText("Uploaded by Lorna Shaw on");
  await expect(item.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/api\/files\//);
  await shared.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await photograph(page, "sub-group-shared-files", shots);
});
