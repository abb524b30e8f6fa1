import { expect, expectAccessible, query, test } from "./fixtures";

/** Grants as 360Giving open data from the public page, and officers' view of background tasks. */
const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

test("a signed-out visitor downloads the partnership's grants as 360Giving data from its public page", async ({ page }) => {
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  try {
    await page.goto(`/public/${SLUG}`);
    const json = page.getByRole("link", { name: "JSON data package" });
    await expect(json).toBeVisible();
    await expectAccessible(page);

    const response = await page.request.get((await json.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const data = (await response.json()) as { version: string; grants: { id: string; currency: string; amountAwarded: number; fundingOrganization: { name: string }[] }[] };
    expect(data.version).toBe("1.4");
    expect(data.grants.length).toBeGreaterThan(0);
    for (const grant of data.grants) {
      expect(grant.id).toMatch(/^360G-tandemdemo-/);
      expect(grant.currency).toBe("GBP");
      expect(typeof grant.amountAwarded).toBe("number");
      expect(grant.fundingOrganization[0]?.name).toBe("Renfrewshire Health and Social Care Partnership");
    }
    // No person's name or email reaches it.
    expect(JSON.stringify(data)).not.toMatch(/@|Fiona|Macleod/);

    const csv = await page.request.get((await page.getByRole("link", { name: "spreadsheet (CSV)" }).getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier/);
    expect(lines).toHaveLength(data.grants.length + 1);
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
  // Unpublished: the open data is gone with the page.
  if (!before!.publishesPortfolio) expect((await page.request.get(`/public/${SLUG}/grants.json`)).status()).toBe(404);
});

test("officers see background tasks that keep failing, and try their partnership's own again", async ({ page, signInAs }) => {
  const [partnership] = await query<{ id: string }>('SELECT id FROM "Partnership" WHERE slug = $1', [SLUG]);
  const [job] = await query<{ id: string }>(
    `INSERT INTO "BackgroundJob" (id, kind, "partnershipId", state, attempts, "maxAttempts", "lastError", "startedAt", "finishedAt")
     VALUES ('e2e_failed_job', 'projects.reminders', $1, 'FAILED', 5, 5, 'The email server did not answer.', now(), now()) RETURNING id`,
    [partnership!.id],
  );
  try {
    await signInAs(OFFICER);
    await page.goto(`/p/${SLUG}/admin#background-tasks`);
    const section = page.getByRole("region", { name: "Background tasks", exact: true });
    const row = section.getByRole("row").filter({ hasText: "Reminding project teams of progress updates due" });
    await expect(row).toContainText("Stopped");
    await expect(row).toContainText("The email server did not answer.");
    await expect(row).toContainText("Tried 5 of 5 times");
    await expectAccessible(page);
    await row.getByRole("button", { name: /Try again/ }).click();
    const notice = page.getByTestId("action-notice");
    await expect(notice).toContainText("will be tried again");
    await expect(notice).toBeFocused();
    const [after] = await query<{ state: string; attempts: number }>('SELECT state, attempts FROM "BackgroundJob" WHERE id = $1', [job!.id]);
    expect(after?.attempts).toBeLessThanOrEqual(1);
    expect(["QUEUED", "RUNNING", "SUCCEEDED"]).toContain(after?.state);
  } finally {
    await query('DELETE FROM "BackgroundJob" WHERE id = $1', [job!.id]);
  }
});
