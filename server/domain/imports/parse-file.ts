import ExcelJS from "exceljs";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "@/lib/schemas/imports";

/**
 * Reading an import file (CSV or Excel .xlsx) into rows of text, without touching the
 * database. What is wrong with the file as a whole (too big, no email column, unreadable)
 * is one message; what is wrong with a cell (a formula) is a problem of its row, so the
 * officer sees every row's problems before anything is sent.
 */

export type ImportColumn = "email" | "name" | "firstName" | "lastName" | "organisation" | "sector" | "organisationType" | "role" | "locality";

/** One row of the file: its number as a spreadsheet shows it (the header is row 1). */
export type RawImportRow = {
  row: number;
  email: string;
  name: string;
  organisation: string;
  sector: string;
  organisationType: string;
  role: string;
  locality: string;
  problems: string[];
};

export type ParsedImportFile =
  | { ok: true; format: "csv" | "xlsx"; columns: string[]; rows: RawImportRow[] }
  | { ok: false; message: string };

/** Header spellings, compared without case, spaces or punctuation ("E-mail address" is "emailaddress"). */
const HEADER_ALIASES: Record<string, ImportColumn> = {
  email: "email",
  emailaddress: "email",
  mail: "email",
  name: "name",
  fullname: "name",
  firstname: "firstName",
  forename: "firstName",
  givenname: "firstName",
  lastname: "lastName",
  surname: "lastName",
  familyname: "lastName",
  organisation: "organisation",
  organization: "organisation",
  org: "organisation",
  organisationname: "organisation",
  organizationname: "organisation",
  sector: "sector",
  organisationtype: "organisationType",
  organizationtype: "organisationType",
  orgtype: "organisationType",
  type: "organisationType",
  role: "role",
  locality: "locality",
};

export const EXPECTED_COLUMNS = "Email (required), Name (or First name and Last name), Organisation, Sector, Organisation type, Role, Locality";

const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const formatCount = (count: number) => count.toLocaleString("en-GB");

/** A spreadsheet's column letter: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const formulaProblem = (cell: string) => `Cell ${cell} holds a formula; paste its value instead.`;

// --- text encodings --------------------------------------------------------------------

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of the range is Latin-1). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/**
 * A text file's characters: UTF-8 (with or without a byte order mark), UTF-16 little- or
 * big-endian by its byte order mark (Excel's "Unicode text"), and otherwise Windows-1252,
 * which is what Excel's plain "CSV" save writes on Windows ("Café" as 43 61 66 E9).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - ((bytes.length - 2) % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3]!;
      swapped[i + 1] = bytes[i + 2]!;
    }
    return new TextDecoder("utf-16le").decode(swapped);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// --- CSV -------------------------------------------------------------------------------

/** The delimiter of the first line: a comma, or a semicolon or tab when those are what it holds. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ",";
}

/**
 * RFC 4180 records: fields in double quotes may hold the delimiter, line breaks and "" for
 * a quote. Lines end in CRLF, LF or CR. Null when a quoted field is never closed.
 */
export function parseCsvRecords(text: string, delimiter = detectDelimiter(text)): { records: string[][] } | { unclosedQuoteInRecord: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === "\r" || char === "\n") {
      endRecord();
      if (char === "\r" && text[i + 1] === "\n") i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (quoted) return { unclosedQuoteInRecord: records.length + 1 };
  if (field !== "" || record.length > 0) endRecord();
  return { records };
}

// --- Excel -----------------------------------------------------------------------------

type CellText = { text: string; formula: boolean };

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((part) => part.text).join("");
}

/** A cell's value as text; a formula is reported, never evaluated or trusted for its cached result. */
function excelCellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (typeof value === "string") return { text: value, formula: false };
  if (typeof value === "number") return { text: String(value), formula: false };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if ("formula" in value || "sharedFormula" in value) return { text: "", formula: true };
  if ("richText" in value) return { text: richText(value), formula: false };
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    if (typeof text === "string") return { text, formula: false };
    if (text && typeof text === "object" && "richText" in text) return { text: richText(text as { richText: { text: string }[] }), formula: false };
    return { text: value.hyperlink.replace(/^mailto:/i, ""), formula: false };
  }
  if ("error" in value) return { text: String(value.error), formula: false };
  return { text: "", formula: false };
}

type Grid = { cells: (row: number, column: number) => CellText; header: string[]; rowNumbers: number[] };

/** What an .xlsx may unpack to: a 5,000-row sheet is a few megabytes; far more is a "zip bomb". */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * The total size of a zip file's entries once unpacked, from its central directory, read
 * before anything is unpacked; null when the directory cannot be read (or uses ZIP64, which
 * no 2 MB workbook needs).
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 22 - 65_535); end -= 1) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    let total = 0;
    for (let entry = 0; entry < entries; entry += 1) {
      if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
      const unpacked = view.getUint32(offset + 24, true);
      if (unpacked === 0xffffffff) return null;
      total += unpacked;
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}

async function readWorkbook(bytes: Uint8Array): Promise<Grid | { message: string }> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) {
    return { message: "This file could not be read as an Excel workbook (.xlsx). Open it in Excel and save it again, or save it as CSV." };
  }
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    return { message: "This workbook holds far more than 5,000 rows of people once opened. Save just the sheet of people as a new workbook or as CSV, and upload that." };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { message: "This file could not be read as an Excel workbook (.xlsx). Open it in Excel and save it again, or save it as CSV." };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { message: "The workbook's first sheet is empty: put the header row and one row per person on it." };
  const columnCount = sheet.getRow(1).cellCount;
  const header: string[] = [];
  for (let column = 1; column <= columnCount; column += 1) header.push(excelCellText(sheet.getRow(1).getCell(column).value).text);
  const rowNumbers: number[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) rowNumbers.push(row);
  return {
    header,
    rowNumbers,
    cells: (row, column) => excelCellText(sheet.getRow(row).getCell(column + 1).value),
  };
}

function csvGrid(bytes: Uint8Array): Grid | { message: string } {
  const parsed = parseCsvRecords(decodeText(bytes));
  if ("unclosedQuoteInRecord" in parsed) {
    return { message: `A quotation mark in row ${parsed.unclosedQuoteInRecord} is never closed, so the rest of the file cannot be read. Check that row in the file.` };
  }
  const [header = [], ...rest] = parsed.records;
  return {
    header,
    rowNumbers: rest.map((_, index) => index + 2),
    cells: (row, column) => {
      const text = parsed.records[row - 1]?.[column] ?? "";
      // A CSV holds values only: text starting with "=" was meant to be run as a formula.
      return { text, formula: text.trimStart().startsWith("=") };
    },
  };
}

// --- the file --------------------------------------------------------------------------

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOldExcel = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Reads an import file, told apart by its content (an .xlsx is a zip file), never by its name. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedImportFile> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, message: "The file is larger than 2 MB. Split it into smaller files, or remove columns Tandem does not use." };
  }
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty. Choose a CSV or Excel file with a header row and one row per person." };
  if (isOldExcel(bytes)) {
    return { ok: false, message: "This is an older Excel file (.xls). Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV." };
  }
  const format = isZip(bytes) ? "xlsx" : "csv";
  const grid = format === "xlsx" ? await readWorkbook(bytes) : csvGrid(bytes);
  if ("message" in grid) return { ok: false, message: grid.message };

  const columns = grid.header.map((header) => header.trim());
  const positions = new Map<ImportColumn, number>();
  columns.forEach((header, index) => {
    const column = HEADER_ALIASES[normaliseHeader(header)];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  if (!positions.has("email")) {
    const found = columns.filter(Boolean);
    return {
      ok: false,
      message: `The file has no Email column, so nobody can be invited. Its first row should name the columns. Columns found: ${
        found.length ? found.map((name) => `"${name}"`).join(", ") : "none"
      }. Columns expected: ${EXPECTED_COLUMNS}.`,
    };
  }

  const rows: RawImportRow[] = [];
  for (const row of grid.rowNumbers) {
    const problems: string[] = [];
    const value = (column: ImportColumn): string => {
      const index = positions.get(column);
      if (index === undefined) return "";
      const cell = grid.cells(row, index);
      if (cell.formula) problems.push(formulaProblem(`${columnLetter(index)}${row}`));
      return cell.text.replace(/\s+/g, " ").trim();
    };
    const values = {
      email: value("email"),
      name: value("name"),
      firstName: value("firstName"),
      lastName: value("lastName"),
      organisation: value("organisation"),
      sector: value("sector"),
      organisationType: value("organisationType"),
      role: value("role"),
      locality: value("locality"),
    };
    const blank = Object.values(values).every((text) => text === "") && problems.length === 0;
    if (blank) continue;
    if (rows.length === MAX_IMPORT_ROWS) {
      const total = grid.rowNumbers.length;
      return {
        ok: false,
        message: `The file has ${formatCount(total)} rows; Tandem imports at most ${formatCount(MAX_IMPORT_ROWS)} people at a time. Split it into files of ${formatCount(MAX_IMPORT_ROWS)} rows or fewer.`,
      };
    }
    rows.push({
      row,
      email: values.email,
      name: values.name || [values.firstName, values.lastName].filter(Boolean).join(" "),
      organisation: values.organisation,
      sector: values.sector,
      organisationType: values.organisationType,
      role: values.role,
      locality: values.locality,
      problems,
    });
  }
  if (rows.length === 0) return { ok: false, message: "The file has a header row but nobody in it. Add one row per person under the header." };
  return { ok: true, format, columns, rows };
}
