import { expect, expectAccessible, test } from "./fixtures";

const HOUR = 3600_000;

test("a signed-in person is warned before an idle sign-out and stays signed in with one button", async ({ page, signInAs }) => {
  await page.clock.install();
  await signInAs("morag.campbell@resident.example");
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const warning = page.getByRole("alertdialog", { name: "You will be signed out soon" });
  await expect(warning).toHaveCount(0);
  // The idle time counts from when the page's script starts, which can be after the heading shows.
  await expect(page.locator("html[data-session-watch='on']")).toHaveCount(1);

  // The browser tests' site signs people out after 8 hours unused.
  await page.clock.fastForward(7 * HOUR + 54 * 60_000);
  await page.clock.runFor(20_000);
  await expect(warning).toBeVisible();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: test.info().outputPath("session-warning-320.png") });
  await expect(warning).toContainText(/signed out in about (1 minute|2 minutes)\./);
  const stay = warning.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeFocused();
  await expectAccessible(page);

  await page.keyboard.press("Enter");
  await expect(warning).toHaveCount(0);
  // The server still knows them.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});

test("typing or clicking keeps the session alive, so the warning never comes while someone works", async ({ page, signInAs }) => {
  await page.clock.install();
  await signInAs("morag.campbell@resident.example");
  await page.goto("/account");
  const warning = page.getByRole("alertdialog");
  await expect(page.locator("html[data-session-watch='on']")).toHaveCount(1);
  for (let hour = 0; hour < 9; hour += 1) {
    await page.clock.fastForward(HOUR);
    await page.getByRole("heading", { level: 1, name: "Your account" }).click();
    await page.clock.runFor(1_000);
  }
  await expect(warning).toHaveCount(0);
});
