import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createId } from "@/server/db/ids";
import type { Database } from "@/server/db/client";
import type { FileStorageKind } from "@/server/db/generated/enums";
import type { Env } from "@/server/env";

/**
 * Where the bytes of uploaded files live. One interface, two back ends: PostgreSQL (the
 * default: works with the embedded database and many instances, and is backed up with the
 * data) and S3-compatible object storage. Both take and give streams: neither ever holds a
 * whole file in memory (PostgreSQL writes ~256 KiB chunks as they arrive; S3 sends 5 MiB
 * multipart parts, the smallest S3 allows).
 */
export interface FileStore {
  readonly kind: FileStorageKind;
  /** Writes everything `source` yields; on any failure, removes what it wrote and rethrows. */
  put(source: AsyncIterable<Uint8Array>): Promise<{ key: string; sizeBytes: number }>;
  /** The stored bytes as a stream, or null when nothing is stored under `key`. */
  open(key: string): Promise<ReadableStream<Uint8Array> | null>;
  remove(key: string): Promise<void>;
}

export const POSTGRES_CHUNK_BYTES = 256 * 1024;

/** Bytes from `source` regrouped into pieces of exactly `size` (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(size - pendingBytes, chunk.byteLength - offset);
      pending.push(chunk.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === size) {
        yield concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield concat(pending, pendingBytes);
}

function concat(parts: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export class PostgresFileStore implements FileStore {
  readonly kind = "POSTGRES" as const;
  constructor(private readonly db: Database) {}

  async put(source: AsyncIterable<Uint8Array>) {
    const blob = await this.db.fileBlob.create({ data: {}, select: { id: true } });
    let seq = 0;
    let sizeBytes = 0;
    try {
      for await (const piece of rechunk(source, POSTGRES_CHUNK_BYTES)) {
        await this.db.fileChunk.create({ data: { blobId: blob.id, seq, data: piece as Uint8Array<ArrayBuffer> }, select: { seq: true } });
        seq += 1;
        sizeBytes += piece.byteLength;
      }
      await this.db.fileBlob.update({ where: { id: blob.id }, data: { complete: true, sizeBytes }, select: { id: true } });
    } catch (error) {
      await this.remove(blob.id);
      throw error;
    }
    return { key: blob.id, sizeBytes };
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const blob = await this.db.fileBlob.findUnique({ where: { id: key }, select: { complete: true } });
    if (!blob?.complete) return null;
    const db = this.db;
    let seq = 0;
    // One chunk read per pull: only the chunk being sent is in memory.
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await db.fileChunk.findUnique({ where: { blobId_seq: { blobId: key, seq } }, select: { data: true } });
        if (!chunk) {
          controller.close();
          return;
        }
        seq += 1;
        controller.enqueue(new Uint8Array(chunk.data));
      },
    });
  }

  async remove(key: string): Promise<void> {
    await this.db.fileBlob.deleteMany({ where: { id: key } });
  }
}

export type S3Settings = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

export const S3_PART_BYTES = 5 * 1024 * 1024;

export class S3FileStore implements FileStore {
  readonly kind = "S3" as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Checksums only where S3 requires them: many S3-compatible services reject the newer trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(source: AsyncIterable<Uint8Array>) {
    const key = `files/${createId()}`;
    let sizeBytes = 0;
    // A refusal raised while reading (too large, not text after all) is what the caller must
    // see, not however the S3 client reports the aborted body.
    let sourceError: unknown = null;
    const counted = Readable.from(
      (async function* () {
        try {
          for await (const chunk of source) {
            sizeBytes += chunk.byteLength;
            yield chunk;
          }
        } catch (error) {
          sourceError = error;
          throw error;
        }
      })(),
    );
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: key, Body: counted, ContentType: "application/octet-stream" },
      partSize: S3_PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      counted.destroy();
      await upload.abort().catch(() => undefined);
      await this.remove(key).catch(() => undefined);
      throw sourceError ?? error;
    }
    return { key, sizeBytes };
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return object.Body ? (object.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}

export function s3SettingsFrom(env: Env): S3Settings {
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** The store new uploads go to, as configured (TANDEM_FILE_STORAGE). */
export function fileStoreFor(db: Database, env: Env): FileStore {
  return env.TANDEM_FILE_STORAGE === "s3" ? new S3FileStore(s3SettingsFrom(env)) : new PostgresFileStore(db);
}

/**
 * The store a stored version's bytes are in: a version keeps the back end it was written
 * to, so downloads keep working after the configuration changes (S3 must stay configured
 * for versions stored there).
 */
export function storeOfVersion(db: Database, env: Env, storage: FileStorageKind): FileStore {
  if (storage === "POSTGRES") return new PostgresFileStore(db);
  if (!env.S3_BUCKET) throw new Error("A file is stored in S3, but S3_BUCKET is not set");
  return new S3FileStore(s3SettingsFrom(env));
}
