import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_FILE_KINDS, type AcceptedMimeType } from "@/lib/files/file-kinds";

/**
 * What a file is, decided from its first bytes (the name is only used to tell CSV from
 * other plain text once the content is known to be text). Anything not on the allow-list
 * (lib/files/file-kinds.ts) is refused, whatever it is called.
 */

/** How much of the start of a file is read to decide its kind (Office files name their kind inside the zip). */
export const SNIFF_BYTES = 64 * 1024;

export type DetectedKind = { mimeType: AcceptedMimeType; extension: string };

const BY_MIME = new Map<string, DetectedKind>(ACCEPTED_FILE_KINDS.map((kind) => [kind.mimeType, { mimeType: kind.mimeType, extension: kind.extension }]));

export async function detectFileKind(head: Uint8Array, name: string, complete: boolean): Promise<DetectedKind | null> {
  if (head.byteLength === 0) return null;
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  if (found) return BY_MIME.get(found.mime) ?? null;
  const text = new TextChecker();
  if (!text.accepts(head, !complete)) return null;
  return name.toLowerCase().endsWith(".csv") ? BY_MIME.get("text/csv")! : BY_MIME.get("text/plain")!;
}

export function isTextKind(kind: DetectedKind): boolean {
  return kind.mimeType === "text/plain" || kind.mimeType === "text/csv";
}

/**
 * Plain text is UTF-8 (with or without a byte-order mark) with no control characters but
 * tab, line feed, form feed and carriage return: a file with a NUL byte or invalid UTF-8
 * anywhere is binary, so it is checked as it streams in, chunk by chunk.
 */
export class TextChecker {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  /** `more`: further chunks follow (a character may be split across chunks). */
  accepts(chunk: Uint8Array, more: boolean): boolean {
    let decoded: string;
    try {
      decoded = this.decoder.decode(chunk, { stream: more });
    } catch {
      return false;
    }
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded);
  }
}
