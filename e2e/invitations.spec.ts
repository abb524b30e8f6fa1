import { expect, expectAccessible, query, test } from "./fixtures";

test("an officer invites someone new by email; they sign in from the invitation and join with the invited role", async ({
  page,
  context,
  signInAs,
}) => {
  const invitee = `new.member.${Date.now()}@carers-trust.example`;
  await signInAs("sam.okafor@lch.example"); // officer of the Leeds LCPs
  await page.goto("/p/leeds-lcps/admin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address", { exact: true }).fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(invitee).first()).toBeVisible();

  // The invitation email, read from the developer outbox.
  await context.clearCookies();
  await page.goto("/dev/outbox");
  const email = page.getByRole("article").filter({ hasText: invitee }).first();
  await expect(email.getByRole("heading", { name: "You're invited to join Leeds Local Care Partnerships on Tandem" })).toBeVisible();
  const invitationLink = await email.getByRole("link", { name: /\/invite\// }).getAttribute("href");

  // Signed out, the invitation page explains and sends them to sign in; the sign-in link brings them back.
  await page.goto(invitationLink!);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await page.goto("/dev/outbox");
  await page
    .getByRole("article")
    .filter({ hasText: "Your sign-in link for Tandem" })
    .filter({ hasText: invitee })
    .first()
    .getByRole("link", { name: /callback\/email/ })
    .click();

  await expect(page.getByRole("button", { name: "Accept and join Leeds Local Care Partnerships" })).toBeVisible();
  await page.getByRole("button", { name: "Accept and join Leeds Local Care Partnerships" }).click();
  await expect(page).toHaveURL(/\/p\/leeds-lcps$/);
  await expect(page.getByRole("heading", { level: 1, name: "Leeds Local Care Partnerships" })).toBeVisible();
  await expect(page.getByText("Your role:")).toContainText("Member");
  const [membership] = await query<{ role: string }>(
    'SELECT m.role FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Partnership" p ON p.id = m."partnershipId" WHERE u.email = $1 AND p.slug = $2',
    [invitee, "leeds-lcps"],
  );
  expect(membership?.role).toBe("MEMBER");

  // The link works once only.
  await page.goto(invitationLink!);
  await expect(page.getByText(/already/i).first()).toBeVisible();
});
