import { expect, expectAccessible, query, sessionCookie, test } from "./fixtures";

const FIONA = "fiona.macleod@renfrewshire-hscp.example";

test("signs in with an emailed link from the outbox, sees their partnerships, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Partnership working that pays off" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Tandem" })).toBeVisible();
  await expectAccessible(page);

  // A mistyped address is caught with a message tied to the field.
  await page.getByLabel("Email address").fill("fiona.macleod");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Error:" })).toContainText(
    "Enter an email address in the correct format",
  );
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter an email address in the correct format/);
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(FIONA);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "developer outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Developer outbox" })).toBeVisible();
  await expectAccessible(page);
  // The newest sign-in email to Fiona (the background digest may also have written to her).
  const email = page.getByRole("article").filter({ hasText: FIONA }).filter({ hasText: "Your sign-in link for Tandem" }).first();
  await expect(email.getByRole("heading", { name: "Your sign-in link for Tandem" })).toBeVisible();
  await email.getByRole("link", { name: /callback\/email/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "My partnerships" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Renfrewshire Strategic Planning Group" })).toBeVisible();
  await expect(page.getByText("Your role: Officer")).toBeVisible();
  await expectAccessible(page);

  const [user] = await query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [FIONA]);
  const sessionsBefore = await query('SELECT 1 FROM "Session" WHERE "userId" = $1', [user!.id]);
  expect(sessionsBefore.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partnership working that pays off" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  // Signing out ended the session in the database, not just in the browser.
  expect(await query('SELECT 1 FROM "Session" WHERE "userId" = $1', [user!.id])).toHaveLength(sessionsBefore.length - 1);
});

test("signing out is a plain form: it works with JavaScript off, and ends the session in the database", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const cookie = await sessionCookie("morag.campbell@resident.example", baseURL!);
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partnership working that pays off" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect(await query('SELECT 1 FROM "Session" WHERE "sessionToken" = $1', [cookie.value])).toHaveLength(0);
  expect((await context.cookies()).map((held) => held.name)).not.toContain("next-auth.session-token");
  await context.close();
});

test("a sign-in link works once only", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("ailsa.brown@opal.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await page.goto("/dev/outbox");
  const link = await page
    .getByRole("article")
    .filter({ hasText: "ailsa.brown@opal.example" })
    .filter({ hasText: "Your sign-in link for Tandem" })
    .first()
    .getByRole("link", { name: /callback\/email/ })
    .getAttribute("href");

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "My partnerships" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "There was a problem signing you in" })).toBeVisible();
  await expect(page.getByText("expired or has already been used")).toBeVisible();
  await expectAccessible(page);
});

test("demo mode offers one-click sign-in as an example person", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: /^Alex Morgan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My partnerships" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Leeds Local Care Partnerships" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Renfrewshire Strategic Planning Group" })).toBeVisible();
});

test("a demo opened at another address signs in there, and its emailed links point there, not at localhost", async ({ page, baseURL }) => {
  const elsewhere = baseURL!.replace("localhost", "127.0.0.1");
  await page.goto(`${elsewhere}/signin`);
  await page.getByRole("button", { name: /^Alex Morgan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My partnerships" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(elsewhere).host);

  // A sign-in link asked for at this address arrives pointing at this address.
  await page.context().clearCookies();
  await page.goto(`${elsewhere}/signin`);
  await page.getByLabel("Email address").fill(FIONA);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const [sent] = await query<{ text: string }>(
    'SELECT text FROM "OutboxEmail" WHERE "to" = $1 AND subject LIKE $2 ORDER BY "createdAt" DESC LIMIT 1',
    [FIONA, "%sign-in link%"],
  );
  expect(sent!.text).toContain(`${elsewhere}/api/auth/callback/email`);
  expect(sent!.text).not.toContain("localhost");
});
