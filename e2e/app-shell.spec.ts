import { expect, expectAccessible, test } from "./fixtures";

test("a member opens their partnership and sees who takes part, by sector", async ({ page, signInAs }) => {
  await signInAs("rachel.green@forum-central.example");
  await page.goto("/");
  await page.getByRole("link", { name: "Leeds Local Care Partnerships" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Leeds Local Care Partnerships" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Localities" }).getByRole("listitem")).toHaveCount(19);
  const mix = page.getByRole("table", { name: "Members by sector" });
  await expect(mix.getByRole("row", { name: /^Voluntary/ }).getByRole("cell").first()).toHaveText("4");
  await expect(mix.getByRole("row", { name: /^Public/ }).getByRole("cell").first()).toHaveText("3");
  await expect(page.getByRole("cell", { name: "OPAL (Older People's Action in the Locality)" })).toBeVisible();
  await expectAccessible(page);
});

test("someone outside a partnership gets the not-found page for it", async ({ page, signInAs }) => {
  await signInAs("fiona.macleod@renfrewshire-hscp.example");
  const response = await page.goto("/p/leeds-lcps");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("the skip link takes keyboard users straight to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("pages fit a 320 px wide screen without sideways scrolling", async ({ page, signInAs }) => {
  test.setTimeout(180_000); // a dozen pages, each checked by axe
  await page.setViewportSize({ width: 320, height: 800 });
  await signInAs("alex.morgan@carers-network.example");
  for (const path of [
    "/",
    "/p/renfrewshire-spg",
    "/p/renfrewshire-spg/priorities",
    "/p/renfrewshire-spg/directory",
    "/p/renfrewshire-spg/map",
    "/p/renfrewshire-spg/funded-projects",
    "/notifications",
    "/account",
    "/signin/check-email",
    "/no-such-page",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  // A sub-group's pages, reached the way people reach them.
  await page.goto("/p/renfrewshire-spg/priorities");
  await page.getByRole("link", { name: "Carers sub-group" }).first().click();
  await expect(page.getByRole("link", { name: "Discussions" })).toBeVisible();
  for (const tab of [null, "Discussions"]) {
    if (tab) await page.getByRole("link", { name: tab }).click();
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
});

test("the health endpoint reports the database and migrations, without naming them", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "reachable", migrations: { status: "up-to-date", pending: 0 } });
  expect(JSON.stringify(body)).not.toMatch(/\d{14}_/);
});

test("every page and API answer carries a nonce Content-Security-Policy and is never cached", async ({ page, request, signInAs }) => {
  await signInAs("priya.nair@nhs-ggc.example");
  const nonces = new Set<string>();
  for (const path of ["/", "/p/renfrewshire-spg", "/signin"]) {
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `nonce on ${path}`).toBeTruthy();
    nonces.add(nonce!);
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response!.headers()["cache-control"]).toContain("no-store");
    // Every script tag the server wrote carries this response's nonce (the chunks those
    // scripts load later are trusted through 'strict-dynamic').
    const html = await response!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => /\snonce="([^"]*)"/.exec(match[0])?.[1] ?? null);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
  }
  expect(nonces.size).toBe(3); // a fresh one each time
  const api = await request.get("/api/trpc/system.ping");
  expect(api.headers()["cache-control"]).toContain("no-store");
});

test("a person sees their own account details, loaded through the API", async ({ page, signInAs }) => {
  await signInAs("priya.nair@nhs-ggc.example");
  await page.goto("/");
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("NHS Greater Glasgow and Clyde (Public / statutory)")).toBeVisible();
  await expect(page.getByText("Senior Health Improvement Officer")).toBeVisible();
  await expectAccessible(page);
});

test("on a phone the header and the partnership's sections fold behind menu buttons that work from the keyboard", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signInAs("alex.morgan@carers-network.example");
  await page.goto("/p/renfrewshire-spg/events");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  // The page's own heading starts in the top third of the first screen, not halfway down it.
  expect((await heading.boundingBox())!.y).toBeLessThan(640 / 3);
  await expect(page.getByRole("link", { name: "Your account" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Stories" })).toBeHidden();

  const sections = page.getByRole("button", { name: /^Sections: Events$/ });
  await sections.focus();
  await page.keyboard.press("Enter");
  await expect(sections).toHaveAttribute("aria-expanded", "true");
  const stories = page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Stories" });
  await expect(stories).toBeVisible();
  await expectAccessible(page);
  await stories.click();
  await expect(page.getByRole("heading", { level: 1, name: /stories/i })).toBeVisible();
  // Moving to another page closes the menu again.
  await expect(page.getByRole("button", { name: /^Sections: Stories$/ })).toHaveAttribute("aria-expanded", "false");

  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // From 768 px up there are no menu buttons: everything is shown.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Partnership sections" }).getByRole("link", { name: "Events" })).toBeVisible();
});

test("a page's links fetch nothing until one is followed, and following one does not reload the page", async ({ page, signInAs }) => {
  await signInAs("fiona.macleod@renfrewshire-hscp.example");
  const prefetches: string[] = [];
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goto("/p/renfrewshire-spg/projects");
  const project = page.getByRole("table", { name: "All projects" }).getByRole("link").first();
  await expect(project).toBeVisible();
  await page.waitForLoadState("networkidle");
  await project.hover();
  await page.waitForLoadState("networkidle");
  // Each of the page's dozens of links (header, sections, every project) in view, one hovered: no request for any.
  expect(prefetches).toEqual([]);

  const name = (await project.textContent())!;
  documents.length = 0;
  await project.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  expect(documents, "a client-side navigation, not a new page load").toEqual([]);
});
