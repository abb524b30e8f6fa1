import { join } from "node:path";
import { expect, expectAccessible, expectReadableControls, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
/** A Renfrewshire member (demo-data.ts); the demo outbox shows mail to the demo people. */
const MEMBER = "jim.mcallister@johnstone-walks.example";
const WIDTHS = [320, 768, 1280] as const;

/** An upcoming event in Renfrewshire with places left that the member has not replied to. */
async function eventWithPlaces() {
  const [event] = await query<{ id: string; title: string }>(
    `SELECT e.id, e.title FROM "Event" e JOIN "Partnership" p ON p.id = e."partnershipId"
     WHERE p.slug = $1 AND e.status = 'SCHEDULED' AND e."startsAt" > now() + interval '1 day'
       AND NOT EXISTS (SELECT 1 FROM "EventRsvp" r JOIN "User" u ON u.id = r."userId" WHERE r."eventId" = e.id AND u.email = $2)
       AND (e.capacity IS NULL OR e.capacity > (SELECT count(*) FROM "EventRsvp" r WHERE r."eventId" = e.id AND r.status = 'GOING') + 5)
       AND e.title <> 'Quarterly networking breakfast'
     ORDER BY e."startsAt" LIMIT 1`,
    [SLUG, MEMBER],
  );
  if (!event) throw new Error("The demo data has no upcoming event with places for the member");
  return event;
}

test("a place taken on the event page is emailed as a calendar invitation, which the outbox shows and offers", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(120_000);
  const event = await eventWithPlaces();
  await signInAs(MEMBER);
  await page.goto(`/p/${SLUG}/events/${event.id}`);
  const place = page.getByRole("complementary", { name: "Your place" });
  await place.getByRole("button", { name: "I'm going" }).click();
  await expect(place.getByTestId("your-place-status")).toHaveText("You are going.");

  // The job runner sends it within a few seconds.
  const email = page.getByRole("article").filter({ hasText: `Invitation: ${event.title}` }).filter({ hasText: MEMBER });
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(email).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(email.getByText("Calendar invitation attached (REQUEST)")).toBeVisible();
  const download = email.getByRole("link", { name: `Download the invitation (.ics) sent with “Invitation: ${event.title}”` });
  const href = (await download.getAttribute("href")) ?? "";
  expect(href.startsWith("data:text/calendar;charset=utf-8;method=REQUEST,")).toBe(true);
  const ics = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  expect(ics).toContain("METHOD:REQUEST\r\n");
  expect(ics).toContain(`UID:${event.id}@tandem\r\n`);
  await download.focus();
  await expect(download).toBeFocused();
  await expectAccessible(page);

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await email.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await expectReadableControls(page);
    await page.screenshot({ path: join(testInfo.project.outputDir, "screenshots", `outbox-invitation-${width}.png`), fullPage: false });
  }
});
