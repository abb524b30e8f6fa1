import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const LORNA = "lorna.shaw@renfrewshire-carers.example"; // voluntary sector, Carers sub-group lead
const SANDRA = "sandra.kerr@engage-renfrewshire.example";
const CLAIRE = "claire.devlin@nhs-ggc.example"; // a lead of the Recovery sub-group

async function subGroupId(name: string): Promise<string> {
  const [row] = await query<{ id: string }>('SELECT id FROM "SubGroup" WHERE name = $1', [name]);
  return row!.id;
}

/** What has focus now: its test id, id, name attribute and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      testId: element?.dataset.testid ?? null,
      id: element?.id ?? "",
      name: element?.getAttribute("name") ?? null,
      tag: element?.tagName.toLowerCase() ?? null,
      text: (element?.textContent ?? "").trim().slice(0, 200),
    };
  });

test("a refused submit lists each missing thing once, including the round's partner-sector rule", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const roundId = `e2e_sector_round_${stamp}`;
  const title = `Sector rule check ${stamp}`;
  const [fund] = await query<{ id: string }>('SELECT id FROM "Fund" WHERE name LIKE $1', ["Winter test-and-learn fund %"]);
  await query(
    `INSERT INTO "FundingRound" (id, "fundId", title, guidance, eligibility, criteria, "opensAt", "closesAt", "minAwardPence", "maxAwardPence", status, "requiredPartnerSectors", "updatedAt")
     VALUES ($1, $2, $3, 'Tests.', 'A voluntary-sector and a private-sector partner.', '[{"name":"Fit","weight":100}]'::jsonb,
             now() - interval '1 day', now() + interval '30 days', 100000, 1000000, 'OPEN', ARRAY['VOLUNTARY','PRIVATE']::"Sector"[], now())`,
    [roundId, fund!.id, `Sector rule round ${stamp}`],
  );
  const carers = await subGroupId("Carers sub-group");

  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/groups/${carers}/proposals`);
  await page.getByLabel("Working title", { exact: true }).fill(title);
  await page.getByLabel("Funding round", { exact: true }).selectOption(roundId);
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();
  await page.goto(new URL(page.url()).pathname.replace(/\/edit$/, ""));

  const sectorRule = "This round needs a voluntary-sector and a private-sector partner among the proposal’s organisations.";
  await expect(page.getByTestId("still-to-do")).toContainText(sectorRule);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Submit the proposal" }).click();
  const refused = page.getByTestId("submit-refused");
  await expect(refused).toContainText(/This proposal is not ready to submit: \d+ things need attention\./);
  await expect(page.getByTestId("still-to-do")).toHaveCount(0);
  const items = await refused.getByRole("listitem").allTextContents();
  expect(items.length).toBeGreaterThan(1);
  expect(new Set(items).size).toBe(items.length);
  await expect(page.getByText(sectorRule, { exact: false })).toHaveCount(1);
  await expectAccessible(page);
});

test("focus follows the result of joining, approving, mentioning and replying; the sub-group's actions are a Tab away", async ({
  page,
  context,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const recovery = await subGroupId("Recovery sub-group");
  const groupPath = `/p/${SLUG}/groups/${recovery}`;

  await signInAs(SANDRA);
  await page.goto(groupPath);
  await expect(page.getByRole("heading", { level: 2, name: "Members" })).toBeVisible();
  // From the sub-group's name and purpose, the first Tab reaches the link to its actions.
  await page.getByText("Test peer-led recovery cafés linked to treatment services.").evaluate((element: HTMLElement) => {
    element.tabIndex = -1;
    element.focus();
  });
  await page.keyboard.press("Tab");
  expect((await focused(page)).testId).toBe("sub-group-actions-link");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect((await focused(page)).text).toContain("Request to join");

  await page.getByRole("button", { name: "Request to join Recovery sub-group" }).click();
  await page.getByLabel("Message to the leads (optional)").fill("Engage Renfrewshire can host a recovery café.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("button", { name: /Withdraw/ })).toBeVisible();
  await expect.poll(async () => (await focused(page)).testId).toBe("join-outcome");
  expect((await focused(page)).text).toContain("Your request has been sent");

  await context.clearCookies();
  await signInAs(CLAIRE);
  await page.goto(`${groupPath}/requests`);
  const request = page.getByRole("listitem").filter({ hasText: "Sandra Kerr" });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("announcement")).toContainText("Sandra Kerr is now a member");
  await expect.poll(async () => (await focused(page)).testId).toBe("announcement");
  await expectAccessible(page);

  await context.clearCookies();
  await signInAs(SANDRA);
  await page.goto(`${groupPath}/discussions`);
  await page.getByLabel("Title", { exact: true }).fill(`Café venues ${Date.now()}`);
  await page.getByLabel("Message", { exact: true }).fill("Where could the first recovery café meet?");
  await page.getByRole("button", { name: "Start the conversation" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Reply" })).toBeVisible();

  const picker = page.getByLabel("Mention someone", { exact: true });
  await expect(picker).toBeEnabled();
  await picker.selectOption({ label: await picker.locator("option").nth(1).innerText() });
  await page.getByRole("button", { name: "Add mention" }).click();
  await expect.poll(async () => (await focused(page)).name).toBe("body");
  await page.getByLabel("Your reply").pressSequentially("could host it.");
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect.poll(async () => (await focused(page)).id).toMatch(/^reply-/);
  expect((await focused(page)).text).toContain("could host it.");
  await expectAccessible(page);
});

test("the title counts characters instead of cutting them; a comment, a note and a pin each move focus to what happened; withdrawing asks first", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const title = `Focus check ${stamp}`;
  const carers = await subGroupId("Carers sub-group");

  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/groups/${carers}/proposals`);
  await page.getByLabel("Working title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();

  // A long pasted title is kept whole, with a count of what is over, and the server's refusal beside it.
  const titleBox = page.getByRole("textbox", { name: "Title" });
  const long = `${title} `.padEnd(205, "x");
  await titleBox.fill(long);
  await expect(titleBox).toHaveValue(long);
  await expect(page.locator("#edit-title")).toContainText("You have 5 characters too many");
  await expect(titleBox).toHaveAttribute("aria-invalid", "true");
  await titleBox.fill(`${title} `.padEnd(190, "y"));
  await expect(page.locator("#edit-title")).toContainText("You have 10 characters remaining");
  await titleBox.fill(title);
  await expect(page.locator("#edit-title").getByRole("status")).toContainText("Saved at", { timeout: 15_000 });
  await expectAccessible(page);

  // A comment: focus moves to the message saying it was added.
  await page.getByRole("link", { name: "Check and submit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.locator("#section-need summary").click();
  await page.getByLabel("Comment on The need", { exact: true }).fill("Could we add the carers centre's waiting-list figures?");
  await page.getByRole("button", { name: "Add comment on The need" }).click();
  await expect(page.locator("#section-need").getByText("Could we add the carers centre's waiting-list figures?")).toBeVisible();
  await expect.poll(async () => (await focused(page)).testId).toBe("action-notice");
  expect((await focused(page)).text).toContain("Comment added to The need");
  await expectAccessible(page);

  // Withdrawing cannot be undone: it asks first, and Cancel changes nothing.
  await page.getByText("Withdraw this proposal", { exact: true }).click();
  await page.getByRole("button", { name: "Withdraw the proposal" }).click();
  await expect(page.getByText("Withdraw this proposal?")).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Withdraw the proposal" })).toBeFocused();

  // A note added unpinned, then pinned: each time focus moves to where the note went.
  const noteTitle = `Walk-in hours ${stamp}`;
  await page.goto(`/p/${SLUG}/groups/${carers}/discussions`);
  await page.getByText("Add a note", { exact: true }).click();
  await page.getByLabel("Note title", { exact: true }).fill(noteTitle);
  await page.getByLabel("Note", { exact: true }).fill("Tuesdays 10am to midday at the carers centre.");
  await page.getByLabel("Pin it to the top of the sub-group space").uncheck();
  await page.getByRole("button", { name: "Add note" }).click();
  await expect.poll(async () => (await focused(page)).text).toContain("Note added. It is under Other notes.");
  await page.getByText(/^Other notes \(\d+\)$/).click();
  await page.getByRole("button", { name: `Pin to top “${noteTitle}”` }).click();
  await expect(page.getByRole("list", { name: "Pinned notes" })).toContainText(noteTitle);
  await expect.poll(async () => (await focused(page)).testId).toBe("action-notice");
  expect((await focused(page)).text).toContain(`“${noteTitle}” is pinned to the top.`);
  await expectAccessible(page);

  await page.getByRole("button", { name: `Unpin “${noteTitle}”` }).click();
  await expect.poll(async () => (await focused(page)).text).toContain(`“${noteTitle}” is no longer pinned.`);
  await expect(page.getByRole("list", { name: "Pinned notes" })).not.toContainText(noteTitle);
});

test("proposal and conversation pages at 320, 768 and 1280 px: no sideways scrolling, readable controls", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(300_000);
  const carers = await subGroupId("Carers sub-group");
  const [draft] = await query<{ id: string }>('SELECT id FROM "Proposal" WHERE title = $1', ["Digital check-ins for carers"]);
  const [thread] = await query<{ id: string }>('SELECT id FROM "Thread" WHERE "subGroupId" = $1 ORDER BY "createdAt" LIMIT 1', [carers]);
  const pages: Record<string, string> = {
    "my-proposals": `/p/${SLUG}/proposals`,
    "sub-group-proposals": `/p/${SLUG}/groups/${carers}/proposals`,
    "proposal-draft": `/p/${SLUG}/proposals/${draft!.id}`,
    "proposal-edit": `/p/${SLUG}/proposals/${draft!.id}/edit`,
    "proposal-revisions": `/p/${SLUG}/proposals/${draft!.id}/revisions`,
    discussions: `/p/${SLUG}/groups/${carers}/discussions`,
    ...(thread ? { thread: `/p/${SLUG}/groups/${carers}/discussions/${thread.id}` } : {}),
  };
  await signInAs(LORNA);
  for (const [name, path] of Object.entries(pages)) {
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(path);
      expect(response?.status(), `${path} answers`).toBe(200);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(overflow, `sideways scrolling on ${path} at ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`), fullPage: true });
    }
    await expectAccessible(page);
  }
});
