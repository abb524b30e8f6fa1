import { importTemplateTable } from "@/server/domain/imports/template";
import { xlsxDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The import template as an Excel workbook: the same columns as the CSV one. It holds no partnership's data. */
export async function GET() {
  return xlsxDownload(async () => ({ filename: "tandem-people-import.xlsx", table: importTemplateTable() }));
}
