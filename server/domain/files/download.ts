import { mayShowInline } from "@/lib/files/file-kinds";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { FileStorageKind } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";
import { ownerReadAccess } from "./access";
import { contentDisposition } from "./names";
import type { FileStore } from "./store";

/**
 * A download: allowed exactly when the file's owner may be read (or is public), else "not
 * found". Sent as an attachment, with its detected type, `nosniff` and a Content-Security-
 * Policy that lets nothing run; images and PDFs may be asked for inline (previews).
 */

export type DownloadRequest = { fileId: string; versionNumber: number | null; thumbnail: boolean; inline: boolean };

export type Download = { body: ReadableStream<Uint8Array>; headers: Record<string, string> };

/** Nothing in a served file may load, run, submit or be framed by another site. */
export const DOWNLOAD_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
/** Chromium's PDF viewer does not run in a sandboxed document: inline PDFs get the same policy without `sandbox`. */
export const PDF_INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export async function openDownload(
  db: Database,
  storeFor: (storage: FileStorageKind) => FileStore,
  actor: Actor | null,
  request: DownloadRequest,
): Promise<Download> {
  const file = await db.storedFile.findUnique({
    where: { id: request.fileId },
    select: {
      ownerKind: true,
      ownerId: true,
      currentVersionId: true,
      versions: {
        where: request.versionNumber === null ? {} : { number: request.versionNumber },
        orderBy: { number: "desc" },
        select: { id: true, name: true, mimeType: true, sizeBytes: true, storage: true, blobKey: true, thumbnailKey: true, thumbnailBytes: true, sha256: true },
      },
    },
  });
  if (!file) throw notFound("That file");
  await ownerReadAccess(db, actor, file.ownerKind, file.ownerId);
  const version = request.versionNumber === null ? file.versions.find((row) => row.id === file.currentVersionId) : file.versions[0];
  if (!version) throw notFound("That version of the file");
  const key = request.thumbnail ? version.thumbnailKey : version.blobKey;
  if (!key) throw notFound("A preview of that file");
  const body = await storeFor(version.storage).open(key);
  if (!body) throw notFound("That file");

  const mimeType = request.thumbnail ? "image/webp" : version.mimeType;
  const inline = request.thumbnail || (request.inline && mayShowInline(mimeType));
  const textual = mimeType.startsWith("text/");
  return {
    body,
    headers: {
      "content-type": textual ? `${mimeType}; charset=utf-8` : mimeType,
      "content-length": String(request.thumbnail ? version.thumbnailBytes : version.sizeBytes),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", request.thumbnail ? `${version.name}.webp` : version.name),
      "x-content-type-options": "nosniff",
      "content-security-policy": inline && mimeType === "application/pdf" ? PDF_INLINE_CSP : DOWNLOAD_CSP,
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      ...(request.thumbnail ? {} : { etag: `"${version.sha256}"` }),
    },
  };
}
