import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { tableToCsv, tableToXlsx, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

async function sheetOf(table: SpreadsheetTable) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await tableToXlsx(table)).buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
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
});
