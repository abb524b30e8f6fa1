import ExcelJS from "exceljs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "leeds-lcps";

/** An .xlsx of 30 people as an officer would save it; `broken` rows get a problem each. */
async function workbook(tag: string, broken: Record<number, "email" | "role"> = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("People");
  sheet.addRow(["Email", "First name", "Last name", "Organisation", "Sector", "Role"]);
  for (let i = 1; i <= 30; i += 1) {
    const problem = broken[i];
    sheet.addRow([
      problem === "email" ? `person ${i} at example` : `${tag}.${i}@import.example`,
      `Person`,
      `Number ${i}`,
      `Harbour Trust ${tag}`,
      "Voluntary",
      problem === "role" ? "Chair" : i % 10 === 0 ? "Observer" : "Member",
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Spreadsheet of people").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check the import" })).toBeVisible();
}

async function photograph(page: Page, name: string, outputDir: string) {
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(outputDir, "screenshots", `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an officer imports 30 members from an .xlsx: problems first, then a clean file, and all 30 are invited", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  const tag = `imp${Date.now()}`;
  await signInAs("sam.okafor@lch.example"); // officer of the Leeds LCPs
  await page.goto(`/p/${SLUG}/admin`);
  await page.getByRole("link", { name: "Import people from a spreadsheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import people" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the template (Excel)" })).toHaveAttribute("href", `/p/${SLUG}/admin/import/template.xlsx`);
  await expectAccessible(page);
  await photograph(page, "import-upload", testInfo.project.outputDir);

  // A file with two problems: each is named, with its row, before anything is sent.
  await upload(page, "people-with-problems.xlsx", await workbook(`${tag}x`, { 5: "email", 12: "role" }));
  await expect(page.getByTestId("import-summary")).toHaveText("28 rows ready, 2 rows with problems.");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: 'Row 6: "person 5 at example" is not an email address.' })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Row 13: Chair cannot be imported/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^7 / }).getByText("will be added (Voluntary sector)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm and invite 28 people" })).toBeDisabled();
  await summary.getByRole("link", { name: /^Row 6:/ }).click();
  await expect(page.locator("#import-row-6")).toBeFocused();
  await expectAccessible(page);
  await photograph(page, "import-preview-problems", testInfo.project.outputDir);
  expect(Number((await query<{ count: string }>(`SELECT count(*) FROM "Invitation" WHERE email LIKE $1`, [`${tag}x.%`]))[0]!.count)).toBe(0);

  // Cancelled, and the fixed file uploaded instead.
  await page.getByRole("button", { name: "Cancel this import" }).click();
  await page.getByRole("button", { name: "Yes, cancel the import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import people" })).toBeVisible();
  await upload(page, "people.xlsx", await workbook(tag));
  await expect(page.getByTestId("import-summary")).toHaveText("30 rows ready, 0 rows with problems.");
  await page.getByRole("button", { name: "Confirm and invite 30 people" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sending invitations" })).toBeVisible();
  await expect(page.getByText("All 30 invitations have been sent.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("import-summary")).toHaveText("30 people invited.");
  await expect(page.getByRole("row", { name: /^2 / }).getByText("added (Voluntary sector)")).toBeVisible();
  await expectAccessible(page);
  await photograph(page, "import-sent", testInfo.project.outputDir);

  const invitations = await query<{ email: string; role: string; emailQueued: boolean }>(
    `SELECT i.email, i.role, i."emailQueued" FROM "Invitation" i JOIN "Partnership" p ON p.id = i."partnershipId" WHERE p.slug = $1 AND i.email LIKE $2 ORDER BY i.email`,
    [SLUG, `${tag}.%`],
  );
  expect(invitations).toHaveLength(30);
  expect(invitations.filter((row) => row.role === "OBSERVER")).toHaveLength(3);
  expect(invitations.every((row) => !row.emailQueued)).toBe(true);
  const organisations = await query<{ sector: string }>(`SELECT sector FROM "Organisation" WHERE name = $1`, [`Harbour Trust ${tag}`]);
  expect(organisations).toEqual([{ sector: "VOLUNTARY" }]);

  // They are listed with the open invitations.
  await page.getByRole("link", { name: "open invitations" }).click();
  await expect(page.getByText(`${tag}.17@import.example`)).toBeVisible();
});

test("someone who is not an officer finds no import page", async ({ page, signInAs }) => {
  const [member] = await query<{ email: string }>(
    `SELECT u.email FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Partnership" p ON p.id = m."partnershipId" WHERE p.slug = $1 AND m.role = 'MEMBER' ORDER BY u.email LIMIT 1`,
    [SLUG],
  );
  await signInAs(member!.email);
  const response = await page.goto(`/p/${SLUG}/admin/import`);
  expect(response?.status()).toBe(404);
});
