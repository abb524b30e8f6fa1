import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { handleDownload, handleUpload } from "@/server/domain/files/http";
import type { FileStore } from "@/server/domain/files/store";
import { parseEnv, type Env } from "@/server/env";

/** Calling the file routes as the browser's uploader does: the body a stream, the name in a header. */

export const ORIGIN = "http://localhost:3000";

export function filesEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ NODE_ENV: "test", TANDEM_RATE_LIMIT_UPLOADS: "off", ...overrides });
}

/** A stream of `bytes`, handed out in `chunkSize` pieces only as they are read. */
export function streamOf(bytes: Uint8Array, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.byteLength) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
    },
    { highWaterMark: 0 },
  );
}

export type UploadTarget = { ownerKind: string; ownerId: string; slot?: string; fileId?: string };

export async function uploadAs(
  db: Database,
  actor: Actor | null,
  target: UploadTarget,
  name: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  options: { env?: Env; store?: FileStore; headers?: Record<string, string> } = {},
) {
  const query = new URLSearchParams(Object.entries(target).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const request = new Request(`${ORIGIN}/api/files?${query}`, {
    method: "POST",
    body: body instanceof Uint8Array ? streamOf(body) : body,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types do not know it.
    duplex: "half",
    headers: { "x-file-name": encodeURIComponent(name), origin: ORIGIN, ...options.headers },
  });
  const response = await handleUpload(request, { db, env: options.env ?? filesEnv(), store: options.store, actorOf: async () => actor });
  const json = (await response.json()) as { message?: string; file?: { fileId: string; versionId: string; number: number; name: string; mimeType: string; sizeBytes: number } };
  return { status: response.status, ...json };
}

export async function downloadAs(
  db: Database,
  actor: Actor | null,
  fileId: string,
  options: { version?: number; inline?: boolean; thumbnail?: boolean; env?: Env; store?: FileStore } = {},
) {
  const query = new URLSearchParams();
  if (options.version) query.set("version", String(options.version));
  if (options.inline) query.set("inline", "1");
  const request = new Request(`${ORIGIN}/api/files/${fileId}${options.thumbnail ? "/thumbnail" : ""}?${query}`);
  const response = await handleDownload(request, fileId, { thumbnail: options.thumbnail ?? false }, {
    db,
    env: options.env ?? filesEnv(),
    store: options.store,
    actorOf: async () => actor,
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** How many bytes of the files' storage exist at all: a refused upload must leave none. */
export async function storedBytes(db: Database) {
  const [row] = await db.$queryRaw<{ blobs: number; chunks: number; files: number; versions: number }[]>`
    SELECT (SELECT count(*) FROM "FileBlob")::int AS blobs, (SELECT count(*) FROM "FileChunk")::int AS chunks,
           (SELECT count(*) FROM "StoredFile")::int AS files, (SELECT count(*) FROM "StoredFileVersion")::int AS versions`;
  return row!;
}

/** A minimal, valid one-page PDF, with `marker` in it so files can be told apart. */
export function pdfBytes(marker = "Tandem"): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** An S3-protocol server on a free port, with one bucket, for the S3 store's tests. */
export async function startS3Server() {
  const directory = mkdtempSync(path.join(tmpdir(), "tandem-s3-"));
  const bucket = "tandem-files";
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = (await server.run()) as { port: number };
  const settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "eu-west-2",
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    settings,
    directory,
    /** Every key in the bucket. */
    keys: async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!),
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
