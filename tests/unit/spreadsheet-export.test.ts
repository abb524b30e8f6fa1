import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MONEY_FORMAT, tableToCsv, tableToXlsx, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";

const table: SpreadsheetTable = {
  sheetName: "Ledger",
  columns: [
    { header: "When", kind: "datetime" },
    { header: "On", kind: "date" },
    { header: "Reason", kind: "text" },
    { header: "Amount (£)", kind: "money" },
    { header: "Count", kind: "number" },
    { header: "Rate", kind: "percent" },
  ],
  rows: [[new Date("2026-07-01T07:30:00Z"), new Date("2026-03-12T00:00:00Z"), "=SUM(A1:A2)", 123456, 3, 25]],
};

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook.getWorksheet("Ledger")!;
}

describe("spreadsheet exports", () => {
  it("writes the same columns to CSV with formula-looking text defused", () => {
    expect(tableToCsv(table)).toBe("\uFEFFWhen,On,Reason,Amount (£),Count,Rate\r\n2026-07-01 08:30,2026-03-12,'=SUM(A1:A2),1234.56,3,25\r\n");
  });

  it("writes typed cells to the workbook: UK times as dates, pounds as numbers, text as text", async () => {
    const sheet = await readBack(await tableToXlsx(table));
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe("When");
    expect(header.font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const row = sheet.getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(1).value as Date).toISOString()).toBe("2026-07-01T08:30:00.000Z"); // UK summer time wall clock
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(2).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe("=SUM(A1:A2)");
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(4).value).toBe(1234.56);
    expect(row.getCell(4).numFmt).toBe(MONEY_FORMAT);
    expect(row.getCell(5).value).toBe(3);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(10);
  });
});
