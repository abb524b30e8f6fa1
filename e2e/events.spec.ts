import type { Browser } from "@playwright/test";
import { expect, expectAccessible, query, sessionCookie, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
/** Seeded with speakers and 40 places, and nobody going yet (prisma/seed/seed-events.ts). */
const BREAKFAST = "Quarterly networking breakfast";

/** Ten Renfrewshire members from the voluntary, public, private and community sectors (demo-data.ts). */
const ATTENDEES = [
  { email: "sandra.kerr@engage-renfrewshire.example", name: "Sandra Kerr" },
  { email: "kenny.doyle@ramh.example", name: "Kenny Doyle" },
  { email: "lorna.shaw@renfrewshire-carers.example", name: "Lorna Shaw" },
  { email: "priya.nair@nhs-ggc.example", name: "Priya Nair" },
  { email: "gordon.fraser@clyde-pharmacy.example", name: "Gordon Fraser" },
  { email: "aisha.rahman@ferguslie-larder.example", name: "Aisha Rahman" },
  { email: "euan.stewart@renfrewshire-council.example", name: "Euan Stewart" },
  { email: "heather.boyle@linstone-housing.example", name: "Heather Boyle" },
  { email: "jim.mcallister@johnstone-walks.example", name: "Jim McAllister" },
  { email: "mhairi.gillespie@active-communities.example", name: "Mhairi Gillespie" },
] as const;

async function breakfastPath() {
  const [event] = await query<{ id: string }>('SELECT id FROM "Event" WHERE title = $1 ORDER BY "startsAt" LIMIT 1', [BREAKFAST]);
  if (!event) throw new Error(`The demo data has no "${BREAKFAST}"`);
  return { eventId: event.id, path: `/p/${SLUG}/events/${event.id}` };
}

/** A separate browser context signed in as this person, as if on their own device. */
async function asPerson(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext();
  await context.addCookies([await sessionCookie(email, baseURL)]);
  return { context, page: await context.newPage() };
}

test("ten members reply to the breakfast, the officer plans three rounds, and each person sees who they meet", async ({
  browser,
  baseURL,
  page,
  signInAs,
}) => {
  test.setTimeout(300_000);
  const { eventId, path } = await breakfastPath();

  // Everyone replies from their own device.
  for (const [index, attendee] of ATTENDEES.entries()) {
    const person = await asPerson(browser, baseURL!, attendee.email);
    await person.page.goto(path);
    await expect(person.page.getByRole("heading", { level: 1, name: BREAKFAST })).toBeVisible();
    await expect(person.page.getByRole("heading", { name: "Speakers" })).toBeVisible();
    if (index === 0) await expectAccessible(person.page);
    await person.page.getByRole("button", { name: "I'm going" }).click();
    await expect(person.page.getByText("You are going.")).toBeVisible();
    await expect(person.page.getByRole("button", { name: "I can no longer come" })).toBeVisible();
    if (index === 0) {
      await expectAccessible(person.page);
      // "My work" now lists the breakfast among their upcoming events.
      await person.page.goto(`/p/${SLUG}/my-work`);
      const upcoming = person.page.getByRole("heading", { name: "Your upcoming events" }).locator("xpath=following-sibling::ul[1]");
      const entry = upcoming.getByRole("listitem").filter({ has: person.page.getByRole("link", { name: BREAKFAST, exact: true }) });
      await expect(entry).toContainText("You are going");
    }
    await person.context.close();
  }
  const going = await query<{ count: string }>(`SELECT count(*) FROM "EventRsvp" WHERE "eventId" = $1 AND status = 'GOING'`, [eventId]);
  expect(Number(going[0]!.count)).toBeGreaterThanOrEqual(10);

  // The officer plans three rounds and sees the whole plan.
  await signInAs(OFFICER);
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Organiser area" })).toBeVisible();
  for (const attendee of ATTENDEES) {
    await expect(page.getByRole("table", { name: "People going" }).getByRole("rowheader", { name: attendee.name })).toBeVisible();
  }
  await page.getByLabel("Number of rounds", { exact: true }).fill("3");
  await page.getByRole("button", { name: /^Plan the rounds/ }).click();
  // The queue plans them while the page follows its progress, then shows the plan.
  await expect(page.getByText("The rounds are planned.")).toBeVisible({ timeout: 30_000 });
  const jobs = await query<{ state: string; progress: { done: number; total: number } }>(
    `SELECT state::text AS state, progress FROM "BackgroundJob" WHERE kind = 'events.networking-plan' AND "onceKey" LIKE $1`,
    [`%:${eventId}:%`],
  );
  expect(jobs).toEqual([{ state: "SUCCEEDED", progress: { done: 3, total: 3 } }]);
  await expect(page.getByRole("button", { name: "Plan the rounds again" })).toBeEnabled();
  for (const round of [1, 2, 3]) await expect(page.getByRole("table", { name: `Round ${round}` })).toBeVisible();
  await expect(page.getByText(/pairs \(\d+%\)/)).toBeVisible();
  await expectAccessible(page);

  // Each person sees their own three rounds, with the people the plan seated them with.
  for (const [index, attendee] of ATTENDEES.entries()) {
    const tablemates = await query<{ round: number; table: number; name: string }>(
      `SELECT r.number AS round, t.number AS "table", u.name
       FROM "NetworkingSeat" mine
       JOIN "NetworkingTable" t ON t.id = mine."tableId"
       JOIN "NetworkingRound" r ON r.id = t."roundId"
       JOIN "NetworkingSeat" other ON other."tableId" = t.id AND other."userId" <> mine."userId"
       JOIN "User" u ON u.id = other."userId"
       JOIN "User" me ON me.id = mine."userId"
       WHERE r."eventId" = $1 AND me.email = $2
       ORDER BY r.number, u.name`,
      [eventId, attendee.email],
    );
    expect(new Set(tablemates.map((row) => row.round))).toEqual(new Set([1, 2, 3]));

    const person = await asPerson(browser, baseURL!, attendee.email);
    await person.page.goto(path);
    const schedule = person.page.locator("section", { has: person.page.getByRole("heading", { name: "Your speed networking" }) });
    await expect(schedule).toBeVisible();
    for (const row of tablemates) {
      const round = schedule.getByRole("listitem").filter({ has: person.page.getByRole("heading", { name: `Round ${row.round}: table ${row.table}` }) });
      await expect(round).toContainText(row.name);
    }
    if (index === 0) await expectAccessible(person.page);
    await person.context.close();
  }

  // "Add to calendar" downloads an .ics file calendar apps accept.
  const calendar = await page.request.get(`${path}/calendar.ics`);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  expect(calendar.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.ics"/);
  const body = await calendar.text();
  expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(body).toContain(`UID:${eventId}@tandem`);
});

test("an officer creates a workshop, is told clearly what is wrong, and the events pages pass an accessibility check", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(180_000);
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/events`);
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByRole("link", { name: BREAKFAST }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Past events" }).click();
  await expect(page.getByRole("heading", { name: "Past events" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/p/${SLUG}/events`);
  await page.getByRole("link", { name: "Create an event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an event" })).toBeVisible();
  await expectAccessible(page);

  const date = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel("Workshop", { exact: true }).check();
  await page.getByLabel("Title", { exact: true }).fill("Co-production in practice");
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Start time", { exact: true }).fill("14:00");
  await page.getByLabel("End time", { exact: true }).fill("13:00");
  await page.getByLabel("Venue (optional)", { exact: true }).fill("Renfrew Town Hall");
  await page.getByLabel("Number of places (optional)", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Add a speaker" }).click();
  await page.getByRole("group", { name: "Speaker 1" }).getByLabel("Name", { exact: true }).fill("Margaret Lennox");
  await page.getByRole("button", { name: "Create the event" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The event must end after it starts." })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("End time", { exact: true }).fill("16:00");
  await page.getByRole("button", { name: "Create the event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Co-production in practice" })).toBeVisible();
  await expect(page.getByText("12 of 12 places left")).toBeVisible();
  await expect(page.getByText("Margaret Lennox")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Change the details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change “Co-production in practice”" })).toBeVisible();
  await expectAccessible(page);
});

test("a connection from the last breakfast becomes a draft proposal in a shared sub-group", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  // Lorna logged "we should talk again" with Gordon at the seeded past breakfast; both are in the Carers sub-group.
  await signInAs("lorna.shaw@renfrewshire-carers.example");
  await page.goto(`/p/${SLUG}/connections`);
  await expect(page.getByRole("heading", { level: 1, name: "Your connections" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Start a draft proposal with Gordon Fraser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a draft proposal with Gordon Fraser" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Sub-group", { exact: true }).selectOption({ label: "Carers sub-group" });
  const title = `Pharmacy carer check-ins ${Date.now()}`;
  await page.getByLabel("Working title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Start the draft proposal" }).click();
  await expect(page).toHaveURL(/\/proposals\/[^/]+\/edit$/);
  const authors = await query<{ email: string; role: string }>(
    `SELECT u.email, a.role FROM "ProposalAuthor" a JOIN "Proposal" p ON p.id = a."proposalId" JOIN "User" u ON u.id = a."userId"
     WHERE p.title = $1 ORDER BY a.role`,
    [title],
  );
  expect(authors).toEqual([
    { email: "lorna.shaw@renfrewshire-carers.example", role: "LEAD" },
    { email: "gordon.fraser@clyde-pharmacy.example", role: "CO_AUTHOR" },
  ]);
});

test("events pages fit a 320 px wide screen", async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const { path } = await breakfastPath();
  const [workshop] = await query<{ id: string }>('SELECT id FROM "Event" WHERE kind = $1 AND capacity = 8 LIMIT 1', ["WORKSHOP"]);
  for (const [email, paths] of [
    [OFFICER, [`/p/${SLUG}/events`, `/p/${SLUG}/events?when=past`, `/p/${SLUG}/events/new`, path, `${path}/edit`, `/p/${SLUG}/events/${workshop!.id}`]],
    ["gordon.fraser@clyde-pharmacy.example", [`/p/${SLUG}/events/${workshop!.id}`, `/p/${SLUG}/connections`]],
  ] as const) {
    await signInAs(email);
    for (const target of paths) {
      await page.goto(target);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${target}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  }
});
