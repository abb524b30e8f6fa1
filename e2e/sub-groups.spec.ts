import { expect, expectAccessible, test } from "./fixtures";

const LORNA = "lorna.shaw@renfrewshire-carers.example"; // voluntary sector: Renfrewshire Carers Centre
const PRIYA = "priya.nair@nhs-ggc.example"; // public sector: NHS Greater Glasgow and Clyde, lead of the Mental health sub-group

test("a voluntary-sector member joins a sub-group with a public-sector lead's approval, posts, and is found in the directory", async ({
  page,
  context,
  signInAs,
}) => {
  test.setTimeout(180_000);
  // Lorna asks to join the Mental health sub-group.
  await signInAs(LORNA);
  await page.goto("/p/renfrewshire-spg/priorities");
  await expect(page.getByRole("heading", { level: 1, name: /Priorities/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mental health sub-group" }).first().click();
  await expect(page.getByRole("heading", { name: "Mental health sub-group" }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /sector/i }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Request to join Mental health sub-group" }).click();
  await page.getByLabel("Message to the leads (optional)").fill("The Carers Centre supports many carers with their own mental health.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("button", { name: /Withdraw/ })).toBeVisible();
  const groupUrl = new URL(page.url()).pathname;

  // Priya, a public-sector lead, approves it from her notification.
  await context.clearCookies();
  await signInAs(PRIYA);
  await page.goto("/");
  await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Lorna Shaw.*Mental health sub-group/ }).first().click();
  await expect(page).toHaveURL(/\/requests$/);
  await expectAccessible(page);
  const request = page.getByRole("listitem").filter({ hasText: "Lorna Shaw" });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(/Lorna Shaw/).first()).toBeVisible();
  await expect(request.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // Lorna, now a member, starts a conversation.
  await context.clearCookies();
  await signInAs(LORNA);
  await page.goto(`${groupUrl}/discussions`);
  await expect(page.getByRole("heading", { level: 1, name: "Conversations" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Carers' own wellbeing");
  await page.getByLabel("Message", { exact: true }).fill("Could the wellbeing cafés have a session for carers?");
  await page.getByRole("button", { name: "Start the conversation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carers' own wellbeing" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Opening message by Lorna Shaw/ })).toContainText("session for carers");
  await expectAccessible(page);

  // The directory finds her by sector and interest.
  await page.goto("/p/renfrewshire-spg/directory");
  await page.getByLabel("Sector", { exact: true }).selectOption({ label: "Voluntary / third sector" });
  await page.getByLabel("Interest", { exact: true }).fill("carers");
  await page.getByRole("button", { name: "Search people" }).click();
  await expect(page.getByRole("link", { name: "Lorna Shaw" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Priya Nair" })).toHaveCount(0);
  await expectAccessible(page);

  // The partnership map shows real content and its gaps.
  await page.goto("/p/renfrewshire-spg/map");
  await expect(page.getByText(/The Loneliness and social isolation priority has no public-sector member at all/)).toBeVisible();
  await expectAccessible(page);
});
