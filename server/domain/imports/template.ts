import { IMPORT_COLUMNS } from "@/lib/schemas/imports";
import type { SpreadsheetTable } from "@/server/domain/exports/spreadsheet";

/** The file officers fill in: the columns the import reads, and one example row. */
export function importTemplateTable(): SpreadsheetTable {
  return {
    sheetName: "People",
    columns: IMPORT_COLUMNS.map((column) => ({ header: column.header, kind: "text" as const, width: column.header === "Email" ? 30 : 22 })),
    rows: [["sam.jones@example.org", "Sam Jones", "Riverside Carers Centre", "Voluntary", "Charity", "Member", ""]],
  };
}
