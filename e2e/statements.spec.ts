import { expect, expectAccessible, test } from "./fixtures";

test("every page's footer links to the accessibility statement, the privacy notice and the cookies page", async ({ page, signInAs }) => {
  await page.goto("/");
  const footer = page.getByRole("navigation", { name: "About this site" });
  await expect(footer.getByRole("link")).toHaveText(["Accessibility statement", "Privacy notice", "Cookies"]);

  await signInAs("alex.morgan@carers-network.example");
  await page.goto("/p/renfrewshire-spg");
  await page.getByRole("navigation", { name: "About this site" }).getByRole("link", { name: "Privacy notice" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
});

test("the accessibility statement follows the regulations' structure and names this installation", async ({ page }) => {
  await page.goto("/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement for Tandem" })).toBeVisible();
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  for (const required of [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website’s accessibility",
    "Non-accessible content",
    "Preparation of this accessibility statement",
  ]) {
    expect(headings).toContain(required);
  }
  await expect(page.getByText("This website is run by Tandem Demonstration Trust.", { exact: false })).toBeVisible();
  await expect(page.getByText(/partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard/)).toBeVisible();
  await expect(page.getByText(/This website was last tested on 30 November 2026\. The test was carried out by Tandem Demonstration Trust\./)).toBeVisible();
  await expect(page.getByText(/applies to Tandem at http:\/\/localhost:\d+/)).toBeVisible();
  await expect(page.getByRole("link", { name: "tandem@operator.example" }).first()).toHaveAttribute("href", "mailto:tandem@operator.example");
  await expect(page.getByRole("link", { name: "Equality Advisory and Support Service (EASS)" })).toBeVisible();
  await expectAccessible(page);
});

test("the privacy notice says who holds what, for how long as configured, and how to complain", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByText(/Tandem Demonstration Trust runs this Tandem site and is the data controller/)).toBeVisible();
  await expect(page.getByRole("link", { name: "dpo@operator.example" })).toHaveAttribute("href", "mailto:dpo@operator.example");
  const held = page.getByRole("table", { name: "Personal information Tandem holds" });
  await expect(held.getByRole("rowheader")).toContainText(["Your account", "Assessments", "Reflections", "The record of changes"]);
  const kept = page.getByRole("table", { name: "How long records are kept" });
  // TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS is 60 for the browser tests, instead of the default 90.
  await expect(kept.getByRole("row", { name: /Notifications you have read/ })).toContainText("60 days after you read them");
  await expect(kept.getByRole("row", { name: /Copies of emails/ })).toContainText("30 days after the email was written");
  await expect(page.getByRole("link", { name: "ico.org.uk/make-a-complaint" })).toBeVisible();
  await expectAccessible(page);
});

test("the cookies page lists each cookie Tandem sets, and they are the cookies a signed-in browser holds", async ({ page, signInAs, context }) => {
  await page.goto("/cookies");
  const list = page.getByRole("list", { name: "Cookies Tandem sets" });
  await expect(list.getByRole("heading", { level: 3 })).toHaveText([
    "next-auth.session-token",
    "next-auth.csrf-token",
    "next-auth.callback-url",
    "next-auth.state and next-auth.pkce.code_verifier",
  ]);
  await expect(page.getByText(/you will not see a cookie banner/)).toBeVisible();
  await expectAccessible(page);

  // Every cookie the browser holds after signing in and browsing is on the list.
  await signInAs("alex.morgan@carers-network.example");
  await page.goto("/signin");
  await page.goto("/p/renfrewshire-spg");
  const listed = ["next-auth.session-token", "next-auth.csrf-token", "next-auth.callback-url", "next-auth.state", "next-auth.pkce.code_verifier"];
  const held = (await context.cookies()).map((cookie) => cookie.name);
  expect(held.length).toBeGreaterThan(0);
  for (const name of held) expect(listed).toContain(name);
});

test("the statements fit a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/accessibility", "/privacy", "/cookies"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
