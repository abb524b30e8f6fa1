import { expect, expectAccessible, test } from "./fixtures";

test("a member asks to close their account, sees when it happens, and changes their mind", async ({ page, signInAs }) => {
  await signInAs("morag.campbell@resident.example");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Close your account" });
  await section.getByRole("button", { name: "Close my account" }).click();
  await expect(section.getByText("Close your account and erase your personal information?")).toBeFocused();
  await expectAccessible(page);
  await section.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(section.getByRole("status").or(section.getByRole("alert"))).toContainText("Your account will be closed on");
  await expect(section.getByText(/You asked on .+ for your account to be closed\. It will be closed on .+\./)).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Close your account" }).getByText(/It will be closed on/)).toBeVisible();
  await page.getByRole("region", { name: "Close your account" }).getByRole("button", { name: "Keep my account" }).click();
  await page.getByRole("button", { name: "Yes, keep my account" }).click();
  await expect(page.getByRole("region", { name: "Close your account" }).getByText("Your account stays open.", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Close your account" }).getByRole("button", { name: "Close my account" })).toBeVisible();
});

test("closing an account is refused, naming what to hand over, while the person leads a project", async ({ page, signInAs }) => {
  await signInAs("kenny.doyle@ramh.example");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Close your account" });
  await section.getByRole("button", { name: "Close my account" }).click();
  await section.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(section.getByText(/^Before your account can be closed, .+Nothing was changed\.$/)).toBeVisible();
  await expect(section.getByRole("button", { name: "Close my account" })).toBeVisible();
});
