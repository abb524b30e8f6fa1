import { expect, expectAccessible, query, test } from "./fixtures";

const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => {
      const cells: string[] = [];
      let cell = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const char = line[i]!;
        if (quoted) {
          if (char === '"' && line[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (char === '"') quoted = false;
          else cell += char;
        } else if (char === '"') quoted = true;
        else if (char === ",") {
          cells.push(cell);
          cell = "";
        } else cell += char;
      }
      cells.push(cell);
      return cells;
    });
}

test("an officer runs a fund: three grants, a payment and a returned underspend, and the dashboard and CSVs agree with the ledger", async ({ page, signInAs }) => {
  test.setTimeout(120_000); // a long journey, on a machine that may be busy
  await signInAs(OFFICER);
  await page.goto("/p/renfrewshire-spg/funding");
  await expect(page.getByRole("heading", { level: 1, name: "Funding" })).toBeVisible();
  await expectAccessible(page);

  const name = `Winter pressures fund ${Date.now()}`;
  await page.getByLabel("Fund name", { exact: true }).fill(name);
  await page.getByLabel("Where the money comes from", { exact: true }).fill("Renfrewshire Council");
  await page.getByLabel("Financial year", { exact: true }).fill("2021/22");
  await page.getByLabel("Total (£)", { exact: true }).fill("50,000");
  await page.getByRole("button", { name: "Create fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  // A round, opened.
  await page.getByLabel("Title", { exact: true }).fill("Winter round");
  await page.getByLabel("Guidance for applicants", { exact: true }).fill("Short tests to ease winter pressures.");
  await page.getByLabel("Who can apply", { exact: true }).fill("Sub-groups with voluntary and public partners.");
  await page.getByLabel("Assessment criteria", { exact: true }).fill("Partnership, 50\nImpact, 50");
  await page.getByLabel("Opens on", { exact: true }).fill("2021-01-04");
  await page.getByLabel("Closes on", { exact: true }).fill("2099-12-31");
  await page.getByLabel("Smallest award (£)", { exact: true }).fill("1,000");
  await page.getByLabel("Largest award (£)", { exact: true }).fill("20,000");
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.getByText("Round created as a draft")).toBeVisible();
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByText(/^Open since /)).toBeVisible();

  // Three grants; the second asks for more than the round allows first.
  const grants = [
    ["Winter warmth packs", "Ferguslie Community Larder", "12,345.67"],
    ["Hospital discharge befriending", "Active Communities (Scotland)", "8,000"],
    ["Carers winter breaks", "Renfrewshire Carers Centre", "15,000"],
  ] as const;
  for (const [project, recipient, amount] of grants) {
    await page.getByLabel("Project", { exact: true }).fill(project);
    await page.getByLabel("Recipient organisation", { exact: true }).selectOption({ label: recipient });
    await page.getByLabel("Funding round", { exact: true }).selectOption({ label: "Winter round" });
    await page.getByLabel("Amount awarded (£)", { exact: true }).fill(project === "Hospital discharge befriending" ? "25,000" : amount);
    await page.getByLabel("Payment 1 (£)", { exact: true }).fill(project === "Hospital discharge befriending" ? "25,000" : amount);
    await page.getByLabel("Payment 1 due on", { exact: true }).fill("2021-02-01");
    await page.getByRole("button", { name: "Award grant" }).click();
    if (project === "Hospital discharge befriending") {
      // Said at the top of the form, with a link to the field, and beside the field itself.
      const problem = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
      await expect(problem).toBeFocused();
      await problem.getByRole("link", { name: "Awards in this round are from £1,000.00 to £20,000.00." }).click();
      await expect(page.getByLabel("Amount awarded (£)", { exact: true })).toBeFocused();
      await expectAccessible(page);
      await page.getByLabel("Amount awarded (£)", { exact: true }).fill(amount);
      await page.getByLabel("Payment 1 (£)", { exact: true }).fill(amount);
      await page.getByRole("button", { name: "Award grant" }).click();
    }
    await expect(page.getByRole("link", { name: project }).first()).toBeVisible(); // in the awards table and the ledger
  }
  await expect(page.getByRole("definition").filter({ hasText: "£35,345.67" })).toBeVisible(); // committed
  await expect(page.getByRole("definition").filter({ hasText: "£14,654.33" })).toBeVisible(); // available

  // Pay the first grant, then return an underspend.
  await page.getByRole("region", { name: "Awards" }).getByRole("link", { name: "Winter warmth packs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Winter warmth packs" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Payment 1 paid on", { exact: true }).fill("2021-02-02");
  await page.getByLabel("Payment 1 reference", { exact: true }).fill("BACS-7781");
  await page.getByRole("button", { name: "Mark payment 1 paid" }).click();
  await expect(page.getByText("Paid on 2 Feb 2021, reference BACS-7781")).toBeVisible();
  const returnForm = page.locator("form").filter({ has: page.getByRole("heading", { name: "Return underspend" }) });
  await returnForm.getByLabel("Amount returned (£)", { exact: true }).fill("345.67");
  await returnForm.getByLabel("Reason", { exact: true }).fill("Packs cost less than quoted");
  // Wait for the return to be recorded before leaving the page (leaving would cancel it).
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/trpc/funding.") && response.request().method() === "POST"),
    returnForm.getByRole("button", { name: "Record return" }).click(),
  ]);
  await expect(page.getByRole("definition").filter({ hasText: "£12,000.00" }).first()).toBeVisible();

  await page.getByRole("link", { name: `Back to ${name}` }).click();
  await expect(page.getByRole("definition").filter({ hasText: "£35,000.00" })).toBeVisible(); // committed
  await expect(page.getByRole("definition").filter({ hasText: "£12,000.00" })).toBeVisible(); // paid
  await expect(page.getByRole("definition").filter({ hasText: "£15,000.00" })).toBeVisible(); // available

  // The CSVs and the ledger agree with the dashboard, to the penny.
  const fundId = page.url().split("/").at(-1)!;
  const [fund] = await query<{ committedPence: number; paidPence: number }>('SELECT "committedPence", "paidPence" FROM "Fund" WHERE id = $1', [fundId]);
  const [sums] = await query<{ committed: string; paid: string }>(
    'SELECT SUM("committedDelta") AS committed, SUM("paidDelta") AS paid FROM "LedgerEntry" WHERE "fundId" = $1',
    [fundId],
  );
  expect(fund).toEqual({ committedPence: 3_500_000, paidPence: 1_200_000 });
  expect([Number(sums!.committed), Number(sums!.paid)]).toEqual([3_500_000, 1_200_000]);

  const awardsCsv = await (await page.request.get(`/p/renfrewshire-spg/funding/${fundId}/awards.csv`)).text();
  expect(awardsCsv.startsWith("\uFEFF")).toBe(true);
  const awardRows = parseCsv(awardsCsv);
  const awardedColumn = awardRows[0]!.indexOf("Awarded (£)");
  const paidColumn = awardRows[0]!.indexOf("Paid (£)");
  const totalAwarded = awardRows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[awardedColumn]) * 100), 0);
  const totalPaid = awardRows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[paidColumn]) * 100), 0);
  expect([awardRows.length - 1, totalAwarded, totalPaid]).toEqual([3, 3_500_000, 1_200_000]);

  const ledgerRows = parseCsv(await (await page.request.get(`/p/renfrewshire-spg/funding/${fundId}/ledger.csv`)).text());
  // The same columns and words as the ledger on the fund page; no internal codes or keys.
  const onScreen = await page.getByRole("table", { name: "Ledger of this fund" }).getByRole("columnheader").allTextContents();
  expect(ledgerRows[0]).toEqual(onScreen);
  expect(ledgerRows[0]).not.toContain("Idempotency key");
  expect(ledgerRows.slice(1).map((row) => row[1])).toEqual(["Grant awarded", "Grant awarded", "Grant awarded", "Payment made", "Underspend returned"]);
  const committedColumn = ledgerRows[0]!.indexOf("Committed change (£)");
  expect(ledgerRows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[committedColumn]) * 100), 0)).toBe(3_500_000);
  expect(ledgerRows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  await page.goto("/p/renfrewshire-spg/funding/audit?action=award");
  const entries = page.getByRole("table", { name: "Audit log entries, newest first" });
  const returned = entries.getByRole("row").filter({ hasText: /returned £345.67 of underspend/ });
  await expect(returned.getByRole("rowheader")).toHaveText("Underspend returned");
  await expect(returned.getByRole("cell").last()).toHaveText("-£345.67");
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("award");
  await expectAccessible(page);
});

test("everyone in the partnership sees the published funded projects; members also see their own organisation's", async ({ page, signInAs }) => {
  await signInAs("morag.campbell@resident.example"); // an observer
  await page.goto("/p/renfrewshire-spg/funded-projects");
  await expect(page.getByRole("heading", { level: 1, name: "Funded projects" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("11 projects, £94,000.00 awarded.");
  await expect(page.getByRole("rowheader", { name: /Flexible short breaks for carers/ })).toBeVisible();
  await expectAccessible(page);
});

test("an officer of another partnership finds its money pages do not exist", async ({ page, signInAs }) => {
  await signInAs("sam.okafor@lch.example"); // officer in Leeds only
  const [fund] = await query<{ id: string }>(
    'SELECT f.id FROM "Fund" f JOIN "Partnership" p ON p.id = f."partnershipId" WHERE p.slug = $1 LIMIT 1',
    ["renfrewshire-spg"],
  );
  for (const path of ["/p/renfrewshire-spg/funding", `/p/renfrewshire-spg/funding/${fund!.id}`, "/p/renfrewshire-spg/funding/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("members who are not officers or chairs cannot see the money", async ({ page, signInAs }) => {
  await signInAs("kenny.doyle@ramh.example");
  const response = await page.goto("/p/renfrewshire-spg/funding");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Funding" })).toHaveCount(0);
  const [fund] = await query<{ id: string }>('SELECT id FROM "Fund" LIMIT 1');
  expect((await page.request.get(`/p/renfrewshire-spg/funding/${fund!.id}/ledger.csv`)).status()).toBe(404);
});
