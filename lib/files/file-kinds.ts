/**
 * The kinds of file Tandem accepts, shared by the uploader (its hint and `accept`) and the
 * server (which decides the kind from the content, never from the name).
 */
export const ACCEPTED_FILE_KINDS = [
  { mimeType: "application/pdf", extension: "pdf", label: "PDF" },
  { mimeType: "image/png", extension: "png", label: "PNG image" },
  { mimeType: "image/jpeg", extension: "jpg", label: "JPEG image" },
  { mimeType: "image/webp", extension: "webp", label: "WebP image" },
  { mimeType: "image/gif", extension: "gif", label: "GIF image" },
  { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", label: "Word document" },
  { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", label: "Excel spreadsheet" },
  { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx", label: "PowerPoint presentation" },
  { mimeType: "application/vnd.oasis.opendocument.text", extension: "odt", label: "OpenDocument text" },
  { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods", label: "OpenDocument spreadsheet" },
  { mimeType: "text/csv", extension: "csv", label: "CSV file" },
  { mimeType: "text/plain", extension: "txt", label: "Text file" },
] as const;

export type AcceptedMimeType = (typeof ACCEPTED_FILE_KINDS)[number]["mimeType"];

/** What the uploader's hint says: "PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, WebP, GIF), CSV or text". */
export const ACCEPTED_FILE_KINDS_IN_WORDS = "PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, WebP, GIF), CSV or plain text";

/** The file picker's `accept`: a hint to the browser only. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_FILE_KINDS.map((kind) => `.${kind.extension}`).concat(".jpeg", ".text").join(",");

export function fileKindLabel(mimeType: string): string {
  return ACCEPTED_FILE_KINDS.find((kind) => kind.mimeType === mimeType)?.label ?? "File";
}

export function isImageType(mimeType: string): boolean {
  return mimeType.startsWith("image/");
}

/** Shown in the page itself (images, PDFs); everything else is only ever downloaded. */
export function mayShowInline(mimeType: string): boolean {
  return isImageType(mimeType) || mimeType === "application/pdf";
}
