import { expect, expectAccessible, query, test } from "./fixtures";

const SLUG = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
// The demo's Carers sub-group: Lorna and Euan lead it; Alex and Gordon are members.
const LORNA = "lorna.shaw@renfrewshire-carers.example";
const RESPONDENTS = [
  { email: "alex.morgan@carers-network.example", name: "Alex Morgan", felt: "Busy, and at times lonely.", steps: "Invite the pharmacy to the carers' café." },
  { email: "gordon.fraser@clyde-pharmacy.example", name: "Gordon Fraser", felt: "Relentless, but the community was kind.", steps: "" },
  { email: "euan.stewart@renfrewshire-council.example", name: "Euan Stewart", felt: "Exhausting at first, easier later.", steps: "Bring a colleague to each meeting." },
];

const dayFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

async function carersSubGroupId() {
  const [group] = await query<{ id: string }>(
    `SELECT g.id FROM "SubGroup" g JOIN "Partnership" p ON p.id = g."partnershipId" WHERE p.slug = $1 AND g.name = $2`,
    [SLUG, "Carers sub-group"],
  );
  return group!.id;
}

test("a sub-group lead runs the Team Leeds chat, three members answer, and the lead sees the answers grouped by question", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(240_000);
  const groupId = await carersSubGroupId();
  const title = `Spring team chat ${Date.now()}`;
  // Other specs may change who is in the sub-group: the audience is whoever is in it now.
  const [members] = await query<{ count: string }>(`SELECT count(*) FROM "SubGroupMembership" WHERE "subGroupId" = $1`, [groupId]);
  const asked = Number(members!.count);

  // The lead starts from the sub-group's Reflections tab.
  await signInAs(LORNA);
  await page.goto(`/p/${SLUG}/groups/${groupId}/reflections`);
  await expect(page.getByRole("heading", { level: 1, name: "Reflections" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Run a reflection for this sub-group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Run a reflection" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Team Leeds chat: four questions", { exact: true }).check();
  await expect(page.getByLabel("Who is asked", { exact: true })).toHaveValue(`SUB_GROUP:${groupId}`);
  await page.getByLabel("Title (optional)", { exact: true }).fill(title);
  // A closing date in the past is refused with a clear message.
  await page.getByLabel("Closing date", { exact: true }).fill(dayFromNow(-3));
  await page.getByLabel("Named answers", { exact: true }).check();
  await page.getByRole("button", { name: "Open the reflection" }).click();
  await expect(page.getByText("The closing date has passed. Choose today or a later date.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Closing date", { exact: true }).fill(dayFromNow(10));
  await page.getByRole("button", { name: "Open the reflection" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("The reflection is open. Everyone asked has been told.")).toBeVisible();
  await expectAccessible(page);
  const surveyPath = new URL(page.url()).pathname;
  const surveyId = surveyPath.split("/").at(-1)!;
  const told = await query<{ count: string }>(`SELECT count(*) FROM "Notification" WHERE kind = 'SURVEY_OPENED' AND "linkPath" = $1`, [surveyPath]);
  expect(Number(told[0]!.count)).toBe(asked - 1); // everyone in the sub-group but Lorna herself

  // Three members answer; the first sees the offer to turn an answer into a story.
  for (const [index, person] of RESPONDENTS.entries()) {
    await signInAs(person.email);
    await page.goto(surveyPath);
    await expect(page.getByRole("heading", { level: 2, name: "Your reflections" })).toBeVisible();
    if (index === 0) await expectAccessible(page);
    await page.getByLabel(/^1\. How has work felt for you lately\?/).fill(person.felt);
    if (person.steps) await page.getByLabel(/^4\. What steps will you take now/).fill(person.steps);
    await page.getByRole("button", { name: "Send my reflections" }).click();
    await expect(page.getByRole("heading", { name: "Thank you: your reflections are in" })).toBeVisible();
    if (index === 0) {
      await expect(page.getByRole("button", { name: /^Turn into a draft story: your answer to question 1/ })).toBeVisible();
      await expectAccessible(page);
      // Answering twice is refused: the page now shows what was sent.
      await page.goto(surveyPath);
      await expect(page.getByRole("heading", { level: 2, name: "You have answered" })).toBeVisible();
    }
  }

  // The lead sees the summary: counts, then the answers grouped by question, with names.
  await signInAs(LORNA);
  await page.goto(`${surveyPath}/results`);
  await expect(page.getByRole("heading", { level: 1, name: `Results: ${title}` })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.locator("div").filter({ hasText: "Responses" }).locator("dd")).toHaveText("3");
  await expect(summary.locator("div").filter({ hasText: "People asked" }).locator("dd")).toHaveText(String(asked));
  await expect(summary.locator("div").filter({ hasText: "Response rate" }).locator("dd")).toHaveText(`${Math.round((3 / asked) * 100)}%`);

  const felt = page.getByRole("region", { name: /^1\. How has work felt for you lately\?/ });
  await expect(felt.getByRole("listitem")).toHaveCount(3);
  for (const person of RESPONDENTS) {
    await expect(felt).toContainText(person.felt);
    await expect(felt).toContainText(person.name);
  }
  const steps = page.getByRole("region", { name: /^4\. What steps will you take now/ });
  await expect(steps.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("region", { name: /^3\. What might make it easier/ })).toContainText("Nobody has answered this question yet.");
  await expect(page.getByRole("link", { name: "Download the answers (CSV)" })).toHaveAttribute("href", `${surveyPath}/results.csv`);
  const excel = page.getByRole("link", { name: "Download the answers (Excel)" });
  await expect(excel).toHaveAttribute("href", `${surveyPath}/results.xlsx`);
  const workbook = await page.request.get(`${surveyPath}/results.xlsx`);
  expect(workbook.status()).toBe(200);
  expect(workbook.headers()["content-type"]).toContain("spreadsheetml");
  expect(workbook.headers()["content-disposition"]).toMatch(/filename="reflection-.*\.xlsx"/);
  await expectAccessible(page);

  const stored = await query<{ respondents: string }>(
    `SELECT count(DISTINCT "respondentId") AS respondents FROM "SurveyResponse" WHERE "surveyId" = $1`,
    [surveyId],
  );
  expect(Number(stored[0]!.respondents)).toBe(3);
});

test("reflection pages are accessible and fit a 320 px wide screen", async ({ page, signInAs }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const groupId = await carersSubGroupId();
  const [chat] = await query<{ id: string }>(`SELECT id FROM "Survey" WHERE title = $1`, ["Team Leeds chat: Carers sub-group"]);
  const [wide] = await query<{ id: string }>(`SELECT id FROM "Survey" WHERE "subGroupId" IS NULL AND "projectId" IS NULL AND "closedEarlyAt" IS NULL AND "closesAt" > now() ORDER BY "createdAt" LIMIT 1`);
  const paths = [
    `/p/${SLUG}/reflections`,
    `/p/${SLUG}/reflections/new`,
    `/p/${SLUG}/reflections/question-sets/new`,
    `/p/${SLUG}/reflections/${wide!.id}`,
    `/p/${SLUG}/reflections/${chat!.id}`,
    `/p/${SLUG}/reflections/${chat!.id}/results`,
    `/p/${SLUG}/groups/${groupId}/reflections`,
  ];
  await signInAs(OFFICER);
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }

  // A member who answered the named team chat sees their answers and may turn one into a story.
  await signInAs("alex.morgan@carers-network.example");
  await page.goto(`/p/${SLUG}/reflections/${chat!.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "You have answered" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Turn into a draft story/ }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
