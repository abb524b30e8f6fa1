import sharp from "sharp";
import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const LORNA = "lorna.shaw@renfrewshire-carers.example"; // voluntary sector, Carers sub-group lead

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("an author attaches a PDF and a photo to a proposal, sees the upload's progress and both files listed", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Documents check ${stamp}`;
  const roundId = `e2e_documents_round_${stamp}`;
  const [fund] = await query<{ id: string }>('SELECT id FROM "Fund" WHERE name LIKE $1', ["Winter test-and-learn fund %"]);
  await query(
    `INSERT INTO "FundingRound" (id, "fundId", title, guidance, eligibility, criteria, "opensAt", "closesAt", "minAwardPence", "maxAwardPence", status, "requiredDocuments", "updatedAt")
     VALUES ($1, $2, $3, 'Tests.', 'Anyone.', '[{"name":"Fit","weight":100}]'::jsonb,
             now() - interval '1 day', now() + interval '30 days', 100000, 1000000, 'OPEN', ARRAY['Constitution'], now())`,
    [roundId, fund!.id, `Documents round ${stamp}`],
  );
  const [carers] = await query<{ id: string }>('SELECT id FROM "SubGroup" WHERE name = $1', ["Carers sub-group"]);

  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/groups/${carers!.id}/proposals`);
  await page.getByLabel("Working title", { exact: true }).fill(title);
  await page.getByLabel("Funding round", { exact: true }).selectOption(roundId);
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();

  const documents = page.getByTestId("file-attachments");
  await expect(documents.getByTestId("required-documents")).toContainText(/Constitution:\s*not attached yet/);

  // The constitution, as the round's required document.
  await documents.getByLabel("Which document are you adding?").selectOption("Constitution");
  // Progress shows while the bytes go up: slow the request a little so the bar can be seen.
  await page.route("**/api/files?*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await documents.getByLabel("Attach documents").setInputFiles({ name: "constitution.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("upload-progress")).toBeVisible();
  await expect(documents.getByRole("status")).toContainText("Uploaded “constitution.pdf”.");
  await expect(documents.getByTestId("required-documents")).toContainText(/Constitution:\s*attached/);

  // A photo, as another document.
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#336699" } }).jpeg().toBuffer();
  await documents.getByLabel("Which document are you adding?").selectOption("");
  await documents.getByLabel("Attach documents").setInputFiles({ name: "group photo.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(documents.getByRole("status")).toContainText("Uploaded “group photo.jpg”.");

  const items = documents.getByTestId("file-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("constitution.pdf");
  await expect(items.nth(0)).toContainText("PDF,");
  await expect(items.nth(0)).toContainText("Uploaded by Lorna");
  await expect(items.nth(0).getByRole("link", { name: /Preview the PDF/ })).toBeVisible();
  await expect(items.nth(1)).toContainText("group photo.jpg");
  await expect(items.nth(1).getByRole("img", { name: "Preview of group photo.jpg" })).toBeVisible();
  await expectAccessible(page);

  // A file that is not an accepted kind is refused, and says so.
  await documents.getByLabel("Attach documents").setInputFiles({ name: "tool.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
  await expect(documents.getByRole("alert")).toContainText("This kind of file cannot be uploaded");
  await expect(items).toHaveCount(2);

  // The download is the file itself, sent as an attachment with nothing allowed to run.
  const href = await items.nth(0).getByRole("link", { name: "constitution.pdf", exact: true }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await documents.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/files-proposal-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 320, height: 900 });
  await expectAccessible(page);
});
