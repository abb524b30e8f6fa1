import { createHash } from "node:crypto";
import sharp from "sharp";
import { formatFileSize } from "@/lib/file-size";
import { ACCEPTED_FILE_KINDS_IN_WORDS, isImageType } from "@/lib/files/file-kinds";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { FileOwnerKind } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";
import { ownerAttachAccess } from "./access";
import { detectFileKind, isTextKind, SNIFF_BYTES, TextChecker, type DetectedKind } from "./detect";
import { cleanFileName, withExtension } from "./names";
import { scanUpload } from "./scan";
import type { FileStore } from "./store";

/**
 * Receiving one file: authorised by what it is attached to, refused as soon as it is too
 * large (the rest of the body is never read), its kind decided from its first bytes, images
 * re-encoded without their metadata (EXIF, GPS) with a thumbnail, the bytes streamed into
 * the store, passed to the scanner hook, and recorded (a new file, or a new version of one)
 * only if the partnership's storage limit allows, decided under a lock so two uploads at
 * once cannot both take the last space. Any refusal or failure leaves nothing stored.
 *
 * Memory: documents stream through in the chunks the request delivers. Images are the one
 * exception: re-encoding needs the whole picture, so an image (at most the size limit) is
 * held in memory while sharp re-encodes it.
 */

export type UploadLimits = { maxBytes: number; partnershipBytes: number };

export type UploadInput = {
  ownerKind: FileOwnerKind;
  ownerId: string;
  /** A named document the owner asks for (a round's required document), or null for "other". */
  slot: string | null;
  /** Upload a new version of this file instead of a new file. */
  fileId: string | null;
  name: string;
  body: ReadableStream<Uint8Array>;
  /** The Content-Length the client announced, if any: a body announced too large is refused unread. */
  declaredBytes: number | null;
};

export type UploadedFile = { fileId: string; versionId: string; number: number; name: string; mimeType: string; sizeBytes: number };

/** An expected refusal of an upload, with the HTTP status the route answers with. */
export class UploadRefused extends AppError {
  constructor(
    public readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 507,
    message: string,
  ) {
    super(status === 404 ? "NOT_FOUND" : status === 403 ? "FORBIDDEN" : status === 409 ? "CONFLICT" : "BAD_REQUEST", message);
    this.name = "UploadRefused";
  }
}

export const tooLarge = (maxBytes: number) =>
  new UploadRefused(413, `This file is larger than the limit of ${formatFileSize(maxBytes)}. Make it smaller (for example, save a PDF at a lower quality) and try again.`);
const notAllowedKind = () =>
  new UploadRefused(415, `This kind of file cannot be uploaded. Tandem accepts ${ACCEPTED_FILE_KINDS_IN_WORDS}, recognised from the file's content rather than its name.`);
const emptyFile = () => new UploadRefused(422, "This file is empty. Choose the file again, or check it opens on your computer.");
const storageFull = (limit: number) =>
  new UploadRefused(
    507,
    `Your partnership has used its storage of ${formatFileSize(limit)}, so this file cannot be added. An officer can remove files that are no longer needed.`,
  );
const brokenImage = () => new UploadRefused(422, "This image could not be read: it may be damaged. Save it again and retry.");

/** The body's chunks, refused (and the body cancelled, unread) as soon as more than `maxBytes` have arrived. */
export async function* readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Reads the first `bytes` of a stream, then gives the whole stream (that start included) on. */
class Peeked {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private ended = false;
  constructor(private readonly source: AsyncGenerator<Uint8Array>) {}

  async start(bytes: number): Promise<{ head: Uint8Array; complete: boolean }> {
    while (this.headBytes < bytes) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      this.head.push(next.value);
      this.headBytes += next.value.byteLength;
    }
    return { head: Buffer.concat(this.head), complete: this.ended };
  }

  async *all(): AsyncGenerator<Uint8Array> {
    yield* this.head;
    this.head = [];
    if (!this.ended) yield* this.source;
  }

  async cancel(): Promise<void> {
    await this.source.return(undefined);
  }
}

/** Counts, hashes and (for text) checks every chunk on its way to the store. */
async function* measured(source: AsyncIterable<Uint8Array>, into: { sizeBytes: number; sha256: string }, text: TextChecker | null) {
  const hash = createHash("sha256");
  for await (const chunk of source) {
    if (text && !text.accepts(chunk, true)) throw notAllowedKind();
    hash.update(chunk);
    into.sizeBytes += chunk.byteLength;
    yield chunk;
  }
  if (text && !text.accepts(new Uint8Array(0), false)) throw notAllowedKind();
  into.sha256 = hash.digest("hex");
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Images larger than this many pixels are refused before decoding (a small file can expand enormously). */
const MAX_IMAGE_PIXELS = 50_000_000;
export const THUMBNAIL_PIXELS = 320;

/** Re-encodes an image in its own format, turned upright and without any metadata; and a WebP thumbnail. */
export async function reencodeImage(input: Buffer, kind: DetectedKind): Promise<{ image: Buffer; thumbnail: Buffer }> {
  const animated = kind.mimeType === "image/gif" || kind.mimeType === "image/webp";
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, animated, failOn: "error" as const };
  try {
    // sharp keeps no metadata unless asked (withMetadata/keepExif): EXIF, GPS, XMP and IPTC are dropped here.
    let pipeline = sharp(input, options).autoOrient();
    pipeline =
      kind.mimeType === "image/jpeg"
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : kind.mimeType === "image/png"
          ? pipeline.png()
          : kind.mimeType === "image/webp"
            ? pipeline.webp({ quality: 85 })
            : pipeline.gif();
    const image = await pipeline.toBuffer();
    const thumbnail = await sharp(input, { ...options, animated: false })
      .autoOrient()
      .resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { image, thumbnail };
  } catch {
    throw brokenImage();
  }
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts);
}

const alreadyHasItsFile = () => new UploadRefused(409, "This document already has its file: upload a new version of it instead.");

export async function storageUsed(db: Database, partnershipId: string): Promise<number> {
  const row = await db.partnershipStorageUse.findUnique({ where: { partnershipId }, select: { bytesUsed: true } });
  return Number(row?.bytesUsed ?? 0n);
}

export async function uploadFile(db: Database, store: FileStore, actor: Actor, input: UploadInput, limits: UploadLimits, now = new Date()): Promise<UploadedFile> {
  const { state } = await ownerAttachAccess(db, actor, input.ownerKind, input.ownerId);
  let slot = input.slot;
  if (input.fileId) {
    const file = await db.storedFile.findUnique({ where: { id: input.fileId }, select: { ownerKind: true, ownerId: true, slot: true } });
    if (!file || file.ownerKind !== input.ownerKind || file.ownerId !== input.ownerId) throw new UploadRefused(404, "That file could not be found, or you do not have access to it.");
    slot = file.slot;
  } else if (state.singleFile && (await db.storedFile.count({ where: { ownerKind: input.ownerKind, ownerId: input.ownerId } })) > 0) {
    throw alreadyHasItsFile();
  } else if (slot !== null && !state.slots.includes(slot)) {
    throw new UploadRefused(400, `“${slot}” is not one of the documents asked for here. Attach it as another document instead.`);
  }
  if (input.declaredBytes !== null && input.declaredBytes > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const used = await storageUsed(db, state.partnershipId);
  if (used + Math.max(1, input.declaredBytes ?? 1) > limits.partnershipBytes) throw storageFull(limits.partnershipBytes);

  const peeked = new Peeked(readLimited(input.body, limits.maxBytes));
  const { head, complete } = await peeked.start(SNIFF_BYTES);
  if (head.byteLength === 0) throw emptyFile();
  const kind = await detectFileKind(head, input.name, complete);
  if (!kind) {
    await peeked.cancel();
    throw notAllowedKind();
  }
  const name = withExtension(cleanFileName(input.name, kind.extension), kind.extension, kind.extension === "jpg" ? ["jpeg"] : kind.extension === "txt" ? ["text", "md"] : []);

  const written: { key: string }[] = [];
  const removeWritten = () => Promise.all(written.map(({ key }) => store.remove(key).catch(() => undefined)));
  try {
    const facts = { sizeBytes: 0, sha256: "" };
    let thumbnail: { key: string; sizeBytes: number } | null = null;
    let key: string;
    if (isImageType(kind.mimeType)) {
      const original = await collect(peeked.all());
      const reencoded = await reencodeImage(original, kind);
      const stored = await store.put(measured(once(reencoded.image), facts, null));
      written.push(stored);
      key = stored.key;
      thumbnail = await store.put(once(reencoded.thumbnail));
      written.push(thumbnail);
    } else {
      const stored = await store.put(measured(peeked.all(), facts, isTextKind(kind) ? new TextChecker() : null));
      written.push(stored);
      key = stored.key;
    }

    const verdict = await scanUpload({ name, mimeType: kind.mimeType, sizeBytes: facts.sizeBytes, sha256: facts.sha256, open: () => store.open(key) });
    if (!verdict.clean) throw new UploadRefused(422, `This file was refused by the virus scanner: ${verdict.reason}`);

    return await db.$transaction(async (tx) => {
      // One upload at a time per partnership decides against the limit: the row lock makes a
      // second upload wait until the first has committed (and its size counts).
      await tx.$executeRaw`INSERT INTO "PartnershipStorageUse" ("partnershipId", "bytesUsed") VALUES (${state.partnershipId}, 0) ON CONFLICT DO NOTHING`;
      const [use] = await tx.$queryRaw<{ bytesUsed: bigint }[]>`
        SELECT "bytesUsed" FROM "PartnershipStorageUse" WHERE "partnershipId" = ${state.partnershipId} FOR UPDATE`;
      if (Number(use!.bytesUsed) + facts.sizeBytes > limits.partnershipBytes) throw storageFull(limits.partnershipBytes);

      let fileId = input.fileId;
      let number = 1;
      if (fileId) {
        await tx.$queryRaw`SELECT "id" FROM "StoredFile" WHERE "id" = ${fileId} FOR UPDATE`;
        const last = await tx.storedFileVersion.aggregate({ where: { fileId }, _max: { number: true } });
        number = (last._max.number ?? 0) + 1;
      } else {
        // Checked again under the partnership's lock: two first uploads to a one-file owner
        // at the same moment both passed the check above, and only the first may keep its file.
        if (state.singleFile && (await tx.storedFile.count({ where: { ownerKind: input.ownerKind, ownerId: input.ownerId } })) > 0) {
          throw alreadyHasItsFile();
        }
        const file = await tx.storedFile.create({
          data: { partnershipId: state.partnershipId, ownerKind: input.ownerKind, ownerId: input.ownerId, slot, createdAt: now },
          select: { id: true },
        });
        fileId = file.id;
      }
      const version = await tx.storedFileVersion.create({
        data: {
          fileId,
          number,
          storage: store.kind,
          blobKey: key,
          sizeBytes: facts.sizeBytes,
          sha256: facts.sha256,
          mimeType: kind.mimeType,
          name,
          uploadedById: actor.userId,
          uploadedAt: now,
          thumbnailKey: thumbnail?.key ?? null,
          thumbnailBytes: thumbnail?.sizeBytes ?? null,
        },
        select: { id: true },
      });
      await tx.storedFile.update({ where: { id: fileId }, data: { currentVersionId: version.id }, select: { id: true } });
      return { fileId, versionId: version.id, number, name, mimeType: kind.mimeType, sizeBytes: facts.sizeBytes };
    });
  } catch (error) {
    await peeked.cancel().catch(() => undefined);
    await removeWritten();
    throw error;
  }
}
