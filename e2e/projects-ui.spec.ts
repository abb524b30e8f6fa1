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

/** The page at a phone's, a tablet's and a desktop's width: no sideways scrolling, a screenshot kept for people to look at. */
async function atEveryWidth(page: import("@playwright/test").Page, name: string, outputDir: string) {
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `sideways scrolling of ${name} at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${outputDir}/screenshots/${name}-${width}.png`, fullPage: true });
  }
}

test("the dashboard says how projects are doing in plain words, in captioned tables that fit a phone", async ({ page, signInAs }, testInfo) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/dashboard`);
  await expect(page.getByRole("heading", { level: 3, name: "By how they are doing" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("RAG");
  const progress = page.getByRole("table", { name: "Projects by how their latest update says they are doing" });
  expect(await progress.getByRole("columnheader").allInnerTexts()).toEqual(["Latest update says", "Projects"]);
  await expect(progress.getByRole("rowheader").filter({ hasText: /^(On track|Some problems|Serious problems|No update yet)$/ }).first()).toBeVisible();
  const decisions = page.getByRole("table", { name: "Decisions by outcome" });
  expect(await decisions.getByRole("columnheader").allInnerTexts()).toEqual(["Outcome", "Decisions"]);
  const overdue = page.getByRole("table", { name: "Projects with overdue progress updates, longest overdue first" });
  if ((await overdue.count()) > 0) {
    expect(await overdue.getByRole("columnheader").allInnerTexts()).toEqual(["Project", "Lead", "Updates overdue", "Oldest was due", "Days late"]);
    await expect(overdue.getByRole("cell").filter({ hasText: /^\d{1,2} [A-Z][a-z]+ \d{4}$/ }).first()).toBeVisible();
  } else {
    await expect(page.getByText("No progress updates are overdue.")).toBeVisible();
  }
  expect(await page.getByRole("table", { name: "Money committed, paid and remaining by priority area" }).getByRole("columnheader").allInnerTexts()).toEqual([
    "Priority area",
    "Committed",
    "Paid",
    "Remaining",
  ]);
  await expectAccessible(page);
  await atEveryWidth(page, "dashboard", testInfo.outputDir);

  // Each list comes a page at a time; an old or hand-edited address past the last page says so and links back.
  await page.goto(`/p/${SLUG}/dashboard?overdue=40&outcomes=x`);
  const overdueSection = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Overdue updates" }) });
  await expect(overdueSection.getByText(/^There is no page 40: the list has 1 page\./)).toBeVisible();
  await expect(page.getByRole("table", { name: "Success measures by project: how many have reached their target" })).toBeVisible();
  await overdueSection.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${SLUG}/dashboard#overdue-heading$`));
  await expect(overdueSection.getByRole("table")).toBeVisible();
  await expectAccessible(page);
});

test("a progress update counts the characters left in its long answers and says when the draft is saved", async ({ page, signInAs }, testInfo) => {
  const [project] = await query<{ id: string; email: string }>(
    `SELECT p.id, u.email FROM "FundedProject" p
       JOIN "Partnership" s ON s.id = p."partnershipId"
       JOIN "ProjectTeamMember" t ON t."projectId" = p.id AND t.role = 'LEAD'
       JOIN "User" u ON u.id = t."userId"
     WHERE s.slug = $1 AND p.status = 'ACTIVE'
     ORDER BY p.name DESC LIMIT 1`,
    [SLUG],
  );
  expect(project, "a running demo project").toBeTruthy();
  await signInAs(project!.email);
  await page.goto(`/p/${SLUG}/projects/${project!.id}/updates/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Post a progress update" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Back to / })).toHaveAttribute("href", `/p/${SLUG}/projects/${project!.id}`);
  const text = "We ran four sessions.";
  await page.getByLabel("What happened", { exact: true }).fill(text);
  await expect(page.getByText(`You have ${(10_000 - text.length).toLocaleString("en-GB")} characters remaining`, { exact: true })).toBeVisible();
  await expect(page.getByText("You have 5,000 characters remaining", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await atEveryWidth(page, "progress-update", testInfo.outputDir);

  try {
    await page.getByRole("button", { name: "Save draft" }).click();
    const saved = page.getByRole("status").filter({ hasText: /^Draft saved at / });
    await expect(saved).toBeFocused();
  } finally {
    await query(`DELETE FROM "ProgressUpdate" WHERE "projectId" = $1 AND status = 'DRAFT' AND narrative = $2`, [project!.id, text]);
  }
});

test("the funded projects list and a sub-group's projects tab are shared tables that fit a phone", async ({ page, signInAs }, testInfo) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/funded-projects`);
  await expect(page.getByRole("heading", { level: 1, name: "Funded projects" })).toBeVisible();
  const table = page.getByRole("table", { name: "Funded projects" });
  if ((await table.count()) > 0) {
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual(["Project", "Priority area", "Status", "Awarded"]);
    await expect(table.getByRole("cell").filter({ hasText: /^£[\d,]+\.\d{2}$/ }).first()).toBeVisible();
  }
  await expectAccessible(page);
  await atEveryWidth(page, "funded-projects", testInfo.outputDir);

  const [group] = await query<{ id: string }>(
    `SELECT p."subGroupId" AS id FROM "FundedProject" p JOIN "Partnership" s ON s.id = p."partnershipId"
     WHERE s.slug = $1 AND p."subGroupId" IS NOT NULL ORDER BY p.name LIMIT 1`,
    [SLUG],
  );
  await page.goto(`/p/${SLUG}/groups/${group!.id}/projects`);
  await expect(page.getByRole("heading", { level: 2, name: /funded projects?$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Proposals by status" })).toBeVisible();
  await expectAccessible(page);
  await atEveryWidth(page, "sub-group-projects", testInfo.outputDir);
});

test("the public stories pages link within the public site", async ({ page }, testInfo) => {
  const [before] = await query<{ publishesPortfolio: boolean }>('SELECT "publishesPortfolio" FROM "Partnership" WHERE slug = $1', [SLUG]);
  await query('UPDATE "Partnership" SET "publishesPortfolio" = true WHERE slug = $1', [SLUG]);
  try {
    const [story] = await query<{ id: string }>(
      `SELECT st.id FROM "Story" st JOIN "Partnership" s ON s.id = st."partnershipId"
       WHERE s.slug = $1 AND st.status = 'PUBLISHED' AND st."isPublic" = true ORDER BY st.id LIMIT 1`,
      [SLUG],
    );
    await page.goto(`/public/${SLUG}/stories`);
    await expect(page.getByRole("link", { name: /: funded tests$/ })).toHaveAttribute("href", `/public/${SLUG}`);
    await expect(page.getByRole("link", { name: "Every theme" })).toHaveAttribute("href", `/public/${SLUG}/stories`);
    await expectAccessible(page);
    await atEveryWidth(page, "public-stories", testInfo.outputDir);
    if (story) {
      await page.goto(`/public/${SLUG}/stories/${story.id}`);
      await expect(page.getByRole("link", { name: /: all stories$/ })).toHaveAttribute("href", `/public/${SLUG}/stories`);
      await expectAccessible(page);
    }
    expect((await page.goto(`/public/${SLUG}/stories/not-a-story`))?.status()).toBe(404);
  } finally {
    await query('UPDATE "Partnership" SET "publishesPortfolio" = $2 WHERE slug = $1', [SLUG, before!.publishesPortfolio]);
  }
});
