import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { expect, expectAccessible, query, test } from "./fixtures";

/** A demo member (prisma/seed) who takes part in sub-groups, events and reflections. */
const PERSON = "mhairi.gillespie@active-communities.example";

// One person: the widths run one after the other (the second asks for a new copy).
test.describe.configure({ mode: "serial" });

for (const width of [320, 768, 1280]) {
  test(`a person downloads everything Tandem holds about them from their account page (${width} px)`, async ({ page, signInAs }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    await signInAs(PERSON);
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Download your data" });
    await expect(section.getByRole("heading", { name: "Download your data" })).toBeVisible();
    await expect(section).toContainText("anonymous reflections are not included");
    const exports = () =>
      query<{ id: string }>(`SELECT x.id FROM "PersonalDataExport" x JOIN "User" u ON u.id = x."userId" WHERE u.email = $1 ORDER BY x."createdAt" DESC`, [PERSON]);
    const before = (await exports()).length;
    await section.getByRole("button", { name: /^Get a (copy of my data|new copy)$/ }).click();

    // Told politely while it is prepared, then offered the new copy without reloading.
    const status = section.getByRole("status");
    await expect.poll(async () => (await exports()).length).toBe(before + 1);
    const [requested] = await exports();
    const download = section.getByRole("link", { name: /^Download your data \(zip, \d+ (KB|MB|bytes)\)$/ });
    await expect(download).toHaveAttribute("href", `/account/data-export/${requested!.id}`, { timeout: 60_000 });
    await expect(status).toContainText("Your data is ready to download");
    await expect(section).toContainText(/You can download this copy until \d{1,2} \w+ \d{4} at /);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await section.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `account-data-export-${width}.png`) });

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^tandem-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const data = JSON.parse(await zip.file("data.json")!.async("string")) as { person: { email: string }; sections: Record<string, unknown[]> };
    expect(data.person.email).toBe(PERSON);
    expect(data.sections.memberships!.length).toBeGreaterThan(0);
    expect(zip.file("README.txt")).not.toBeNull();
    expect(zip.file("csv/memberships.csv")).not.toBeNull();

    // They were told in their notifications, and the request is in the audit trail.
    const [told] = await query<{ count: string }>(
      `SELECT count(*) FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = $1 AND n.kind = 'DATA_EXPORT_READY'`,
      [PERSON],
    );
    expect(Number(told!.count)).toBeGreaterThan(0);
    const [audited] = await query<{ count: string }>(
      `SELECT count(*) FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId" WHERE u.email = $1 AND a.action = 'personal-data.exported'`,
      [PERSON],
    );
    expect(Number(audited!.count)).toBeGreaterThan(0);
  });
}

test("nobody else can download a person's data", async ({ page, signInAs }) => {
  const [row] = await query<{ id: string }>(
    `SELECT x.id FROM "PersonalDataExport" x JOIN "User" u ON u.id = x."userId" WHERE u.email = $1 AND x.state = 'READY' LIMIT 1`,
    [PERSON],
  );
  // The download tests above (this file runs in order) leave a ready export.
  expect(row, "a ready export from the download tests").toBeTruthy();
  const anonymous = await page.request.get(`/account/data-export/${row!.id}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  await signInAs("lorna.shaw@renfrewshire-carers.example");
  const someoneElse = await page.request.get(`/account/data-export/${row!.id}`, { maxRedirects: 0 });
  expect(someoneElse.status()).toBe(404);
});
