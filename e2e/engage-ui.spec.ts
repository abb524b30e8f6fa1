import type { Locator } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";
import { formatTime } from "../lib/uk-time";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
/** Going to the full workshop (prisma/seed/seed-events.ts). */
const GOING = "lorna.shaw@renfrewshire-carers.example";
/** Second in the workshop's waiting list. */
const WAITING = "sandra.kerr@engage-renfrewshire.example";
/** Has not replied to the workshop. */
const NOT_REPLIED = "priya.nair@nhs-ggc.example";
const MEMBER = "kenny.doyle@ramh.example";
const WORKSHOP = "Measuring what matters: outcome measures workshop";

async function workshop() {
  const [event] = await query<{ id: string; day: string }>(
    `SELECT id, to_char("startsAt", 'YYYY-MM-DD') AS day FROM "Event" WHERE title = $1 LIMIT 1`,
    [WORKSHOP],
  );
  if (!event) throw new Error(`The demo data has no "${WORKSHOP}"`);
  return { ...event, path: `/p/${SLUG}/events/${event.id}` };
}

test.describe.configure({ mode: "serial" });

test("event times read like 4:14pm on the event page and the events list", async ({ page, signInAs }) => {
  const event = await workshop();
  await query(`UPDATE "Event" SET "startsAt" = $2::date + time '16:14', "endsAt" = $2::date + time '19:14' WHERE id = $1`, [event.id, event.day]);
  const start = formatTime(new Date(`${event.day}T16:14:00Z`));
  const end = formatTime(new Date(`${event.day}T19:14:00Z`));
  expect(start).toMatch(/^\d{1,2}:14pm$/);

  await signInAs(GOING);
  await page.goto(event.path);
  const when = page.getByRole("definition").filter({ hasText: "(UK time)" });
  await expect(when).toContainText(`${start} to ${end}`);
  await expect(page.locator("main")).not.toContainText(/\bat \d{1,2}:\d{2}\b(?!\s?[ap]m)/);
  await expect(page.locator("main")).not.toContainText(/\d:\d{2} (am|pm)/i);

  await page.goto(`/p/${SLUG}/events`);
  await expect(page.getByRole("listitem").filter({ hasText: WORKSHOP }).first()).toContainText(`${start} to ${end}`);
});

test("someone on the waiting list is told their place in the queue and is not offered the calendar file", async ({ page, signInAs }) => {
  const event = await workshop();
  await signInAs(WAITING);
  await page.goto(event.path);
  const place = page.getByRole("complementary", { name: "Your place" });
  await expect(place.getByTestId("your-place-status")).toHaveText(/^You are on the waiting list: number 2 in the queue\./);
  await expect(place.getByRole("button", { name: "Leave the waiting list" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Add to calendar/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("joining the waiting list moves focus to where you now stand", async ({ page, signInAs }) => {
  const event = await workshop();
  await signInAs(NOT_REPLIED);
  await page.goto(event.path);
  const status = page.getByTestId("your-place-status");
  await expect(status).toHaveText("You have not replied yet.");
  await page.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(status).toHaveText(/^You are on the waiting list: number 3 in the queue\./);
  await expect(status).toBeFocused();
  await expect(page.getByRole("link", { name: /Add to calendar/ })).toHaveCount(0);
});

test("a person going has the calendar file; after cancelling, the page says one thing and focus moves to it", async ({ page, signInAs }) => {
  const event = await workshop();
  await signInAs(GOING);
  await page.goto(event.path);
  const place = page.getByRole("complementary", { name: "Your place" });
  const status = place.getByTestId("your-place-status");
  await expect(status).toHaveText("You are going.");
  await expect(place.getByRole("link", { name: /Add to calendar/ })).toBeVisible();
  await expectAccessible(page);

  await place.getByRole("button", { name: "I can no longer come" }).click();
  await expect(status).toHaveText(/^You cancelled your place\./);
  await expect(status).toBeFocused();
  await expect(place).not.toContainText("You have not replied yet");
  await expect(place).not.toContainText("Your place is cancelled");
  await expect(place.getByRole("link", { name: /Add to calendar/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("a comment on a story takes focus once it is in the list", async ({ page, signInAs }) => {
  const [story] = await query<{ id: string }>(
    `SELECT s.id FROM "Story" s JOIN "Partnership" p ON p.id = s."partnershipId" WHERE p.slug = $1 AND s.status = 'PUBLISHED' ORDER BY s.title LIMIT 1`,
    [SLUG],
  );
  await signInAs(MEMBER);
  await page.goto(`/p/${SLUG}/stories/${story!.id}`);
  const body = `Good to read this: we saw the same at our drop-in (${Date.now()}).`;
  await page.getByLabel("What do you think?").fill(body);
  await page.getByRole("button", { name: "Post comment" }).click();
  const focused = page.locator(":focus");
  await expect(focused).toContainText(body);
  await expect(focused).toHaveAttribute("id", /^comment-/);
  await expectAccessible(page);
});

test("an officer copies the Team Leeds chat, changes the copy, and changes it again later", async ({ page, signInAs }) => {
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/reflections/new`);
  const change = page.getByRole("region", { name: "Change the questions" });
  await change.getByRole("link", { name: /Copy and change the template “Team Leeds chat/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Copy and change “Team Leeds chat/ })).toBeVisible();
  await expect(page.getByLabel("Question", { exact: true }).first()).toHaveValue("How has work felt for you lately?");
  await expectAccessible(page);

  await page.getByLabel("Title").fill("Renfrewshire team chat");
  await page.getByLabel("Question", { exact: true }).first().fill("How has the last quarter felt for you?");
  await page.getByRole("button", { name: "Save the question set" }).click();
  await expect(page).toHaveURL(/\/reflections\/new\?questionSet=/);

  await page.getByRole("region", { name: "Change the questions" }).getByRole("link", { name: "Change “Renfrewshire team chat”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change “Renfrewshire team chat”" })).toBeVisible();
  await expect(page.getByLabel("Question", { exact: true }).first()).toHaveValue("How has the last quarter felt for you?");
  await page.getByLabel("What it is for (optional)").fill("Four questions for our teams, every quarter.");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page).toHaveURL(/\/reflections\/new\?questionSet=/);
  await expect(page.getByText("Four questions for our teams, every quarter.")).toBeVisible();
});

test("members are not offered changes to question sets, and cannot open one to change it", async ({ page, signInAs }) => {
  const [set] = await query<{ id: string }>(`SELECT id FROM "QuestionSet" WHERE title = 'Renfrewshire team chat' LIMIT 1`);
  await signInAs(MEMBER);
  await page.goto(`/p/${SLUG}/reflections/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Run a reflection" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Change the questions" })).toHaveCount(0);
  const response = await page.goto(`/p/${SLUG}/reflections/question-sets/${set!.id}/edit`);
  expect(response?.status()).toBe(404);
});

const LORNA = "lorna.shaw@renfrewshire-carers.example";
const PULSE_CONNECTED = "How connected do you feel to colleagues in other sectors?";

async function carersSubGroup() {
  const [group] = await query<{ id: string }>(
    `SELECT g.id FROM "SubGroup" g JOIN "Partnership" p ON p.id = g."partnershipId" WHERE p.slug = $1 AND g.name = 'Carers sub-group'`,
    [SLUG],
  );
  if (!group) throw new Error("The demo data has no Carers sub-group");
  return group.id;
}

/** Numbers line up on the right: the cell's own alignment, as the browser lays it out. */
const alignment = (cell: Locator) => cell.evaluate((element) => getComputedStyle(element).textAlign);

test("a sub-group's trend and a pulse's scores are captioned tables, numbers on the right, readable at 320 px", async ({ page, signInAs }) => {
  const groupId = await carersSubGroup();
  await signInAs(LORNA);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`/p/${SLUG}/groups/${groupId}/reflections`);
  const trend = page.getByRole("table", { name: "Each run of Partnership pulse, oldest first" });
  await expect(trend).toBeVisible();
  await expect(trend.getByRole("columnheader", { name: "Response rate" })).toBeVisible();
  await expect(trend.getByRole("row")).toHaveCount(4); // a header row and three runs
  const firstRun = trend.getByRole("row").nth(1);
  await expect(firstRun.getByRole("rowheader").getByRole("link")).toBeVisible();
  expect(await alignment(firstRun.getByRole("cell").first())).toBe("right");
  // The table scrolls inside its own named region; the page itself never scrolls sideways.
  await expect(page.getByRole("region", { name: "Each run of Partnership pulse, oldest first" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  await firstRun.getByRole("rowheader").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Results: / })).toBeVisible();
  const scores = page.getByRole("table", { name: `Scores for: ${PULSE_CONNECTED}` });
  await expect(scores.getByRole("rowheader")).toHaveText(["1 (lowest)", "2", "3", "4", "5 (highest)"]);
  await expect(scores.getByRole("columnheader")).toHaveText(["Score", "Answers", "Share"]);
  expect(await alignment(scores.getByRole("row").nth(1).getByRole("cell").first())).toBe("right");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("closing a reflection early asks first, then says so where focus lands, and the list tags it Closed", async ({ page, signInAs }) => {
  const groupId = await carersSubGroup();
  const title = `Pulse to close early ${Date.now()}`;
  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/reflections/new?subGroupId=${groupId}`);
  await page.getByLabel("Partnership pulse", { exact: true }).first().check();
  await page.getByLabel("Title (optional)", { exact: true }).fill(title);
  await page.getByLabel("Closing date", { exact: true }).fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Anonymous answers", { exact: true }).check();
  await page.getByRole("button", { name: "Open the reflection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const surveyPath = new URL(page.url()).pathname;

  await page.goto(`/p/${SLUG}/reflections`);
  const running = page.getByRole("region", { name: "Open reflections you run" }).getByRole("listitem").filter({ hasText: title });
  await expect(running.getByText("Open", { exact: true })).toBeVisible();

  await page.goto(surveyPath);
  const manage = page.getByRole("region", { name: "You run this reflection" });
  await manage.getByRole("button", { name: "Close it now" }).click();
  await expect(manage.getByText("Close this reflection now?")).toBeFocused();
  await manage.getByRole("button", { name: "Cancel" }).click();
  await expect(manage.getByRole("button", { name: "Close it now" })).toBeFocused();
  await manage.getByRole("button", { name: "Close it now" }).click();
  await manage.getByRole("button", { name: "Yes, close it" }).click();
  await expect(manage.getByTestId("action-notice")).toHaveText("The reflection is closed.");
  await expect(manage.getByTestId("action-notice")).toBeFocused();
  await expect(manage.getByRole("button", { name: "Close it now" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/p/${SLUG}/reflections`);
  const closed = page.getByRole("region", { name: "Closed in the last year" }).getByRole("listitem").filter({ hasText: title });
  await expect(closed.getByText("Closed", { exact: true })).toBeVisible();
  await expect(closed).toContainText("Closed on");
});

test("cancelling an event asks in words, keeps focus with the question, and focuses the result", async ({ page, signInAs }) => {
  const title = `Workshop to cancel ${Date.now()}`;
  const [event] = await query<{ id: string }>(
    `INSERT INTO "Event" (id, "partnershipId", kind, title, "startsAt", "endsAt", "venueName", "createdById", "updatedAt")
     SELECT $1, p.id, 'WORKSHOP', $2, now() + interval '20 days', now() + interval '20 days 2 hours', 'Paisley Town Hall', u.id, now()
     FROM "Partnership" p, "User" u WHERE p.slug = $3 AND u.email = $4 RETURNING id`,
    [`e2e-cancel-${Date.now()}`, title, SLUG, OFFICER],
  );
  await signInAs(OFFICER);
  await page.goto(`/p/${SLUG}/events/${event!.id}`);
  const organiser = page.getByRole("region", { name: "Organiser area" });
  await organiser.getByRole("button", { name: "Cancel this event" }).click();
  await expect(organiser.getByText(/^Cancel this event\? Everyone going/)).toBeFocused();
  await expectAccessible(page);
  await organiser.getByRole("button", { name: "Keep the event" }).click();
  await expect(organiser.getByRole("button", { name: "Cancel this event" })).toBeFocused();

  await organiser.getByRole("button", { name: "Cancel this event" }).click();
  await organiser.getByLabel("Message to people going and waiting (optional)").fill("The hall is closed for repairs.");
  await organiser.getByRole("button", { name: "Yes, cancel the event" }).click();
  await expect(organiser.getByTestId("action-notice")).toHaveText("The event is cancelled and everyone has been told.");
  await expect(organiser.getByTestId("action-notice")).toBeFocused();
  await expect(page.getByRole("note")).toContainText("This event has been cancelled.");
  await expect(organiser.getByRole("button", { name: "Cancel this event" })).toHaveCount(0);
  await expectAccessible(page);
});
