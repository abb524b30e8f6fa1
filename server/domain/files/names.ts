/**
 * A file name as people gave it, made safe to store, show and send back in a
 * Content-Disposition header: no folders (`../../etc/passwd` is `passwd`), no control
 * characters, no bidirectional overrides (which make `exe.pdf` read as `fdp.exe`), no
 * leading dots, at most 200 characters with the extension kept.
 */

const MAX_NAME_LENGTH = 200;

// C0 and C1 controls, DEL, and Unicode format characters that change how text reads:
// bidi embeddings, overrides and isolates, marks, zero-width characters, the BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
// Characters Windows and macOS refuse in names, or that quote a header value.
const RESERVED = /[<>:"|?*\\/]/g;

export function cleanFileName(raw: string, fallbackExtension?: string): string {
  const lastPart = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let name = lastPart.replace(INVISIBLE, "").replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, MAX_NAME_LENGTH - extension.length).trimEnd() + extension;
  }
  if (name === "") name = fallbackExtension ? `file.${fallbackExtension}` : "file";
  return name;
}

/** The name with its extension changed to what the content is (`photo.png` that is a JPEG becomes `photo.jpg`). */
export function withExtension(name: string, extension: string, alsoAccepted: readonly string[] = []): string {
  const dot = name.lastIndexOf(".");
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (current === extension || alsoAccepted.includes(current)) return name;
  const base = dot > 0 ? name.slice(0, dot) : name;
  return cleanFileName(`${base}.${extension}`);
}

/** `attachment; filename="plain ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 and 5987). */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
