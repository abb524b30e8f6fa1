import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv, type CsvValue } from "@/lib/csv";
import { tableToCsv, tableToXlsx, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createOrganisationIn, createPartnership, createPerson } from "./support/factories";
import { questionsOf, reflectionWorld, runPulse, type ReflectionWorld } from "./support/reflections";

const database = withTestDatabase();

async function sheetOf(table: SpreadsheetTable) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await tableToXlsx(table)).buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/**
 * The workbook read back and written as CSV the way tableToCsv writes each kind (dates as ISO
 * days, date-times as UK wall-clock "YYYY-MM-DD HH:MM", pounds and scores as numbers): equal to
 * the CSV exactly when the two files hold the same rows.
 */
function sheetAsCsv(sheet: ExcelJS.Worksheet, table: SpreadsheetTable): string {
  const rows: CsvValue[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    rows.push(
      table.columns.map((column, index): CsvValue => {
        const value = sheet.getRow(r).getCell(index + 1).value;
        if (value === null || value === undefined) return null;
        if (value instanceof Date) return column.kind === "datetime" ? value.toISOString().slice(0, 16).replace("T", " ") : value.toISOString().slice(0, 10);
        if (typeof value === "number" || typeof value === "string") return value;
        throw new Error(`Unexpected cell ${JSON.stringify(value)} in ${column.header}`);
      }),
    );
  }
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  return toCsv(header, rows);
}

/** Every cell of the workbook has the type its column says: money and scores numbers, days dates, words text. */
function expectTypedCells(sheet: ExcelJS.Worksheet, table: SpreadsheetTable) {
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, index) => {
      const value = row[index];
      if (value === null || value === undefined) return;
      const cell = sheet.getRow(r + 2).getCell(index + 1);
      const expected =
        column.kind === "date" || column.kind === "datetime"
          ? ExcelJS.ValueType.Date
          : column.kind === "text"
            ? ExcelJS.ValueType.String
            : ExcelJS.ValueType.Number;
      expect(cell.type, `${column.header}, row ${r + 1}`).toBe(expected);
    });
  });
}

describe("spreadsheet exports", () => {
  it("gives the fund's awards and ledger as .xlsx with the same rows as the CSV, money as pounds and dates as dates", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { actor } = await createPerson(db, { name: "Fiona Officer" });
    await addMember(db, partnership.id, actor.userId, "OFFICER");
    const { actor: member } = await createPerson(db, { name: "Kenny Member" });
    await addMember(db, partnership.id, member.userId, "MEMBER");
    const api = callerFor(db, actor);
    const fund = await api.funding.createFund({
      partnershipSlug: partnership.slug,
      name: "Partnership fund",
      source: "HSCP",
      financialYear: "2020/21",
      totalPence: 10_000_000,
    });
    const award = await api.funding.awardGrant({
      fundId: fund.id,
      roundId: null,
      priorityAreaId: null,
      projectName: "Carers' cafe",
      recipientName: '=HYPERLINK("http://evil")',
      amountPence: 1_234_567,
      tranches: [{ amountPence: 1_234_567, dueOn: new Date("2021-04-01") }],
      idempotencyKey: randomUUID(),
    });
    expect(award.id).toBeTruthy();

    for (const [load, csvLoad] of [
      [() => api.funding.exportAwardsTable({ fundId: fund.id }), () => api.funding.exportAwards({ fundId: fund.id })],
      [() => api.funding.exportLedgerTable({ fundId: fund.id }), () => api.funding.exportLedger({ fundId: fund.id })],
    ] as const) {
      const table = await load();
      expect(tableToCsv(table)).toBe(await csvLoad());
      const sheet = await sheetOf(table);
      expect(sheet.rowCount).toBe(1 + table.rows.length);
      expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((column) => column.header)]);
      table.columns.forEach((column, index) => {
        const cell = sheet.getRow(2).getCell(index + 1);
        const value = table.rows[0]![index];
        if (column.kind === "money") {
          expect(cell.type).toBe(ExcelJS.ValueType.Number);
          expect(Math.round((cell.value as number) * 100)).toBe(value);
        }
        if ((column.kind === "date" || column.kind === "datetime") && value) expect(cell.type).toBe(ExcelJS.ValueType.Date);
        if (column.kind === "text" && typeof value === "string") {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(value);
        }
      });
    }

    const refused = await callerFor(db, member).funding.exportLedgerTable({ fundId: fund.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
  });

  describe("of a partnership's reflections, audit log and members", () => {
    let w: ReflectionWorld;
    beforeAll(async () => {
      w = await reflectionWorld(database.db);
    });

    it("gives a reflection's answers with scale answers as numbers and the day as a date, the same rows as the CSV", async () => {
      const { lena, mo, nia } = w.people;
      const run = await runPulse(w, "NAMED");
      const questions = await questionsOf(database.db, run.id);
      const answer = (score: number) =>
        questions.map((question) => (question.kind === "SCALE" ? { questionId: question.id, score } : { questionId: question.id, text: "=1+1 honestly" }));
      await w.api(mo).reflection.respond({ surveyId: run.id, answers: answer(4) });
      await w.api(nia).reflection.respond({ surveyId: run.id, answers: answer(2) });

      const { filename, table } = await w.api(lena).reflection.exportTable({ surveyId: run.id });
      const csv = await w.api(lena).reflection.exportCsv({ surveyId: run.id });
      expect(filename).toBe(csv.filename.replace(/\.csv$/, ".xlsx"));
      expect(tableToCsv(table)).toBe(csv.csv);
      expect(table.rows).toHaveLength(2);
      const sheet = await sheetOf(table);
      expect(sheetAsCsv(sheet, table)).toBe(csv.csv);
      expectTypedCells(sheet, table);
      const scale = table.columns.findIndex((column) => column.kind === "number" && column.header.startsWith("Q"));
      expect(scale).toBeGreaterThan(0);
      expect([sheet.getRow(2).getCell(scale + 1).value, sheet.getRow(3).getCell(scale + 1).value].sort()).toEqual([2, 4]);
      const text = table.columns.findIndex((column) => column.kind === "text" && column.header.startsWith("Q"));
      expect(sheet.getRow(2).getCell(text + 1).value).toBe("=1+1 honestly");
      expect(sheet.getRow(2).getCell(text + 1).formula).toBeUndefined();

      await expectFailure(w.api(mo).reflection.exportTable({ surveyId: run.id }), "FORBIDDEN");
    });

    it("gives the audit log in the page's words, times as dates and amounts as pounds, the same rows as the CSV", async () => {
      const { fiona, lena } = w.people;
      const table = await w.api(fiona).funding.exportAuditLogTable({ partnershipSlug: w.slug });
      const page = await w.api(fiona).funding.auditLog({ partnershipSlug: w.slug });
      expect(table.rows.length).toBe(page.total);
      expect(table.rows.length).toBeGreaterThan(0);
      const created = table.rows.find((row) => row[1] === "Fund created");
      expect(created).toBeDefined();
      expect(created![2]).toBe('Created fund "Fund"');
      expect(created![3]).toBe(fiona.name);
      expect(created![4]).toBe(100_000);
      const sheet = await sheetOf(table);
      expect(sheetAsCsv(sheet, table)).toBe(tableToCsv(table));
      expectTypedCells(sheet, table);
      const row = table.rows.indexOf(created!) + 2;
      expect(sheet.getRow(row).getCell(5).value).toBe(1000);
      expect(sheet.getRow(row).getCell(5).numFmt).toContain("£");

      const filtered = await w.api(fiona).funding.exportAuditLogTable({ partnershipSlug: w.slug, action: "fund.", to: new Date("2000-01-01") });
      expect(filtered.rows).toEqual([]);
      await expectFailure(w.api(lena).funding.exportAuditLogTable({ partnershipSlug: w.slug }), "FORBIDDEN");
    });

    it("gives the member list with organisation, sector, role, locality and the day each joined, the same rows as the CSV", async () => {
      const { fiona, lena } = w.people;
      const partnership = await database.db.partnership.findUniqueOrThrow({ where: { slug: w.slug }, select: { id: true } });
      const locality = await database.db.locality.create({ data: { partnershipId: partnership.id, name: "Paisley" } });
      const organisation = await createOrganisationIn(database.db, partnership.id, { name: "Paisley Carers", sector: "VOLUNTARY", localityId: locality.id });
      const { actor: worker } = await createPerson(database.db, { name: "Wendy Worker", organisationId: organisation.id });
      await addMember(database.db, partnership.id, worker.userId, "CHAIR");

      const table = await w.api(fiona).membership.exportTable({ partnershipSlug: w.slug });
      const listed = await w.api(fiona).membership.list({ partnershipSlug: w.slug });
      expect(table.rows.map((row) => row[1])).toEqual(listed.members.map((member) => member.email));
      expect(table.rows.find((row) => row[0] === "Wendy Worker")?.slice(1, 6)).toEqual([
        worker.email,
        "Paisley Carers",
        "Voluntary / third sector",
        "Chair",
        "Paisley",
      ]);
      expect(table.rows.find((row) => row[0] === fiona.name)?.[4]).toBe("Officer");
      const sheet = await sheetOf(table);
      expect(sheetAsCsv(sheet, table)).toBe(tableToCsv(table));
      expectTypedCells(sheet, table);
      expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);

      await expectFailure(w.api(lena).membership.exportTable({ partnershipSlug: w.slug }), "FORBIDDEN");
      await expectFailure(w.api(worker).membership.exportTable({ partnershipSlug: w.slug }), "FORBIDDEN");
    });
  });
});
