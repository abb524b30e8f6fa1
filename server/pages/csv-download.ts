import "server-only";
import { TRPCError } from "@trpc/server";
import { tableToXlsx, XLSX_CONTENT_TYPE, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";

/**
 * How every CSV route answers: the file as an attachment for Excel, or, when the API refuses
 * to show it, a plain answer instead of an error page. What the viewer may not see is "not
 * found" for them, as on the pages (see loadOr404); a route may say more for some refusals.
 */

type Refusal = { status: number; message: string };
const NOT_FOUND: Refusal = { status: 404, message: "Not found" };
const UNSEEN = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"]);

type Options = { refusals?: Partial<Record<TRPCError["code"], Refusal>> };

export async function csvDownload(load: () => Promise<{ filename: string; csv: string }>, options: Options = {}): Promise<Response> {
  return download(async () => {
    const { filename, csv } = await load();
    return { filename, body: csv, contentType: "text/csv; charset=utf-8" };
  }, options);
}

/** The same export as an Excel workbook, with typed cells (see server/domain/exports/spreadsheet.ts). */
export async function xlsxDownload(load: () => Promise<{ filename: string; table: SpreadsheetTable }>, options: Options = {}): Promise<Response> {
  return download(async () => {
    const { filename, table } = await load();
    return { filename, body: await tableToXlsx(table), contentType: XLSX_CONTENT_TYPE };
  }, options);
}

async function download(
  load: () => Promise<{ filename: string; body: string | Uint8Array<ArrayBuffer>; contentType: string }>,
  options: Options,
): Promise<Response> {
  try {
    const { filename, body, contentType } = await load();
    return new Response(body, {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      const refusal = options.refusals?.[error.code] ?? (UNSEEN.has(error.code) ? NOT_FOUND : null);
      if (refusal) return new Response(refusal.message, { status: refusal.status });
    }
    throw error;
  }
}
