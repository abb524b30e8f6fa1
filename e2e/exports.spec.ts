import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

/** Officers download Excel files in the browser, and the files hold typed cells: pounds as £ numbers, dates as dates. */
const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

async function downloadWorkbook(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return { sheet: workbook.worksheets[0]!, filename: download.suggestedFilename() };
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

test("an officer downloads the fund's ledger and the member list as Excel files with typed cells", async ({ page, signInAs }) => {
  const [fund] = await query<{ id: string }>(
    `SELECT f.id FROM "Fund" f JOIN "Partnership" p ON p.id = f."partnershipId"
     WHERE p.slug = $1 AND EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."fundId" = f.id) ORDER BY f."createdAt" LIMIT 1`,
    [SLUG],
  );
  await signInAs(OFFICER);

  await page.goto(`/p/${SLUG}/funding/${fund!.id}`);
  await expectAccessible(page);
  const ledger = await downloadWorkbook(page, "Download ledger (Excel)");
  expect(ledger.filename).toContain(fund!.id);
  expect(ledger.sheet.name).toBe("Ledger");
  expect(ledger.sheet.rowCount).toBeGreaterThan(1);
  const when = ledger.sheet.getRow(2).getCell(1);
  expect(when.value).toBeInstanceOf(Date);
  expect(when.numFmt).toBe("dd/mm/yyyy hh:mm");
  const header = headerOf(ledger.sheet);
  const committed = header.findIndex((title) => /committed/i.test(String(title))) + 1;
  expect(committed).toBeGreaterThan(0);
  const money = ledger.sheet.getRow(2).getCell(committed);
  expect(typeof money.value).toBe("number");
  expect(money.numFmt).toContain("£");
  expect(ledger.sheet.getRow(1).font?.bold).toBe(true);

  await page.goto(`/p/${SLUG}/admin`);
  const members = await downloadWorkbook(page, "Download members (Excel)");
  expect(members.sheet.name).toBe("Members");
  expect(headerOf(members.sheet)).toEqual(["Name", "Email", "Organisation", "Sector", "Role", "Locality", "Joined on"]);
  const [count] = await query<{ n: string }>(
    'SELECT count(*)::text AS n FROM "Membership" m JOIN "Partnership" p ON p.id = m."partnershipId" WHERE p.slug = $1',
    [SLUG],
  );
  expect(members.sheet.rowCount - 1).toBe(Number(count!.n));
  const officerRow = members.sheet.getRows(2, members.sheet.rowCount - 1)!.find((row) => row.getCell(2).value === OFFICER)!;
  expect(officerRow.getCell(5).value).toBe("Officer");
  expect(officerRow.getCell(7).value).toBeInstanceOf(Date);
  expect(officerRow.getCell(7).numFmt).toBe("dd/mm/yyyy");

  // The CSV of the same list holds the same people.
  const csv = await page.request.get(`/p/${SLUG}/admin/members.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(members.sheet.rowCount);
});

test("members other than officers are refused the member list and the audit log", async ({ page, signInAs }) => {
  const [member] = await query<{ email: string }>(
    `SELECT u.email FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Partnership" p ON p.id = m."partnershipId"
     WHERE p.slug = $1 AND m.role = 'MEMBER' ORDER BY u.email LIMIT 1`,
    [SLUG],
  );
  await signInAs(member!.email);
  for (const path of [`/p/${SLUG}/admin/members.xlsx`, `/p/${SLUG}/admin/members.csv`, `/p/${SLUG}/funding/audit.xlsx`, `/p/${SLUG}/funding/audit.csv`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"] ?? "").not.toContain("spreadsheet");
  }
});

test("the fund page and the administration page with their download buttons at 320, 768 and 1280 px", async ({ page, signInAs }, testInfo) => {
  const [fund] = await query<{ id: string }>(
    `SELECT f.id FROM "Fund" f JOIN "Partnership" p ON p.id = f."partnershipId" WHERE p.slug = $1 ORDER BY f."createdAt" LIMIT 1`,
    [SLUG],
  );
  await signInAs(OFFICER);
  for (const [name, path] of [
    ["fund-downloads", `/p/${SLUG}/funding/${fund!.id}`],
    ["admin-downloads", `/p/${SLUG}/admin`],
    ["audit-downloads", `/p/${SLUG}/funding/audit`],
  ] as const) {
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scrolling on ${path} at ${width} px`).toBeLessThanOrEqual(0);
      const buttons = page.getByRole("link", { name: /^Download .*\((CSV|Excel)\)$/ });
      expect(await buttons.count()).toBeGreaterThanOrEqual(2);
      for (const button of await buttons.all()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, `a download button overflows at ${width} px`).toBeLessThanOrEqual(width);
      }
      await buttons.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`) });
    }
  }

  // The officers' forms for a fund's funder and an organisation's registered numbers.
  const [organisation] = await query<{ id: string }>(
    `SELECT po."organisationId" AS id FROM "PartnershipOrganisation" po JOIN "Partnership" p ON p.id = po."partnershipId" WHERE p.slug = $1 LIMIT 1`,
    [SLUG],
  );
  for (const [name, path, form] of [
    ["fund-funder", `/p/${SLUG}/funding/${fund!.id}`, page.getByRole("region", { name: "Whose money it is" })],
    ["organisation-numbers", `/p/${SLUG}/directory/organisations/${organisation!.id}`, page.getByRole("form", { name: "Registered numbers" })],
  ] as const) {
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await form.scrollIntoViewIfNeeded();
      await expect(form).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scrolling on ${path} at ${width} px`).toBeLessThanOrEqual(0);
      await form.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`) });
    }
  }
  await expectAccessible(page);
});
