import { expect, expectAccessible, query, test } from "./fixtures";

const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

test("closing a round early asks first, says who is told, and then shows when it really closed", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto("/p/renfrewshire-spg/funding");
  const name = `Early close fund ${Date.now()}`;
  await page.getByLabel("Fund name", { exact: true }).fill(name);
  await page.getByLabel("Where the money comes from", { exact: true }).fill("Renfrewshire Council");
  await page.getByLabel("Financial year", { exact: true }).fill("2026/27");
  await page.getByLabel("Total (£)", { exact: true }).fill("20,000");
  await page.getByRole("button", { name: "Create fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill("Spring round");
  await page.getByLabel("Guidance for applicants", { exact: true }).fill("Small tests of change.");
  await page.getByLabel("Who can apply", { exact: true }).fill("Sub-groups with voluntary and public partners.");
  await page.getByLabel("Assessment criteria", { exact: true }).fill("Partnership, 50\nImpact, 50");
  await page.getByLabel("Opens on", { exact: true }).fill("2021-01-04");
  await page.getByLabel("Closes on", { exact: true }).fill("2099-12-31");
  await page.getByLabel("Smallest award (£)", { exact: true }).fill("1,000");
  await page.getByLabel("Largest award (£)", { exact: true }).fill("10,000");
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.getByText("Round created as a draft")).toBeVisible();
  await page.getByRole("button", { name: "Open the round" }).click();
  const round = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Spring round" }) });
  await expect(round.getByText(/^Open since /)).toBeVisible();

  // The first press only asks, and says what will happen.
  await round.getByRole("button", { name: "Close the round now" }).click();
  const question = round.getByRole("group", { name: "Close “Spring round” now?" });
  await expect(question).toBeVisible();
  await expect(question).toContainText("instead of on 31 December 2099");
  await expect(question).toContainText("Proposals still in draft can no longer be submitted");
  await expect(question).toContainText("The authors of each of those drafts are told");
  await expectAccessible(page);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(round.getByText(/^Open since /)).toBeVisible();

  await round.getByRole("button", { name: "Close the round now" }).click();
  await round.getByRole("button", { name: "Yes, close the round" }).click();
  await expect(round.getByText(/closed \d{1,2} \w+ \d{4} at/)).toBeVisible();
  await expect(round.getByText("2099")).toHaveCount(0);

  // The assessment page says the same, and offers the next step with the same care.
  await round.getByRole("link", { name: /Panel, scores and decisions/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assessment: Spring round" })).toBeVisible();
  const facts = page.getByRole("region", { name: "The round" });
  await expect(facts.getByRole("term").filter({ hasText: /^Closed$/ })).toBeVisible();
  await expect(facts).not.toContainText("2099");
  await facts.getByRole("button", { name: "Mark decisions final" }).click();
  await expect(facts.getByRole("group", { name: "Mark the decisions on “Spring round” final?" })).toBeVisible();
  await expectAccessible(page);
});

test("the fund page counts grants properly and shows the ledger with the CSV's columns", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto("/p/renfrewshire-spg/funding");
  await page.getByRole("link", { name: /^Non-recurring partnership fund \d{4}\/\d{2}$/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ledger" })).toBeVisible();
  await expect(page.getByText(/awarded in 1 grants/)).toHaveCount(0);
  const headers = await page.getByRole("table", { name: "Ledger of this fund" }).getByRole("columnheader").allTextContents();
  const csvPath = await page.getByRole("link", { name: "Download ledger (CSV)" }).getAttribute("href");
  const csv = await (await page.request.get(csvPath!)).text();
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(headers.join(","));
  await expectAccessible(page);

  // A long ledger shows its latest ten movements until asked for them all.
  const ledger = page.getByRole("table", { name: "Ledger of this fund" });
  const movements = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").length - 1;
  expect(movements).toBeGreaterThan(10);
  await expect(ledger.locator("tbody tr")).toHaveCount(10);
  await page.getByRole("link", { name: `Show all ${movements} movements` }).click();
  await expect(ledger.locator("tbody tr")).toHaveCount(movements);
});

/** A new fund through its form, leaving the officer on the fund's page. */
async function createFund(page: import("@playwright/test").Page, name: string) {
  await page.goto("/p/renfrewshire-spg/funding");
  await page.getByLabel("Fund name", { exact: true }).fill(name);
  await page.getByLabel("Where the money comes from", { exact: true }).fill("Renfrewshire Council");
  await page.getByLabel("Financial year", { exact: true }).fill("2026/27");
  await page.getByLabel("Total (£)", { exact: true }).fill("20,000");
  await page.getByRole("button", { name: "Create fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a fund form with mistakes says what to fix at the top, and each link goes to its field", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto("/p/renfrewshire-spg/funding");
  await page.getByLabel("Financial year", { exact: true }).fill("2026");
  await page.getByRole("button", { name: "Create fund" }).click();
  const problem = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(problem).toBeFocused();
  await expect(problem.getByRole("link")).toHaveCount(4);
  await problem.getByRole("link", { name: "Enter the financial year like 2020/21" }).click();
  await expect(page.getByLabel("Financial year", { exact: true })).toBeFocused();
  await expectAccessible(page);
});

test("an officer chooses the partner sectors a round requires, and the fund page states the rule", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await createFund(page, `Partner rule fund ${Date.now()}`);
  const form = page.getByRole("region", { name: "Create a funding round" });
  await form.getByLabel("Title", { exact: true }).fill("Cross-sector round");
  await form.getByLabel("Guidance for applicants", { exact: true }).fill("Small tests of change.");
  await form.getByLabel("Who can apply", { exact: true }).fill("Voluntary and public partners together.");
  await form.getByLabel("Assessment criteria", { exact: true }).fill("Partnership, 100");
  await form.getByLabel("Opens on", { exact: true }).fill("2021-01-04");
  await form.getByLabel("Closes on", { exact: true }).fill("2099-12-31");
  await form.getByLabel("Smallest award (£)", { exact: true }).fill("1,000");
  await form.getByLabel("Largest award (£)", { exact: true }).fill("10,000");
  const partners = form.getByRole("group", { name: "Partners a proposal must have" });
  await partners.getByLabel("Voluntary / third sector", { exact: true }).check();
  await partners.getByLabel("Public / statutory", { exact: true }).check();
  await expectAccessible(page);
  await form.getByRole("button", { name: "Create round" }).click();
  await expect(form.getByText("Round created as a draft")).toBeFocused();
  const round = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Cross-sector round" }) });
  await expect(round).toContainText("Needs a voluntary-sector and a public-sector partner.");
  // The day typed is a UK day: it closes at the end of it, not at midnight UTC.
  await expect(round).toContainText("closes 31 December 2099 at 11:59pm");
  const [stored] = await query<{ requiredPartnerSectors: string }>(
    'SELECT "requiredPartnerSectors"::text FROM "FundingRound" WHERE title = $1 ORDER BY "createdAt" DESC LIMIT 1',
    ["Cross-sector round"],
  );
  expect(stored!.requiredPartnerSectors).toBe("{VOLUNTARY,PUBLIC}");
});

test("withdrawing an award asks first and says what will happen; the audit log then reads in words", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  const name = `Withdrawal fund ${Date.now()}`;
  await createFund(page, name);
  await page.getByLabel("Project", { exact: true }).fill("Befriending pilot");
  await page.getByLabel("Recipient organisation", { exact: true }).selectOption({ label: "Renfrewshire Carers Centre" });
  await page.getByLabel("Amount awarded (£)", { exact: true }).fill("2,000");
  await page.getByLabel("Payment 1 (£)", { exact: true }).fill("2,000");
  await page.getByLabel("Payment 1 due on", { exact: true }).fill("2027-02-01");
  await page.getByRole("button", { name: "Award grant" }).click();
  await expect(page.getByText("Grant awarded.")).toBeVisible();
  await page.getByRole("region", { name: "Awards" }).getByRole("link", { name: "Befriending pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Befriending pilot" })).toBeVisible();

  const withdraw = page.locator("form").filter({ has: page.getByRole("heading", { name: "Withdraw the award" }) });
  await withdraw.getByLabel("Reason", { exact: true }).fill("The project could not start");
  await withdraw.getByRole("button", { name: "Withdraw award" }).click();
  const question = withdraw.getByRole("group", { name: "Withdraw this award?" });
  await expect(question).toContainText("The whole award goes back to the fund.");
  await expect(question).toContainText("You cannot undo this.");
  await expectAccessible(page);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(withdraw.getByRole("button", { name: "Withdraw award" })).toBeFocused();
  const [before] = await query<{ status: string }>('SELECT status FROM "Award" WHERE "projectName" = $1 AND "fundId" = (SELECT id FROM "Fund" WHERE name = $2)', ["Befriending pilot", name]);
  expect(before!.status).toBe("ACTIVE");

  await withdraw.getByRole("button", { name: "Withdraw award" }).click();
  await withdraw.getByRole("button", { name: "Yes, withdraw the award" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Befriending pilot" })).toBeVisible();
  await expect(page.getByText(/· Withdrawn ·/)).toBeVisible();

  await page.goto("/p/renfrewshire-spg/funding/audit");
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Withdrawals" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=award\.withdraw/);
  const entries = page.getByRole("table", { name: "Audit log entries, newest first" });
  const row = entries.getByRole("row").filter({ hasText: "The project could not start" });
  await expect(row.getByRole("rowheader")).toHaveText("Award withdrawn");
  await expect(row.getByRole("cell").first()).toHaveText(/^\d{1,2} \w{3} \d{4} at \d{1,2}(:\d{2})?(am|pm)$|midday|midnight/);
  // No action code anywhere on the page.
  await expect(entries.getByText(/^[a-z]+\.[a-z_]+$/)).toHaveCount(0);
  await expectAccessible(page);
});
