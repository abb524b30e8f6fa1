import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetter, decodeText, parseCsvRecords, parseImportFile, zipUnpackedSize } from "@/server/domain/imports/parse-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("People");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function parsedRows(bytes: Uint8Array) {
  const parsed = await parseImportFile(bytes);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows;
}

async function fileMessage(bytes: Uint8Array) {
  const parsed = await parseImportFile(bytes);
  if (parsed.ok) throw new Error("the file was accepted");
  return parsed.message;
}

describe("reading CSV records", () => {
  it("keeps commas, quotes and line breaks inside quoted fields (RFC 4180)", () => {
    const text = 'Email,Name\r\n"a@example.org","Jones, Sam"\r\n"b@example.org","Line one\nline ""two"""\n';
    expect(parseCsvRecords(text)).toEqual({
      records: [
        ["Email", "Name"],
        ["a@example.org", "Jones, Sam"],
        ["b@example.org", 'Line one\nline "two"'],
      ],
    });
  });

  it("reads semicolon- and tab-separated files by their first line", () => {
    expect(parseCsvRecords("Email;Name\na@example.org;Sam")).toEqual({ records: [["Email", "Name"], ["a@example.org", "Sam"]] });
    expect(parseCsvRecords("Email\tName\ra@example.org\tSam")).toEqual({ records: [["Email", "Name"], ["a@example.org", "Sam"]] });
  });

  it("says which record holds a quote that is never closed", async () => {
    expect(parseCsvRecords('Email\n"a@example.org\n')).toEqual({ unclosedQuoteInRecord: 2 });
    expect(await fileMessage(utf8('Email,Name\na@example.org,Sam\n"b@example.org,Jo\n'))).toMatch(/row 3 is never closed/);
  });

  it("names spreadsheet columns by letter", () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "C", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("text encodings", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    expect(decodeText(utf8("Café"))).toBe("Café");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café")]))).toBe("Café");
  });

  it("reads UTF-16 little- and big-endian by their byte order marks", () => {
    const le = [0xff, 0xfe, ...[..."Café"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    const be = [0xfe, 0xff, ...[..."Café"].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])];
    expect(decodeText(new Uint8Array(le))).toBe("Café");
    expect(decodeText(new Uint8Array(be))).toBe("Café");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8 (Excel's plain CSV save)", () => {
    // "Café – €5" as Excel writes it on Windows.
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80, 0x35]))).toBe("Café – €5");
  });

  it("reads a whole Windows-1252 file into rows", async () => {
    const bytes = new Uint8Array([...utf8("Email,Organisation\r\nsam@example.org,Caf"), 0xe9, ...utf8(" Hub\r\n")]);
    const [row] = await parsedRows(bytes);
    expect(row?.organisation).toBe("Café Hub");
  });
});

describe("import file columns", () => {
  it("matches headers without regard to case, spaces or dashes, and joins first and last names", async () => {
    const rows = await parsedRows(utf8(" E-Mail Address ,First Name,SURNAME,Organization,sector,Org Type,Role,Locality\nsam@example.org,Sam,Jones,Acme,Voluntary,Charity,Observer,North\n"));
    expect(rows).toEqual([
      {
        row: 2,
        email: "sam@example.org",
        name: "Sam Jones",
        organisation: "Acme",
        sector: "Voluntary",
        organisationType: "Charity",
        role: "Observer",
        locality: "North",
        problems: [],
      },
    ]);
  });

  it("refuses a file without an email column, naming the columns found and expected", async () => {
    const message = await fileMessage(utf8("Full name,Org\nSam Jones,Acme\n"));
    expect(message).toContain('Columns found: "Full name", "Org"');
    expect(message).toContain("Columns expected: Email (required), Name");
  });

  it("skips blank rows but keeps the spreadsheet's row numbers", async () => {
    const rows = await parsedRows(utf8("Email,Name\na@example.org,A\n,\n\nb@example.org,B\n"));
    expect(rows.map((row) => [row.row, row.email])).toEqual([
      [2, "a@example.org"],
      [5, "b@example.org"],
    ]);
  });

  it("refuses an empty file and a file with only its header", async () => {
    expect(await fileMessage(new Uint8Array())).toMatch(/empty/);
    expect(await fileMessage(utf8("Email,Name\n"))).toMatch(/nobody in it/);
  });

  it("makes a CSV cell starting with = a problem of its row", async () => {
    const [row] = await parsedRows(utf8('Email,Name\nsam@example.org,"=HYPERLINK(""http://x"")"\n'));
    expect(row?.problems).toEqual(["Cell B2 holds a formula; paste its value instead."]);
  });
});

describe("import file limits", () => {
  it("refuses 10,000 rows, naming the limit", async () => {
    const lines = ["Email"];
    for (let i = 0; i < 10_000; i += 1) lines.push(`person${i}@example.org`);
    expect(await fileMessage(utf8(lines.join("\n")))).toBe(
      "The file has 10,000 rows; Tandem imports at most 5,000 people at a time. Split it into files of 5,000 rows or fewer.",
    );
  });

  it("accepts 5,000 rows", async () => {
    const lines = ["Email"];
    for (let i = 0; i < 5_000; i += 1) lines.push(`person${i}@example.org`);
    expect(await parsedRows(utf8(lines.join("\n")))).toHaveLength(5_000);
  });

  it("refuses a file over 2 MB", async () => {
    expect(await fileMessage(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41))).toMatch(/larger than 2 MB/);
  });
});

describe("Excel workbooks", () => {
  it("is told apart by content, and reads cells as text (hyperlinks, rich text, numbers)", async () => {
    const bytes = await xlsx([
      ["Email", "Name", "Organisation", "Sector"],
      [{ text: "sam@example.org", hyperlink: "mailto:sam@example.org" }, { richText: [{ text: "Sam " }, { text: "Jones" }] }, 1234, "Public"],
    ]);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const parsed = await parseImportFile(bytes);
    expect(parsed.ok && parsed.format).toBe("xlsx");
    expect(await parsedRows(bytes)).toEqual([
      { row: 2, email: "sam@example.org", name: "Sam Jones", organisation: "1234", sector: "Public", organisationType: "", role: "", locality: "", problems: [] },
    ]);
  });

  it("never evaluates a formula: its cell is a problem of the row, named by reference", async () => {
    const bytes = await xlsx([
      ["Email", "Name", "Organisation"],
      ["a@example.org", "A", "Acme"],
      ["b@example.org", "B", { formula: 'CONCAT("Ac","me")', result: "Acme" }],
    ]);
    const rows = await parsedRows(bytes);
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]).toMatchObject({ row: 3, organisation: "", problems: ["Cell C3 holds a formula; paste its value instead."] });
  });

  it("refuses a damaged workbook and an old .xls file with what to do", async () => {
    expect(await fileMessage(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(/could not be read as an Excel workbook/);
    expect(await fileMessage(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/older Excel file \(\.xls\)/);
  });

  it("reads how large a workbook unpacks to before unpacking it, and refuses a zip bomb", async () => {
    const bytes = await xlsx([["Email"], ["a@example.org"]]);
    const size = zipUnpackedSize(bytes);
    expect(size).toBeGreaterThan(bytes.byteLength);
    expect(size).toBeLessThan(100_000);
    // The same workbook claiming that one entry unpacks to 4 GB.
    const bomb = new Uint8Array(bytes);
    const view = new DataView(bomb.buffer);
    const end = bomb.byteLength - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const firstEntry = view.getUint32(end + 16, true);
    view.setUint32(firstEntry + 24, 0xfffffff0, true);
    expect(await fileMessage(bomb)).toMatch(/far more than 5,000 rows/);
  });

  it("refuses a workbook without an email column", async () => {
    expect(await fileMessage(await xlsx([["Name"], ["Sam"]]))).toContain('Columns found: "Name"');
  });
});

describe("the import templates", () => {
  it("are read back by the import itself, Excel and CSV alike, with every column recognised", async () => {
    const { importTemplateTable } = await import("@/server/domain/imports/template");
    const { tableToCsv, tableToXlsx } = await import("@/server/domain/exports/spreadsheet");
    const expected = {
      row: 2,
      email: "sam.jones@example.org",
      name: "Sam Jones",
      organisation: "Riverside Carers Centre",
      sector: "Voluntary",
      organisationType: "Charity",
      role: "Member",
      locality: "",
      problems: [],
    };
    expect(await parsedRows(await tableToXlsx(importTemplateTable()))).toEqual([expected]);
    expect(await parsedRows(utf8(tableToCsv(importTemplateTable())))).toEqual([expected]);
  });
});
