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
  // Wait for the outcome, not just for the button to change: it says "Approving…" while the request is sent.
  await expect(page.getByText("Lorna Shaw is now a member of the sub-group.")).toBeVisible();
  await expect(request.getByRole("button", { name: /^Approv/ })).toHaveCount(0);

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

test("a sub-group's pages are headed by its name, with the tab as the subheading", async ({ page, signInAs }) => {
  await signInAs(PRIYA); // a lead of the Mental health sub-group: she sees its join requests too
  await page.goto("/p/renfrewshire-spg/priorities");
  await page.getByRole("link", { name: "Mental health sub-group" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mental health sub-group");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: "Members" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Sub-group sections" }).getByRole("link", { name: /Join requests/ }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mental health sub-group");
  await expect(page.getByRole("heading", { level: 2, name: "Join requests" })).toBeVisible();
  await expectAccessible(page);
});

test("at 1280 px the sub-group member table keeps each row's buttons on one line", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs("fiona.macleod@renfrewshire-hscp.example"); // an officer manages every sub-group's members
  await page.goto("/p/renfrewshire-spg/priorities");
  await page.getByRole("link", { name: "Carers sub-group" }).first().click();
  const members = page.getByRole("region", { name: "Members of Carers sub-group, leads first" });
  await expect(members).toBeVisible();
  const rows = members.getByRole("row").filter({ has: page.getByRole("button", { name: /^Remove / }) });
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const remove = rows.nth(index).getByRole("button", { name: /^Remove / });
    const role = rows.nth(index).getByRole("button", { name: /^(Make co-lead|Make member)/ });
    const [a, b] = [await role.boundingBox(), await remove.boundingBox()];
    expect(Math.abs(a!.y - b!.y), "the role button and Remove side by side").toBeLessThan(4);
    expect(a!.height, "the role button's words on one line").toBeLessThan(50);
  }
  // The whole table shows without scrolling sideways at this width.
  const fits = await members.evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(fits).toBe(true);
});

test("archiving a priority area asks first, and only 'Yes, archive it' archives it", async ({ page, signInAs }) => {
  const title = `Digital inclusion ${Date.now()}`;
  await signInAs("fiona.macleod@renfrewshire-hscp.example");
  await page.goto("/p/renfrewshire-spg/priorities");
  const adding = page.locator("details").filter({ has: page.getByText("Add a priority area", { exact: true }) });
  await adding.getByText("Add a priority area", { exact: true }).click();
  await adding.getByLabel("Title", { exact: true }).fill(title);
  await adding.getByLabel("Description", { exact: true }).fill("Helping people get online to reach services.");
  await adding.getByLabel("Outcomes sought", { exact: true }).fill("More people able to book appointments online.");
  await adding.getByRole("button", { name: "Add priority area" }).click();
  const area = page.getByRole("region", { name: title });
  await expect(area).toBeVisible();

  const archive = area.getByRole("button", { name: `Archive ${title}` });
  await archive.click();
  await expect(area.getByText(`Archive ${title}?`)).toBeFocused();
  await expect(area.getByText(/Nothing is deleted: you can restore it later/)).toBeVisible();
  await expectAccessible(page);
  await area.getByRole("button", { name: "Cancel" }).click();
  await expect(archive).toBeFocused();
  await expect(area).toBeVisible();

  await archive.click();
  await area.getByRole("button", { name: "Yes, archive it" }).click();
  await expect(page.getByText(`${title} has been archived.`)).toBeVisible();
  await expect(page.getByRole("region", { name: title })).toHaveCount(0);
  const archived = page.getByRole("region", { name: "Archived priority areas" });
  await expect(archived.getByRole("button", { name: `Restore ${title}` })).toBeVisible();
  await expect(archived.getByText(/^Archived on \d{1,2} [A-Z][a-z]+ \d{4}/).first()).toBeVisible();
});
