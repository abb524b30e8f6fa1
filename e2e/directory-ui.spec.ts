import { expect, expectAccessible, query, test } from "./fixtures";

const OFFICER = "sam.okafor@lch.example"; // officer of the Leeds LCPs
const SLUG = "leeds-lcps";

/** A listed person and an organisation of the partnership, from the demo data. */
async function demoPages() {
  const [person] = await query<{ id: string }>(
    `SELECT u.id FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Partnership" p ON p.id = m."partnershipId"
     WHERE p.slug = $1 AND u."listedInDirectory" AND u.email <> $2 ORDER BY u.name LIMIT 1`,
    [SLUG, OFFICER],
  );
  const [organisation] = await query<{ id: string }>(
    `SELECT po."organisationId" AS id FROM "PartnershipOrganisation" po JOIN "Partnership" p ON p.id = po."partnershipId"
     WHERE p.slug = $1 ORDER BY po."organisationId" LIMIT 1`,
    [SLUG],
  );
  return { personId: person!.id, organisationId: organisation!.id };
}

test.describe("at 320 px wide", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("administration, directory, a person, an organisation, connections and account never scroll sideways", async ({
    page,
    signInAs,
  }) => {
    await signInAs(OFFICER);
    const { personId, organisationId } = await demoPages();
    for (const path of [
      `/p/${SLUG}/admin`,
      `/p/${SLUG}/directory`,
      `/p/${SLUG}/directory?q=carer`,
      `/p/${SLUG}/directory?view=organisations`,
      `/p/${SLUG}/directory/people/${personId}`,
      `/p/${SLUG}/directory/organisations/${organisationId}`,
      `/p/${SLUG}/connections`,
      "/account",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide at 320 px`).toBeLessThanOrEqual(320);
    }
    await page.goto(`/p/${SLUG}/admin`);
    await expectAccessible(page);
  });
});

test("after a member's role is saved, focus moves to what happened", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/admin`);
  const members = page.getByRole("region", { name: "Members of the partnership" });
  const save = members.getByRole("button", { name: /^Save role of / }).nth(1);
  await save.click();
  const notice = page.getByTestId("action-notice").first();
  await expect(notice).toContainText(/already has that role|is now/);
  await expect(notice).toBeFocused();
  await expectAccessible(page);
});

test("removing a member asks first, and cancelling returns focus to the button", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/admin`);
  const members = page.getByRole("region", { name: "Members of the partnership" });
  const remove = members.getByRole("button", { name: /^Remove / }).first();
  const label = (await remove.textContent())!.trim();
  await remove.click();
  await expect(members.getByText(/from the partnership\?$/)).toBeFocused();
  await members.getByRole("button", { name: "Cancel" }).click();
  await expect(members.getByRole("button", { name: label })).toBeFocused();
});

test("a directory search finds people by a form of the word they used", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/directory`);
  await page.getByRole("searchbox", { name: "Search" }).fill("carer");
  await page.getByRole("button", { name: "Search people" }).click();
  await expect(page).toHaveURL(/q=carer/);
  // Alex Morgan lists "carers" among their interests.
  await expect(page.getByRole("link", { name: "Alex Morgan" })).toBeVisible();
  await expectAccessible(page);
});

test("removing a locality asks first, and only 'Yes, remove it' removes it", async ({ page, signInAs }) => {
  const name = `Holbeck ${Date.now()}`;
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/admin`);
  const localities = page.getByRole("region", { name: "Localities" });
  await localities.getByLabel("Add a locality").fill(name);
  await localities.getByRole("button", { name: "Add locality" }).click();
  await expect(localities.getByText(`${name} was added.`)).toBeVisible();

  const remove = localities.getByRole("button", { name: `Remove ${name}` });
  await remove.click();
  await expect(localities.getByText(`Remove ${name}?`)).toBeFocused();
  await expectAccessible(page);
  await localities.getByRole("button", { name: "Cancel" }).click();
  await expect(remove).toBeFocused();

  await remove.click();
  await localities.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(localities.getByText(`${name} was removed.`)).toBeVisible();
  await expect(localities.getByRole("button", { name: `Remove ${name}` })).toHaveCount(0);
});

test("at 1280 px each member's role picker and Save button share a line", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/admin`);
  const members = page.getByRole("region", { name: "Members of the partnership" });
  const rows = members.getByRole("row").filter({ has: page.getByRole("button", { name: /^Save role of / }) });
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const save = rows.nth(index).getByRole("button", { name: /^Save role of / });
    const select = rows.nth(index).getByRole("combobox");
    const [a, b] = [await select.boundingBox(), await save.boundingBox()];
    expect(Math.abs(a!.y + a!.height / 2 - (b!.y + b!.height / 2)), "Save beside its role picker").toBeLessThan(4);
  }
});
