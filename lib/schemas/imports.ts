import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id, singleLine } from "./text";

/** The largest spreadsheet an officer may upload: 2 MB. */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;
/** The most people one file may hold (rows after the header). */
export const MAX_IMPORT_ROWS = 5_000;

/** The columns an import file may have, as the page explains them and the templates head them. */
export const IMPORT_COLUMNS = [
  { header: "Email", required: true, explains: "The address the invitation is sent to. Required." },
  { header: "Name", required: false, explains: "The person's full name (or two columns, First name and Last name)." },
  { header: "Organisation", required: false, explains: "Where they work. A new organisation is added to Tandem when the row also gives its sector." },
  { header: "Sector", required: false, explains: "Voluntary, Public, Private or Community: needed for an organisation that is new to Tandem." },
  { header: "Organisation type", required: false, explains: "For a new organisation, e.g. Charity, NHS body, Council (Other when left empty)." },
  { header: "Role", required: false, explains: "Member or Observer (Member when left empty). Officers and chairs are invited one by one." },
  { header: "Locality", required: false, explains: "One of the partnership's localities, for a new organisation." },
] as const;

/**
 * The file as the upload route read it, passed to the API as base64 so the same procedure
 * (and policy) serves the route handler and any other caller.
 */
export const uploadImportInput = z.object({
  partnershipSlug,
  fileName: singleLine().min(1, "Choose a file").max(200, "That file name is too long"),
  contentBase64: z.string().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 8, "The file is larger than 2 MB"),
});
export type UploadImportInput = z.infer<typeof uploadImportInput>;

export const importBatchInput = z.object({ partnershipSlug, batchId: id });

export const confirmImportInput = importBatchInput.extend({
  /** The officer's explicit choice to leave out the rows with problems. */
  skipRowsWithProblems: z.boolean().default(false),
});
export type ConfirmImportInput = z.infer<typeof confirmImportInput>;
