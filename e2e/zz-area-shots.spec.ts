import { join } from "node:path";
import { expect, query, test } from "./fixtures";

test("area shots", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(300_000);
  const [group] = await query<{ id: string }>(`SELECT id FROM "SubGroup" WHERE name = 'Mental health sub-group' LIMIT 1`);
  await signInAs("fiona.macleod@renfrewshire-hscp.example");
  const pages: Record<string, string> = {
    map: "/p/renfrewshire-spg/map",
    requests: `/p/renfrewshire-spg/groups/${group!.id}/requests`,
    notifications: "/notifications",
    account: "/account",
  };
  for (const [name, path] of Object.entries(pages)) {
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(overflow, `${path} at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(testInfo.project.outputDir, "area", `${name}-${width}.png`), fullPage: true });
    }
  }
  // Confirmations open.
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/p/renfrewshire-spg/admin");
    await page.getByRole("region", { name: "Localities" }).getByRole("button", { name: /^Remove / }).first().click();
    await page.getByRole("region", { name: "Members of the partnership" }).getByRole("button", { name: /^Remove / }).first().click();
    await page.screenshot({ path: join(testInfo.project.outputDir, "area", `admin-confirm-${width}.png`), fullPage: true });
    await page.goto("/p/renfrewshire-spg/priorities");
    await page.getByRole("button", { name: /^Archive / }).first().click();
    await page.screenshot({ path: join(testInfo.project.outputDir, "area", `priorities-confirm-${width}.png`), fullPage: true });
    await page.goto(`/p/renfrewshire-spg/groups/${group!.id}`);
    await page.getByRole("region", { name: /leads first/ }).getByRole("button", { name: /^Remove / }).first().click();
    await page.screenshot({ path: join(testInfo.project.outputDir, "area", `subgroup-confirm-${width}.png`), fullPage: true });
  }
});
