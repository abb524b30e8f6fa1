import ExcelJS from "exceljs";
import { toCsv, type CsvValue } from "@/lib/csv";
import { penceToDecimalString } from "@/lib/money";
import { ukDay, ukTimeInput, ukWallClock } from "@/lib/uk-time";

/**
 * One description of an export, written both as CSV and as an Excel workbook, so the two files
 * always carry the same columns and rows. Each column says what kind of value it holds:
 * - text: words (a cell starting with = + - @ stays text in both files, never a formula);
 * - money: whole pence, written as pounds (a number in the CSV, a £ number cell in Excel);
 * - date: a day (an instant or a stored DATE), as an ISO day in the CSV, an Excel date in Excel;
 * - datetime: an instant in UK time ("2026-03-12 08:30" in the CSV, an Excel date and time);
 * - number: a count or a score;
 * - percent: a whole percentage (25 means 25%), a number in the CSV, a % cell in Excel.
 */

export type ColumnKind = "text" | "money" | "date" | "datetime" | "number" | "percent";
export type SpreadsheetColumn = { header: string; kind: ColumnKind; width?: number };
export type SpreadsheetCell = string | number | Date | null | undefined;
export type SpreadsheetTable = {
  /** What the sheet holds, e.g. "Ledger" (Excel allows 31 characters, no : \ / ? * [ ]). */
  sheetName: string;
  columns: readonly SpreadsheetColumn[];
  rows: readonly (readonly SpreadsheetCell[])[];
};

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const MONEY_FORMAT = '"£"#,##0.00';
export const DATE_FORMAT = "dd/mm/yyyy";
export const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";
export const PERCENT_FORMAT = '0"%"';

function csvValue(kind: ColumnKind, value: SpreadsheetCell): CsvValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return kind === "datetime" ? `${ukDay(value)} ${ukTimeInput(value)}` : ukDay(value);
  if (kind === "money" && typeof value === "number") return Number(penceToDecimalString(value));
  return value;
}

/** The table as CSV (through lib/csv.ts, which defuses formula-looking text). */
export function tableToCsv(table: SpreadsheetTable): string {
  return toCsv(
    table.columns.map((column) => column.header),
    table.rows.map((row) => table.columns.map((column, index) => csvValue(column.kind, row[index]))),
  );
}

/** Excel has no time zones: a date cell holds the wall clock, so write the UK one. */
function excelDate(kind: ColumnKind, instant: Date): Date {
  const wall = ukWallClock(instant);
  return kind === "datetime"
    ? new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second))
    : new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
}

function excelValue(kind: ColumnKind, value: SpreadsheetCell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return excelDate(kind, value);
  if (typeof value === "number") {
    // Whole pence to pounds through the Money module's exact decimal string, never float arithmetic.
    return kind === "money" ? Number(penceToDecimalString(value)) : value;
  }
  return value; // plain strings are always written as text, never as formulas
}

const FORMATS: Partial<Record<ColumnKind, string>> = {
  money: MONEY_FORMAT,
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  percent: PERCENT_FORMAT,
};

const MIN_WIDTH: Record<ColumnKind, number> = { text: 10, money: 12, date: 12, datetime: 17, number: 8, percent: 8 };

function widthOf(column: SpreadsheetColumn, rows: SpreadsheetTable["rows"], index: number): number {
  if (column.width) return column.width;
  let longest = column.header.length;
  for (const row of rows) {
    const value = row[index];
    if (typeof value === "string") longest = Math.max(longest, value.length);
  }
  return Math.min(60, Math.max(MIN_WIDTH[column.kind], longest + 2));
}

/** A safe sheet name: without the characters Excel refuses, at most 31 characters. */
export function sheetNameOf(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31);
  return cleaned || "Sheet 1";
}

/** The table as an .xlsx workbook: bold, frozen header row, typed cells, sensible widths. */
export async function tableToXlsx(table: SpreadsheetTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tandem";
  const sheet = workbook.addWorksheet(sheetNameOf(table.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    key: `c${index}`,
    width: widthOf(column, table.rows, index),
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column, index) => excelValue(column.kind, row[index])));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
