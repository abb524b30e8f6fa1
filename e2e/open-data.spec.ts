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

test("an officer records a charity number and a fund's funder, and the 360Giving data names them", async ({ page, signInAs }) => {
  const [award] = await query<{ organisationId: string; organisationName: string; charityNumber: string | null; fundId: string; funderId: string | null }>(
    `SELECT o.id AS "organisationId", o.name AS "organisationName", o."charityNumber", f.id AS "fundId", f."funderOrganisationId" AS "funderId"
     FROM "Award" a JOIN "Fund" f ON f.id = a."fundId" JOIN "Partnership" p ON p.id = f."partnershipId"
     JOIN "Organisation" o ON o.id = a."recipientOrganisationId"
     JOIN "PartnershipOrganisation" po ON po."organisationId" = o.id AND po."partnershipId" = p.id
     WHERE p.slug = $1 AND a."publishedAt" IS NOT NULL ORDER BY a."createdAt" LIMIT 1`,
    [SLUG],
  );
  const [funder] = await query<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM "Organisation" o JOIN "PartnershipOrganisation" po ON po."organisationId" = o.id
     JOIN "Partnership" p ON p.id = po."partnershipId" WHERE p.slug = $1 AND o.id IS DISTINCT FROM $2 ORDER BY o.name LIMIT 1`,
    [SLUG, award!.funderId],
  );
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  try {
    await signInAs(OFFICER);
    await page.goto(`/p/${SLUG}/directory/organisations/${award!.organisationId}`);
    const numbers = page.getByRole("form", { name: "Registered numbers" });
    // A number in the wrong form is refused with a plain message, and nothing is saved.
    await numbers.getByLabel("Charity number (England and Wales)").fill("SC12");
    await numbers.getByRole("button", { name: "Save numbers" }).click();
    await expect(numbers.getByRole("link", { name: /6 to 8 digits/ })).toBeVisible();
    await numbers.getByLabel("Charity number (England and Wales)").fill("1123 456");
    await numbers.getByRole("button", { name: "Save numbers" }).click();
    await expect(page.getByTestId("action-notice")).toContainText("The numbers are saved.");
    await expect(page.getByText("1123456").first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/p/${SLUG}/funding/${award!.fundId}#funder`);
    await page.getByRole("combobox", { name: "Funding organisation" }).selectOption({ label: funder!.name });
    await page.getByRole("button", { name: "Save funder" }).click();
    await expect(page.getByTestId("action-notice")).toContainText(`${funder!.name} is now named as the fund's funder.`);
    await expect(page.getByText(`Funded by ${funder!.name}`)).toBeVisible();

    await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
    const response = await page.request.get(`/public/${SLUG}/grants.json`);
    expect(response.status()).toBe(200);
    const data = (await response.json()) as { grants: { recipientOrganization: { id: string; name: string; charityNumber?: string }[]; fundingOrganization: { name: string }[] }[] };
    const theirs = data.grants.filter((grant) => grant.recipientOrganization[0]?.name === award!.organisationName);
    expect(theirs.length).toBeGreaterThan(0);
    for (const grant of theirs) {
      expect(grant.recipientOrganization[0]).toMatchObject({ id: "GB-CHC-1123456", charityNumber: "1123456" });
    }
    expect(data.grants.map((grant) => grant.fundingOrganization[0]?.name)).toContain(funder!.name);
  } finally {
    await query('UPDATE "Organisation" SET "charityNumber" = $2 WHERE id = $1', [award!.organisationId, award!.charityNumber]);
    await query('UPDATE "Fund" SET "funderOrganisationId" = $2 WHERE id = $1', [award!.fundId, award!.funderId]);
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
});
