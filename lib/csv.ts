/**
 * CSV that opens cleanly in Excel and other spreadsheets: UTF-8 with a byte-order mark,
 * CRLF line ends, fields quoted when needed. A cell a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) is defused with a leading '.
 * Every export (funding, the public portfolio, reflections) writes through here.
 */

export type CsvValue = string | number | null | undefined;

const BOM = "\uFEFF";

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
