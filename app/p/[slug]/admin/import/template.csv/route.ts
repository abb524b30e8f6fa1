import { tableToCsv } from "@/server/domain/exports/spreadsheet";
import { importTemplateTable } from "@/server/domain/imports/template";
import { csvDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The import template as CSV: the same columns as the Excel one. It holds no partnership's data. */
export async function GET() {
  return csvDownload(async () => ({ filename: "tandem-people-import.csv", csv: tableToCsv(importTemplateTable()) }));
}
