import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

type Line = { id: string; item: string; awardedPence: number };

test("an overspent budget line asks why; the update is refused without a reason and the officer reads it", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  // A running project with two or more budget lines and no update waiting, led by someone (not the other spec's project).
  const [project] = await query<{ id: string; name: string; email: string; budgetLines: Line[] }>(
    `SELECT p.id, p.name, u.email, p."budgetLines" FROM "FundedProject" p
       JOIN "Partnership" s ON s.id = p."partnershipId"
       JOIN "ProjectTeamMember" t ON t."projectId" = p.id AND t.role = 'LEAD'
       JOIN "User" u ON u.id = t."userId"
     WHERE s.slug = $1 AND p.status = 'ACTIVE' AND p.name <> 'Peer support phone line'
       AND jsonb_array_length(p."budgetLines") >= 2
       AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" w WHERE w."projectId" = p.id AND w.status = 'SUBMITTED')
     ORDER BY p.name LIMIT 1`,
    [SLUG],
  );
  expect(project, "a demo project to report on").toBeTruthy();
  const line = project!.budgetLines[0]!;
  const overBy = 100_00;

  await signInAs(project!.email);
  await page.goto(`/p/${SLUG}/projects/${project!.id}/updates/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Post a progress update" })).toBeVisible();
  await page.getByLabel("Amber", { exact: true }).check();
  await page.getByLabel("Percentage complete", { exact: true }).fill("40");
  await page.getByLabel("What happened", { exact: true }).fill("More sessions than planned this period.");
  const reasonLabel = `Why is this line over budget? (${line.item})`;
  await expect(page.getByLabel(reasonLabel, { exact: true })).toHaveCount(0);
  await page
    .getByLabel(`${line.item} spent to date (£)`, { exact: true })
    .fill(((line.awardedPence + overBy) / 100).toFixed(2));
  await expect(page.getByLabel(reasonLabel, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Without a reason the update is not submitted, and the message names the line.
  await page.getByRole("button", { name: "Submit update" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByText(`Say why "${line.item}" is over budget`).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(reasonLabel, { exact: true }).fill("Demand doubled over the winter, so we ran extra sessions.");
  await page.getByRole("button", { name: "Submit update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: project!.name })).toBeVisible();

  const [stored] = await query<{ spend: { budgetLineId: string; overspendReason?: string }[] }>(
    `SELECT spend FROM "ProgressUpdate" WHERE "projectId" = $1 AND status = 'SUBMITTED'`,
    [project!.id],
  );
  expect(stored!.spend.find((entry) => entry.budgetLineId === line.id)?.overspendReason).toBe(
    "Demand doubled over the winter, so we ran extra sessions.",
  );

  // The officer reviewing the update reads why.
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/projects/${project!.id}`);
  await expect(page.getByText("Demand doubled over the winter, so we ran extra sessions.").first()).toBeVisible();
  await expectAccessible(page);
});

test("the public page says how projects are doing in plain words, never 'RAG'", async ({ page }) => {
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  try {
    await page.goto(`/public/${SLUG}`);
    const projects = page.getByRole("region", { name: "Funded projects: money, progress and decisions" });
    await expect(projects).toBeVisible();
    await expect(page.locator("main")).not.toContainText("RAG");
    await expect(projects.getByText(/^(On track|Some problems|Serious problems)$/).first()).toBeVisible();
    await expect(page.getByText("On track: going to plan.")).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "no sideways scrolling of the page at 320 px").toBeLessThanOrEqual(0);
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
});

test("My work, the project list and a sub-group's Projects tab show a project with the same columns", async ({ page, signInAs }) => {
  const [lead] = await query<{ email: string; groupId: string }>(
    `SELECT u.email, p."subGroupId" AS "groupId" FROM "FundedProject" p
       JOIN "Partnership" s ON s.id = p."partnershipId"
       JOIN "ProjectTeamMember" t ON t."projectId" = p.id AND t.role = 'LEAD'
       JOIN "User" u ON u.id = t."userId"
       JOIN "Membership" m ON m."userId" = u.id AND m."partnershipId" = s.id
     WHERE s.slug = $1 AND p."subGroupId" IS NOT NULL
     ORDER BY p.name LIMIT 1`,
    [SLUG],
  );
  await signInAs(OFFICER);
  const headers = async (caption: string) =>
    page.getByRole("table", { name: caption }).getByRole("columnheader").allInnerTexts();

  await page.goto(`/p/${SLUG}/projects`);
  const list = await headers("All projects");
  expect(list).toEqual(["Project", "Sub-group", "Status", "Latest update", "Awarded", "Paid", "Next report", "Overdue updates"]);
  await expectAccessible(page);

  await page.goto(`/p/${SLUG}/groups/${lead!.groupId}/projects`);
  const tab = await headers("The sub-group's funded projects, newest first");
  expect(tab).toEqual(list.filter((header) => header !== "Sub-group" && header !== "Next report"));

  await signInAs(lead!.email);
  await page.goto(`/p/${SLUG}/my-work`);
  expect(await headers("The funded projects you lead or work on")).toEqual(list);
  await expectAccessible(page);
});
