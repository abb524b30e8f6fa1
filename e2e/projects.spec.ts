import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const KENNY = "kenny.doyle@ramh.example"; // leads the demo's "Peer support phone line"

test("a lead posts two updates (one late, flagged); the officer accepts the late one and pays the payment it unlocks", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const [project] = await query<{ id: string; awardId: string; fundId: string }>(
    `SELECT p.id, p."awardId", a."fundId" FROM "FundedProject" p JOIN "Award" a ON a.id = p."awardId" WHERE p.name = $1`,
    ["Peer support phone line"],
  );
  const projectPath = `/p/${SLUG}/projects/${project!.id}`;

  await signInAs(KENNY);
  await page.goto(projectPath);
  await expect(page.getByRole("heading", { level: 1, name: "Peer support phone line" })).toBeVisible();
  await expect(page.getByText(/2 updates overdue/)).toBeVisible();
  await expectAccessible(page);

  // The lead brings someone from another organisation into the team.
  const [sandra] = await query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', ["sandra.kerr@engage-renfrewshire.example"]);
  await page.getByLabel("Find someone to add", { exact: true }).fill("Sandra");
  await page.getByLabel("Add someone to the team", { exact: true }).selectOption(sandra!.id);
  await page.getByRole("button", { name: "Add to the team" }).click();
  await expect(page.getByRole("button", { name: "Take off the team: Sandra Kerr" })).toBeVisible();

  // Period 3 is overdue: its update comes in late.
  await page.getByRole("link", { name: "Post a progress update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Post a progress update" })).toBeVisible();
  await expectAccessible(page);
  const period = page.getByLabel("Reporting period", { exact: true });
  await period.selectOption({ label: (await period.locator("option", { hasText: "Period 3" }).textContent())! });
  await page.getByLabel("Amber", { exact: true }).check();
  await page.getByLabel("Percentage complete", { exact: true }).fill("35");
  await page.getByLabel("What happened", { exact: true }).fill("Two new peer supporters trained; evening cover back to four nights.");
  await page.getByLabel("Peer supporter sessions spent to date (£)", { exact: true }).fill("2,100");
  await page.getByLabel("Phone system and training spent to date (£)", { exact: true }).fill("900");
  await page.getByLabel("Calls answered by peers now", { exact: true }).fill("140");
  await page.getByRole("button", { name: "Submit update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer support phone line" })).toBeVisible();
  const updates = page.getByRole("region", { name: "Updates" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Updates" }) }));
  await expect(updates.first()).toContainText("Late");

  // Period 5 is not due yet: posted on time, not flagged.
  await page.getByRole("link", { name: "Post a progress update" }).click();
  await period.selectOption({ label: (await period.locator("option", { hasText: "Period 5" }).textContent())! });
  await page.getByLabel("Green", { exact: true }).check();
  await page.getByLabel("Percentage complete", { exact: true }).fill("55");
  await page.getByLabel("What happened", { exact: true }).fill("Calls up to 60 a month.");
  await page.getByRole("button", { name: "Submit update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer support phone line" })).toBeVisible();

  const stored = await query<{ sequence: number; late: boolean; status: string }>(
    `SELECT r.sequence, u.late, u.status FROM "ProgressUpdate" u JOIN "ReportingPeriod" r ON r.id = u."periodId"
     WHERE u."projectId" = $1 AND r.sequence IN (3, 5) ORDER BY r.sequence`,
    [project!.id],
  );
  expect(stored).toEqual([
    { sequence: 3, late: true, status: "SUBMITTED" },
    { sequence: 5, late: false, status: "SUBMITTED" },
  ]);

  // Payment 2 waits for period 3's update: the officer cannot pay it yet.
  await signInAs(OFFICER);
  const awardPath = `/p/${SLUG}/funding/${project!.fundId}/awards/${project!.awardId}`;
  await page.goto(awardPath);
  await page.getByLabel("Payment 2 paid on", { exact: true }).fill("2021-06-01");
  await page.getByLabel("Payment 2 reference", { exact: true }).fill("BACS-3001");
  await page.getByRole("button", { name: "Mark payment 2 paid" }).click();
  await expect(page.getByText("Payment 2 waits for the project's update for period 3 to be accepted.")).toBeVisible();

  // She accepts the period 3 update, which unlocks the payment.
  await page.goto(projectPath);
  await expectAccessible(page);
  const review = page.locator("form").filter({ has: page.getByRole("group", { name: "Review the period 3 update" }) });
  await review.getByLabel("Accept", { exact: true }).check();
  await review.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByRole("group", { name: "Review the period 3 update" })).toHaveCount(0);
  const [accepted] = await query<{ acceptedUpdateId: string | null }>(
    'SELECT "acceptedUpdateId" FROM "ReportingPeriod" WHERE "projectId" = $1 AND sequence = 3',
    [project!.id],
  );
  expect(accepted!.acceptedUpdateId).not.toBeNull();
  await page.goto(awardPath);
  await page.getByLabel("Payment 2 paid on", { exact: true }).fill("2021-06-01");
  await page.getByLabel("Payment 2 reference", { exact: true }).fill("BACS-3001");
  await page.getByRole("button", { name: "Mark payment 2 paid" }).click();
  await expect(page.getByText("Paid on 1 Jun 2021, reference BACS-3001")).toBeVisible();

  // The lead sees the payment made and the update accepted.
  await signInAs(KENNY);
  await page.goto(projectPath);
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Payments" }) })).toContainText("Paid on");
});

test("an officer sets an award up as a funded project from the award's page", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs(OFFICER);
  const [fund] = await query<{ id: string }>('SELECT id FROM "Fund" WHERE name LIKE $1', ["Winter test-and-learn fund %"]);
  await page.goto(`/p/${SLUG}/funding/${fund!.id}`);
  const project = `Hospital discharge befriending ${Date.now()}`;
  await page.getByLabel("Project", { exact: true }).fill(project);
  await page.getByLabel("Recipient organisation", { exact: true }).selectOption({ label: "Renfrewshire Carers Centre" });
  await page.getByLabel("Amount awarded (£)", { exact: true }).fill("3,000");
  await page.getByLabel("Payment 1 (£)", { exact: true }).fill("1,500");
  await page.getByLabel("Payment 1 due on", { exact: true }).fill("2021-02-01");
  await page.getByRole("button", { name: "Add a payment" }).click();
  await page.getByLabel("Payment 2 (£)", { exact: true }).fill("1,500");
  await page.getByLabel("Payment 2 due on", { exact: true }).fill("2021-08-01");
  await page.getByRole("button", { name: "Award grant" }).click();
  await expect(page.getByText("Grant awarded.")).toBeVisible();
  await page.getByRole("region", { name: "Awards from this fund" }).getByRole("link", { name: project }).click();

  await page.getByLabel("Start date", { exact: true }).fill("2021-02-01");
  await page.getByLabel("End date", { exact: true }).fill("2021-07-31");
  await page.getByLabel("Monthly", { exact: true }).check();
  await page.getByLabel("Project lead", { exact: true }).selectOption({ label: (await page.getByLabel("Project lead", { exact: true }).locator("option", { hasText: "Lorna Shaw" }).textContent())! });
  await page.getByText("Choose the team").click();
  await page.getByRole("group", { name: "Team members" }).getByLabel(/Euan Stewart/).check();
  // Each period is named with its dates and when its update is due, so nobody has to work them out.
  await expect(page.getByLabel("Payment 2 waits for", { exact: true }).locator("option[value='3']")).toHaveText(
    /^Period 3 update: \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}, due \d{1,2} \w{3} \d{4}$/,
  );
  await page.getByLabel("Payment 2 waits for", { exact: true }).selectOption("3");
  await page.getByRole("button", { name: "Set up the project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("Waits for the period 3 update to be accepted")).toBeVisible();

  const [stored] = await query<{ periods: string; lead: string; members: string }>(
    `SELECT (SELECT count(*) FROM "ReportingPeriod" r WHERE r."projectId" = p.id)::text AS periods,
            (SELECT u.email FROM "ProjectTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."projectId" = p.id AND t.role = 'LEAD') AS lead,
            (SELECT string_agg(u.email, ',') FROM "ProjectTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."projectId" = p.id AND t.role = 'MEMBER') AS members
     FROM "FundedProject" p WHERE p.name = $1`,
    [project],
  );
  expect(stored).toEqual({
    periods: "6",
    lead: "lorna.shaw@renfrewshire-carers.example",
    members: "euan.stewart@renfrewshire-council.example",
  });
});

test("project pages fit a 320 px wide screen", async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const [project] = await query<{ id: string }>('SELECT id FROM "FundedProject" WHERE name = $1', ["Ferguslie community meals"]);
  for (const [email, paths] of [
    ["aisha.rahman@ferguslie-larder.example", [`/p/${SLUG}/projects/${project!.id}`, `/p/${SLUG}/projects/${project!.id}/updates/new`, `/p/${SLUG}/projects`]],
    [OFFICER, [`/p/${SLUG}/projects`, `/p/${SLUG}/dashboard`, `/p/${SLUG}/my-work`]],
  ] as const) {
    await signInAs(email);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  }
});

test("the lead evaluates a finished test, the partnership decides to scale it up, and the dashboard and public page show it", async ({
  page,
  signInAs,
  browser,
}) => {
  test.setTimeout(240_000);
  const LORNA = "lorna.shaw@renfrewshire-carers.example";
  const [project] = await query<{ id: string }>('SELECT id FROM "FundedProject" WHERE name = $1', ["Flexible short breaks for carers"]);
  const projectPath = `/p/${SLUG}/projects/${project!.id}`;

  await signInAs(LORNA);
  await page.goto(projectPath);
  await page.getByLabel("Carers taking a short break at the end", { exact: true }).fill("86");
  await page.getByLabel("Carers who feel able to continue caring at the end", { exact: true }).fill("72");
  await page.getByLabel("What the test cost (£)", { exact: true }).fill("11,400");
  await page.getByLabel("What worked", { exact: true }).fill("Carers chose their own breaks; social work referred at assessment.");
  await page.getByLabel("What did not work", { exact: true }).fill("Weekend breaks were hard to find in Renfrew.");
  await page.getByRole("group", { name: "Your recommendation" }).getByLabel("Scale up", { exact: true }).check();
  await page.getByRole("button", { name: "Submit the evaluation" }).click();
  await expect(page.getByRole("button", { name: "Submit the evaluation" })).toHaveCount(0);
  await expectAccessible(page);

  await signInAs(OFFICER);
  await page.goto(projectPath);
  await page.getByRole("group", { name: "The partnership's decision" }).getByLabel("Scale up", { exact: true }).check();
  await page.getByLabel("Reasons", { exact: true }).fill("86 carers took a break and 72% feel able to carry on: above target.");
  await page.getByLabel("Next step for recurring funding (optional)", { exact: true }).fill("Put to the IJB for recurring funding in 2022/23.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Decision: Scale up")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/p/${SLUG}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio dashboard" })).toBeVisible();
  const decisions = page.locator("section", { has: page.getByRole("heading", { name: "Decisions so far" }) });
  await expect(decisions).toContainText("Scale up");
  await expectAccessible(page);

  // The partnership publishes its portfolio; anyone can read it, with no personal data.
  await page.goto(`/p/${SLUG}/admin`);
  await page.getByRole("button", { name: "Publish the partnership's portfolio" }).click();
  await expect(page.getByRole("button", { name: "Stop publishing" })).toBeVisible();
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/public/${SLUG}`);
  const row = publicPage.getByRole("row").filter({ hasText: "Flexible short breaks for carers" }).first();
  await expect(row).toContainText("Scale up");
  await expect(publicPage.getByText("Lorna Shaw")).toHaveCount(0);
  await expectAccessible(publicPage);
  await publicPage.setViewportSize({ width: 320, height: 800 });
  expect(await publicPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const csv = await (await publicPage.request.get(`/public/${SLUG}/portfolio.csv`)).text();
  expect(csv).toContain("Flexible short breaks for carers");
  expect(csv).not.toContain("lorna.shaw");
  await visitor.close();

  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/my-work`);
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expectAccessible(page);
});
