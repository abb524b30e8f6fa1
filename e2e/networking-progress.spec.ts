import { join } from "node:path";
import { expect, expectAccessible, query, test } from "./fixtures";

/**
 * What the organiser sees while the queue plans the rounds, and when it gives up. The job's
 * state is set in the database (held by an instance that is "busy", so no runner takes it),
 * as the page only reads it.
 */
const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const BREAKFAST = "Quarterly networking breakfast";
const WIDTHS = [320, 768, 1280] as const;

test("the organiser sees which round is being planned, and a plain message with Try again when planning fails", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  const [event] = await query<{ id: string; partnershipId: string }>(
    'SELECT id, "partnershipId" FROM "Event" WHERE title = $1 ORDER BY "startsAt" LIMIT 1',
    [BREAKFAST],
  );
  expect(event).toBeDefined();
  const path = `/p/${SLUG}/events/${event!.id}`;
  await query(`DELETE FROM "BackgroundJob" WHERE id = 'e2e-networking-progress'`);
  const [job] = await query<{ id: string }>(
    `INSERT INTO "BackgroundJob" (id, kind, payload, state, "onceKey", "partnershipId", attempts, "maxAttempts", "lockedBy", "lockedUntil", progress, "startedAt")
     VALUES ('e2e-networking-progress', 'events.networking-plan', $1, 'RUNNING', $2, $3, 1, 3, 'busy-instance', now() + interval '1 hour', $4, now())
     RETURNING id`,
    [JSON.stringify({ eventId: event!.id, rounds: 4, requestedById: "e2e" }), `events.networking-plan:${event!.id}:900`, event!.partnershipId, JSON.stringify({ done: 1, total: 4 })],
  );

  const networking = () => page.getByRole("heading", { name: "Speed networking" }).locator("xpath=ancestor::section[1]");
  await signInAs(OFFICER);
  await page.goto(path);
  const status = page.getByRole("status").filter({ hasText: "Planning round" });
  await expect(status).toHaveText("Planning round 2 of 4…");
  await expect(page.getByRole("button", { name: "Planning…" })).toBeDisabled();
  await expectAccessible(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await networking().screenshot({ path: join(testInfo.project.outputDir, "screenshots", `networking-planning-${width}.png`) });
  }

  // The page follows the job as it goes on.
  await query(`UPDATE "BackgroundJob" SET progress = $2 WHERE id = $1`, [job!.id, JSON.stringify({ done: 3, total: 4 })]);
  await expect(status).toHaveText("Planning round 4 of 4…");

  // It gives up after its last attempt: a plain message and a way to try again.
  await query(
    `UPDATE "BackgroundJob" SET state = 'FAILED', attempts = 3, "lockedBy" = NULL, "lockedUntil" = NULL, "finishedAt" = now(),
       "lastError" = 'Something went wrong while running it.' WHERE id = $1`,
    [job!.id],
  );
  const failure = page.getByRole("alert").filter({ hasText: "The rounds could not be planned." });
  await expect(failure).toBeVisible();
  await expect(failure).not.toContainText("Something went wrong while running it");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Plan the rounds" })).toBeEnabled();
  await expectAccessible(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await networking().screenshot({ path: join(testInfo.project.outputDir, "screenshots", `networking-failed-${width}.png`) });
  }

  // Trying again is a new request: refused at once while nobody is going, planned once people are
  // (when the breakfast spec has run first on the same data).
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(
    page.getByText(/^(At least two people need to be going before speed networking can be planned\.|The rounds are planned\.)/),
  ).toBeVisible({ timeout: 30_000 });
  await query(`DELETE FROM "BackgroundJob" WHERE id = $1`, [job!.id]);
});
