import { request as playwrightRequest } from "@playwright/test";
import { expect, expectAccessible, query, test } from "./fixtures";

/** A member of both demo partnerships, going to events in each (prisma/seed/seed-events.ts). */
const MEMBER = "alex.morgan@carers-network.example";

/** A scheduled event the member is going to that the feed should list. */
async function eventTheMemberIsGoingTo() {
  const [event] = await query<{ id: string; title: string }>(
    `SELECT e.id, e.title FROM "Event" e
       JOIN "EventRsvp" r ON r."eventId" = e.id
       JOIN "User" u ON u.id = r."userId"
     WHERE u.email = $1 AND r.status = 'GOING' AND e.status = 'SCHEDULED' AND e."endsAt" > now()
     ORDER BY e."startsAt" LIMIT 1`,
    [MEMBER],
  );
  if (!event) throw new Error("The demo data has no upcoming event the member is going to");
  return event;
}

/** Fetches a link as a calendar app would: a fresh context with no cookies. */
async function fetchAsCalendarApp(url: string) {
  const context = await playwrightRequest.newContext();
  try {
    const response = await context.get(url);
    return { status: response.status(), type: response.headers()["content-type"] ?? "", body: await response.text() };
  } finally {
    await context.dispose();
  }
}

// One person and one link: the widths run one after the other.
test.describe.configure({ mode: "serial" });

for (const width of [320, 1280]) {
  test(`a member turns on their calendar feed, a calendar app reads it, and turning it off stops it (${width} px)`, async ({
    page,
    signInAs,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInAs(MEMBER);
    const event = await eventTheMemberIsGoingTo();
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Calendar feed" });
    await expect(section.getByRole("heading", { name: "Calendar feed" })).toBeVisible();
    await section.getByRole("button", { name: "Get my calendar link" }).click();
    const field = section.getByRole("textbox", { name: "Your calendar link" });
    await expect(field).toBeVisible();
    const url = await field.inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expect(section.getByRole("heading", { name: "Add it to your calendar" })).toBeVisible();
    await expectAccessible(page);
    // The field fits the narrow screen without the page scrolling sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const feed = await fetchAsCalendarApp(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain("text/calendar");
    expect(feed.body).toContain(`UID:${event.id}@tandem`);

    await section.getByRole("button", { name: "Turn off the link" }).click();
    await section.getByRole("button", { name: "Yes, turn off the link" }).click();
    await expect(section.getByText("Your calendar link is turned off.")).toBeVisible();
    await expect(section.getByRole("button", { name: "Get my calendar link" })).toBeVisible();
    const gone = await fetchAsCalendarApp(url);
    expect(gone.status).toBe(404);
    expect(gone.type).toContain("text/plain");
    expect(gone.body).not.toContain("BEGIN:VCALENDAR");
    await expectAccessible(page);
  });
}
