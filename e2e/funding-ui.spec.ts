import { expect, expectAccessible, test } from "./fixtures";

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
});
