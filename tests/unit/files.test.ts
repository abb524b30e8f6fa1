import { describe, expect, it } from "vitest";
import { detectFileKind, TextChecker } from "@/server/domain/files/detect";
import { cleanFileName, contentDisposition, withExtension } from "@/server/domain/files/names";
import { rechunk } from "@/server/domain/files/store";
import { readLimited, UploadRefused } from "@/server/domain/files/upload";
import { parseEnv } from "@/server/env";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("cleaning a file name", () => {
  it("keeps only the last part of a path", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\ann\\Documents\\accounts 2025.xlsx")).toBe("accounts 2025.xlsx");
  });
  it("removes control characters and bidirectional overrides that disguise an extension", () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("line\r\nbreak\u0000.pdf")).toBe("linebreak.pdf");
    expect(cleanFileName("zero\u200Bwidth\u2066.pdf")).toBe("zerowidth.pdf");
  });
  it("replaces characters that quote headers or are reserved, and trims dots and spaces", () => {
    expect(cleanFileName('  ..hidden "quoted" <a|b>?.txt  ')).toBe("hidden _quoted_ _a_b__.txt");
    expect(cleanFileName("...")).toBe("file");
    expect(cleanFileName("", "pdf")).toBe("file.pdf");
  });
  it("shortens a long name to 200 characters, keeping the extension", () => {
    const cleaned = cleanFileName(`${"a".repeat(300)}.docx`);
    expect(cleaned).toHaveLength(200);
    expect(cleaned.endsWith(".docx")).toBe(true);
  });
  it("gives the extension of the content", () => {
    expect(withExtension("photo.png", "jpg", ["jpeg"])).toBe("photo.jpg");
    expect(withExtension("photo.JPEG", "jpg", ["jpeg"])).toBe("photo.JPEG");
    expect(withExtension("minutes", "pdf")).toBe("minutes.pdf");
  });
  it("writes a Content-Disposition header that cannot be broken out of", () => {
    expect(contentDisposition("attachment", "Café plan.pdf")).toBe(`attachment; filename="Caf_ plan.pdf"; filename*=UTF-8''Caf%C3%A9%20plan.pdf`);
    expect(contentDisposition("inline", "a%b.pdf")).toBe(`inline; filename="a_b.pdf"; filename*=UTF-8''a%25b.pdf`);
  });
});

describe("deciding a file's kind from its content", () => {
  it("recognises a PDF and an image whatever they are called", async () => {
    expect(await detectFileKind(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "notes.txt", false)).toEqual({ mimeType: "application/pdf", extension: "pdf" });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Uint8Array(20)]);
    expect((await detectFileKind(png, "photo.pdf", true))?.mimeType).toBe("image/png");
  });
  it("refuses programs, archives and anything unknown, even named as documents", async () => {
    expect(await detectFileKind(Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), "report.pdf", true)).toBeNull();
    expect(await detectFileKind(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "report.docx", true)).toBeNull();
    expect(await detectFileKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(100)]), "report.docx", true)).toBeNull();
    expect(await detectFileKind(new Uint8Array(0), "empty.txt", true)).toBeNull();
  });
  it("takes UTF-8 without control characters as text, and CSV by its name", async () => {
    expect((await detectFileKind(bytes("name,date\nAnn,2026-01-01\n"), "attendance.csv", true))?.mimeType).toBe("text/csv");
    expect((await detectFileKind(bytes("Meeting notes\tWednesday\r\n"), "notes", true))?.mimeType).toBe("text/plain");
    expect(await detectFileKind(bytes("text\u0000with a NUL"), "notes.txt", true)).toBeNull();
    expect(await detectFileKind(Uint8Array.from([0x61, 0xff, 0xfe, 0x62]), "notes.txt", true)).toBeNull();
  });
  it("checks text across chunks, a character split between two of them included", () => {
    const euro = bytes("€");
    const checker = new TextChecker();
    expect(checker.accepts(euro.subarray(0, 1), true)).toBe(true);
    expect(checker.accepts(euro.subarray(1), true)).toBe(true);
    expect(checker.accepts(new Uint8Array(0), false)).toBe(true);
    const truncated = new TextChecker();
    expect(truncated.accepts(euro.subarray(0, 2), true)).toBe(true);
    expect(truncated.accepts(new Uint8Array(0), false)).toBe(false);
  });
});

describe("limits", () => {
  it("refuses as soon as the limit is passed and reads no further", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => { pulls += 1; controller.enqueue(new Uint8Array(1000)); } }, { highWaterMark: 0 });
    const read: number[] = [];
    const attempt = (async () => {
      for await (const chunk of readLimited(body, 2500)) read.push(chunk.byteLength);
    })();
    await expect(attempt).rejects.toBeInstanceOf(UploadRefused);
    await expect(attempt).rejects.toMatchObject({ status: 413 });
    expect(read).toEqual([1000, 1000]);
    expect(pulls).toBe(3);
  });
  it("lets a file of exactly the limit through", async () => {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => { controller.enqueue(new Uint8Array(2500)); controller.close(); } });
    let total = 0;
    for await (const chunk of readLimited(body, 2500)) total += chunk.byteLength;
    expect(total).toBe(2500);
  });
  it("regroups a stream into fixed-size chunks for the database", async () => {
    async function* pieces() {
      yield new Uint8Array(700);
      yield new Uint8Array(700);
      yield new Uint8Array(100);
    }
    const sizes: number[] = [];
    for await (const chunk of rechunk(pieces(), 512)) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([512, 512, 476]);
  });
  it("reads the limits from the environment: 20 MB per file and 2 GB per partnership unless set", () => {
    const env = parseEnv({ NODE_ENV: "test" });
    expect(env.TANDEM_UPLOAD_MAX_BYTES).toBe(20_000_000);
    expect(env.TANDEM_PARTNERSHIP_STORAGE_BYTES).toBe(2_000_000_000);
    expect(env.TANDEM_FILE_STORAGE).toBe("postgres");
    expect(() => parseEnv({ NODE_ENV: "test", TANDEM_FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET is required when TANDEM_FILE_STORAGE is s3/);
    expect(() => parseEnv({ NODE_ENV: "test", TANDEM_FILE_STORAGE: "ftp" })).toThrow(/TANDEM_FILE_STORAGE must be postgres or s3/);
  });
});
