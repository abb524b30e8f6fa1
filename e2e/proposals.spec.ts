import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, sessionCookie, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const LORNA = "lorna.shaw@renfrewshire-carers.example"; // voluntary sector, Carers sub-group lead
const EUAN = "euan.stewart@renfrewshire-council.example"; // public sector
const SANDRA = "sandra.kerr@engage-renfrewshire.example";
const PRIYA = "priya.nair@nhs-ggc.example";
const GORDON = "gordon.fraser@clyde-pharmacy.example"; // works for a partner organisation

const CRITERIA = [
  "Cross-sector partnership",
  "Clear test and measures of success",
  "Reach into communities with greatest need",
  "Route to sustainability or scale",
];

/** Waits until the section's autosave has reached the server. */
async function expectSaved(page: Page, section: string) {
  await expect(page.locator(`#edit-${section}`).getByRole("status")).toContainText("Saved at", { timeout: 15_000 });
}

async function userId(email: string): Promise<string> {
  const [row] = await query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
  return row!.id;
}

async function score(page: Page, values: number[]) {
  for (const [index, criterion] of CRITERIA.entries()) {
    await page.getByRole("group", { name: new RegExp(criterion) }).getByLabel(String(values[index]), { exact: true }).check();
  }
}

test("two sectors co-write a proposal, a panel scores it with a detected conflict, and the officer approves a smaller award", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const roundTitle = `Carers test round ${stamp}`;
  const title = `Pharmacy and carers centre check-ins ${stamp}`;

  // An open round in the demo's test-and-learn fund, asking for the sections this test fills.
  const [fund] = await query<{ id: string }>('SELECT id FROM "Fund" WHERE name LIKE $1', ["Winter test-and-learn fund %"]);
  const roundId = `e2e_round_${stamp}`;
  await query(
    `INSERT INTO "FundingRound" (id, "fundId", title, guidance, eligibility, criteria, "opensAt", "closesAt", "minAwardPence", "maxAwardPence", status, "requiredSections", "updatedAt")
     VALUES ($1, $2, $3, 'Tests for carers.', 'Cross-sector proposals.', $4::jsonb, now() - interval '1 day', now() + interval '30 days', 100000, 1000000, 'OPEN',
             ARRAY['title','summary','need','hypothesis','measures','partners','budget','duration'], now())`,
    [roundId, fund!.id, roundTitle, JSON.stringify(CRITERIA.map((name, index) => ({ name, weight: index < 2 ? 30 : 20 })))],
  );
  const [carers] = await query<{ id: string }>('SELECT id FROM "SubGroup" WHERE name = $1', ["Carers sub-group"]);

  // Lorna (voluntary sector) starts the proposal in her sub-group.
  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/groups/${carers!.id}/proposals`);
  await expect(page.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Working title", { exact: true }).fill(title);
  await page.getByLabel("Funding round", { exact: true }).selectOption(roundId);
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Summary" }).fill("Community pharmacies spot unpaid carers and refer them to the carers centre.");
  await expectSaved(page, "summary");
  await page
    .getByRole("textbox", { name: /What we are testing/ })
    .fill("If pharmacists ask about caring when collecting prescriptions, more hidden carers will get support. We will know it worked if referrals rise.");
  await expectSaved(page, "hypothesis");

  await page.getByRole("button", { name: "Add a measure" }).click();
  const measure = page.getByRole("group", { name: "Measure 1" });
  await measure.getByLabel("What you will measure", { exact: true }).fill("Carers referred from pharmacies");
  await measure.getByLabel("Unit", { exact: true }).fill("carers");
  await measure.getByLabel("Baseline (now)", { exact: true }).fill("4");
  await measure.getByLabel("Target", { exact: true }).fill("60");
  await expectSaved(page, "measures");

  await page.getByLabel("Lead organisation", { exact: true }).selectOption({ label: "Renfrewshire Carers Centre" });
  const partners = page.getByRole("group", { name: "Partner organisations" });
  for (const name of ["Renfrewshire Council", "Clyde Valley Community Pharmacies Ltd"]) {
    await partners.getByLabel(name, { exact: true }).check();
  }
  await expectSaved(page, "partners");

  await page.getByRole("button", { name: "Add a budget line" }).click();
  const line1 = page.getByRole("group", { name: "Budget line 1" });
  await line1.getByLabel("Item", { exact: true }).fill("Pharmacy staff time");
  await line1.getByLabel("Amount (£)", { exact: true }).fill("4,000");
  await line1.getByLabel("Spent by", { exact: true }).selectOption({ label: "Clyde Valley Community Pharmacies Ltd" });
  await page.getByRole("button", { name: "Add a budget line" }).click();
  const line2 = page.getByRole("group", { name: "Budget line 2" });
  await line2.getByLabel("Item", { exact: true }).fill("Carer support worker");
  await line2.getByLabel("Amount (£)", { exact: true }).fill("2,500.50");
  await line2.getByLabel("Spent by", { exact: true }).selectOption({ label: "Renfrewshire Carers Centre" });
  await expect(page.getByText("Total requested: £6,500.50")).toBeVisible();
  await expectSaved(page, "budget");

  await page.locator("#edit-duration").getByLabel("Months", { exact: true }).fill("6");
  await expectSaved(page, "duration");

  // Not yet complete: "The need" is missing, and submission says so.
  await page.getByRole("link", { name: "Check and submit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Asks for £6,500.50")).toBeVisible();
  await page.getByRole("button", { name: "Submit the proposal" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not ready to submit" })).toContainText("The need: Write");
  await expectAccessible(page);

  // She invites Euan (public sector, another organisation) as co-author.
  await page.getByLabel("Co-author", { exact: true }).selectOption(await userId(EUAN));
  await page.getByRole("button", { name: "Add co-author" }).click();
  await expect(page.getByText("Co-author added")).toBeVisible();
  const proposalUrl = page.url();

  // Euan writes the need, and comments on the budget.
  await signInAs(EUAN);
  await page.goto(`${proposalUrl}/edit`);
  await page
    .getByRole("textbox", { name: "The need" })
    .fill("Most carers who come to the council first cared for years unsupported; pharmacies see them every month.");
  await expectSaved(page, "need");
  await page.goto(proposalUrl);
  await page.locator("#section-budget summary").click();
  await page.getByLabel("Comment on Budget", { exact: true }).fill("Could pharmacy time be matched by the council?");
  await page.getByRole("button", { name: "Add comment on Budget" }).click();
  await expect(page.locator("#section-budget").getByText("Could pharmacy time be matched by the council?")).toBeVisible();

  // Every save is a revision; the reader sees what Euan changed.
  await page.getByRole("link", { name: "All revisions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Revisions of ${title}` })).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "pharmacies see them every month" })).toBeVisible();
  await expectAccessible(page);

  // Lorna submits.
  await signInAs(LORNA);
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "Submit the proposal" }).click();
  // Once the page re-renders, the submit button gives way to a lasting confirmation.
  await expect(page.getByText(/^Submitted on .+ The authors and the partnership’s officers have been told/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit the proposal" })).toHaveCount(0);
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();

  // Fiona appoints a panel of three, closes the round and starts assessment.
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/funding/rounds/${roundId}/assessment`);
  await expectAccessible(page);
  for (const [name, email] of [
    ["Sandra Kerr", SANDRA],
    ["Priya Nair", PRIYA],
    ["Gordon Fraser", GORDON],
  ] as const) {
    await page.getByLabel("Assessor", { exact: true }).selectOption(await userId(email));
    await page.getByRole("button", { name: "Appoint to the panel" }).click();
    await expect(page.getByRole("button", { name: `Remove ${name} from the panel` })).toBeVisible();
  }
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Close the round first" })).toBeVisible();
  await page.goto(`/p/${SLUG}/funding/${fund!.id}`);
  await page.getByRole("listitem").filter({ hasText: roundTitle }).getByRole("button", { name: "Close the round now" }).click();
  await page.getByRole("listitem").filter({ hasText: roundTitle }).getByRole("button", { name: "Yes, close the round" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: roundTitle })).toContainText("Closed");
  await page.getByRole("link", { name: `Panel, scores and decisions for ${roundTitle}` }).click();
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByText(/Assessment started for 1 proposal/)).toBeVisible();
  // Gordon works for a partner organisation: the register records it before he opens anything.
  const register = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Kind" }) });
  await expect(register.getByRole("row").filter({ hasText: "Gordon Fraser" })).toContainText("Clyde Valley Community Pharmacies Ltd");

  // Sandra and Priya score; neither sees the other's scores before submitting their own.
  const proposalId = proposalUrl.split("/").pop()!;
  await signInAs(SANDRA);
  await page.goto(`/p/${SLUG}/assess`);
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Other assessors' scores")).toHaveCount(0);
  await score(page, [4, 4, 3, 3]);
  await page.getByRole("button", { name: "Submit scores" }).click();
  // 4/5 × 30 + 4/5 × 30 + 3/5 × 20 + 3/5 × 20 = 72%
  await expect(page.getByRole("region", { name: "Your scores" })).toContainText("Weighted score: 72%");
  await expectAccessible(page);

  await signInAs(PRIYA);
  await page.goto(`/p/${SLUG}/assess/${proposalId}`);
  await expect(page.getByText("Other assessors' scores")).toHaveCount(0);
  await score(page, [5, 4, 4, 3]);
  await page.getByLabel("Overall comment", { exact: true }).fill("A clear, cheap test with a good measure.");
  await page.getByRole("button", { name: "Submit scores" }).click();
  await expect(page.getByRole("region", { name: "Your scores" })).toContainText("Weighted score: 82%");
  await expect(page.getByRole("region", { name: "Other assessors' scores" })).toContainText("72%");

  // Gordon is blocked by the detected conflict: no score sheet, and the API refuses too.
  await signInAs(GORDON);
  await page.goto(`/p/${SLUG}/assess/${proposalId}`);
  await expect(page.getByRole("heading", { name: "You have a conflict of interest" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit scores" })).toHaveCount(0);
  await expectAccessible(page);

  // Fiona sees the ranking and approves £5,000 of the £6,500.50 asked for.
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/funding/rounds/${roundId}/assessment`);
  // Completion: two submitted, the third seat recused; the ranking counts only the two.
  await expect(page.getByRole("row").filter({ hasText: title }).first()).toContainText(/Submitted\s*72%\s*Submitted\s*82%\s*Conflict/);
  await expect(page.getByRole("row").filter({ hasText: title }).filter({ hasText: "2 of 2" })).toContainText("77%");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Decide on ${title}` }).click();
  await expectAccessible(page);
  await page.getByLabel("Approve", { exact: true }).check();
  await page.getByLabel("Award amount (£)", { exact: true }).fill("5,000");
  await page.getByLabel("Conditions", { exact: true }).fill("Report referrals monthly.");
  await page.getByLabel("Reasons (shared with the authors)", { exact: true }).fill("Strong partnership; the carer support worker line is funded in part.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Assessment/ })).toBeVisible();

  const [award] = await query<{ awardedPence: number; status: string }>(
    'SELECT a."awardedPence", p.status FROM "Award" a JOIN "Proposal" p ON p.id = a."proposalId" WHERE p.id = $1',
    [proposalId],
  );
  expect(award).toEqual({ awardedPence: 500_000, status: "APPROVED" });

  // Both authors see the decision and the award.
  for (const author of [LORNA, EUAN]) {
    await signInAs(author);
    await page.goto(proposalUrl);
    await expect(page.getByRole("heading", { level: 2, name: "Approved" })).toBeVisible();
    await expect(page.getByText("Award: £5,000.00 (asked for £6,500.50)")).toBeVisible();
    await expect(page.getByText("Strong partnership; the carer support worker line is funded in part.")).toBeVisible();
  }
  await page.goto("/notifications");
  await expect(page.getByText(title).first()).toBeVisible();
  await expectAccessible(page);
});

test("two co-authors editing one section at once: the second is shown the first's change and chooses; typing offline is saved once back online", async ({
  browser,
  page,
  signInAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [draft] = await query<{ id: string }>('SELECT id FROM "Proposal" WHERE title = $1', ["Digital check-ins for carers"]);
  const editPath = `/p/${SLUG}/proposals/${draft!.id}/edit`;

  await signInAs(LORNA);
  await page.goto(editPath);
  const euanContext = await browser.newContext();
  await euanContext.addCookies([await sessionCookie(EUAN, baseURL!)]);
  const euan = await euanContext.newPage();
  await euan.goto(editPath);
  await expect(euan.getByRole("textbox", { name: "Risks" })).toHaveValue("");

  await page.getByRole("textbox", { name: "Risks" }).fill("Some carers have no broadband at home.");
  await expectSaved(page, "risks");

  // Euan's page still holds the older version: his save is refused, nothing is overwritten.
  await euan.getByRole("textbox", { name: "Risks" }).fill("Some carers will prefer a phone call to video.");
  const conflict = euan.locator("#edit-risks").getByRole("alert");
  await expect(conflict.getByRole("heading", { name: "Lorna Shaw saved Risks while you were editing it" })).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText("Some carers have no broadband at home.");
  await expect(conflict).toContainText("Some carers will prefer a phone call to video.");
  await expectAccessible(euan);
  await conflict.getByRole("button", { name: "Keep my version" }).click();
  await expectSaved(euan, "risks");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Risks" })).toHaveValue("Some carers will prefer a phone call to video.");

  // The connection drops while Euan types: the text is kept, and saved when it comes back.
  await euanContext.setOffline(true);
  await euan.getByRole("textbox", { name: "Sustainability and scale-up plan" }).fill("The council would fund data plans if check-ins cut crisis calls.");
  await expect(euan.locator("#edit-sustainability").getByRole("status")).toContainText("the connection dropped", { timeout: 15_000 });
  await euanContext.setOffline(false);
  await expectSaved(euan, "sustainability");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Sustainability and scale-up plan" })).toHaveValue(
    "The council would fund data plans if check-ins cut crisis calls.",
  );
  await euanContext.close();
});

test("proposal and assessment pages fit a 320 px wide screen", async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const [carers] = await query<{ id: string }>('SELECT id FROM "SubGroup" WHERE name = $1', ["Carers sub-group"]);
  const [draft] = await query<{ id: string }>('SELECT id FROM "Proposal" WHERE title = $1', ["Digital check-ins for carers"]);
  const [scored] = await query<{ id: string; roundId: string }>('SELECT id, "roundId" FROM "Proposal" WHERE title = $1', [
    "Men's walk and talk group",
  ]);
  const fits = async (path: string) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  };

  await signInAs(LORNA);
  for (const path of [
    `/p/${SLUG}/groups/${carers!.id}/proposals`,
    `/p/${SLUG}/proposals`,
    `/p/${SLUG}/proposals/${draft!.id}`,
    `/p/${SLUG}/proposals/${draft!.id}/edit`,
    `/p/${SLUG}/proposals/${draft!.id}/revisions`,
  ]) {
    await fits(path);
  }
  await signInAs(SANDRA);
  await fits(`/p/${SLUG}/assess`);
  await fits(`/p/${SLUG}/assess/${scored!.id}`);
  await signInAs(OFFICER);
  await fits(`/p/${SLUG}/funding/rounds/${scored!.roundId}/assessment`);
  await fits(`/p/${SLUG}/funding/rounds/${scored!.roundId}/assessment/${scored!.id}/decide`);
});
