import { downloadQuery, FILE_NAME_HEADER, uploadQuery } from "@/lib/schemas/files";
import { resolveActor, sessionTokenFromCookieHeader, type Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { countRequest, tooManyRequestsResponse } from "@/server/domain/rate-limits/rate-limit";
import type { Env } from "@/server/env";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/server/errors";
import { describeForLog, log } from "@/server/log";
import { isSameSitePost } from "@/server/site-address";
import { openDownload } from "./download";
import { fileStoreFor, storeOfVersion, type FileStore } from "./store";
import { UploadRefused, uploadFile } from "./upload";

/**
 * The upload and download routes (app/api/files/...): the raw request in, a Response out.
 * The upload's body is the file itself, streamed (`POST /api/files?ownerKind=…&ownerId=…`,
 * its name percent-encoded in `X-File-Name`), so the browser's XHR can show progress and
 * the server can stop reading the moment the size limit is passed.
 */

export type FileRouteDeps = {
  db: Database;
  env: Env;
  /** Where new uploads go; by default as configured. */
  store?: FileStore;
  /** Who is asking; by default read from the session cookie. */
  actorOf?: (request: Request) => Promise<Actor | null>;
};

const STATUS_OF: Record<AppError["code"], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

function failure(error: unknown, what: string): Response {
  if (error instanceof UploadRefused) return json(error.status, { message: error.userMessage });
  if (error instanceof AppError) return json(STATUS_OF[error.code], { message: error.userMessage });
  log.error({ error: describeForLog(error) }, what);
  return json(500, { message: GENERIC_ERROR_MESSAGE });
}

const defaultActor = (db: Database) => (request: Request) => resolveActor(db, sessionTokenFromCookieHeader(request.headers.get("cookie")));

function fileNameOf(request: Request): string {
  const raw = request.headers.get(FILE_NAME_HEADER) ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function handleUpload(request: Request, deps: FileRouteDeps): Promise<Response> {
  const { db, env } = deps;
  // Same-site requests only (the uploader's XHR): a form on another site cannot post files here.
  if (!isSameSitePost(request, env)) return json(403, { message: "Uploads are accepted only from Tandem's own pages." });
  const actor = await (deps.actorOf ?? defaultActor(db))(request);
  if (!actor) return json(401, { message: "Please sign in to upload files." });
  const url = new URL(request.url);
  const query = uploadQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return json(400, { message: "This upload does not say what the file is for. Reload the page and try again." });
  if (!request.body) return json(422, { message: "This file is empty. Choose the file again, or check it opens on your computer." });

  const limit = await countRequest(db, "uploads", actor.userId, env.TANDEM_RATE_LIMIT_UPLOADS);
  if (!limit.allowed) {
    await request.body.cancel().catch(() => undefined);
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return tooManyRequestsResponse(
      { message: `Too many files were uploaded in a short time. Try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`, retryAfterSeconds: limit.retryAfterSeconds },
      { json: {} },
    );
  }
  const length = request.headers.get("content-length");
  try {
    const uploaded = await uploadFile(
      db,
      deps.store ?? fileStoreFor(db, env),
      actor,
      { ...query.data, name: fileNameOf(request), body: request.body, declaredBytes: length && /^\d+$/.test(length) ? Number(length) : null },
      { maxBytes: env.TANDEM_UPLOAD_MAX_BYTES, partnershipBytes: env.TANDEM_PARTNERSHIP_STORAGE_BYTES },
    );
    return json(201, { file: uploaded });
  } catch (error) {
    await request.body.cancel().catch(() => undefined);
    return failure(error, "file upload failed");
  }
}

export async function handleDownload(
  request: Request,
  fileId: string,
  options: { thumbnail: boolean },
  deps: FileRouteDeps,
): Promise<Response> {
  const { db, env } = deps;
  const query = downloadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || !/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  try {
    const actor = await (deps.actorOf ?? defaultActor(db))(request);
    const download = await openDownload(db, (storage) => (deps.store?.kind === storage ? deps.store : storeOfVersion(db, env, storage)), actor, {
      fileId,
      versionNumber: query.data.version,
      thumbnail: options.thumbnail,
      inline: query.data.inline,
    });
    return new Response(download.body, { status: 200, headers: download.headers });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.userMessage, {
        status: STATUS_OF[error.code],
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
      });
    }
    return failure(error, "file download failed");
  }
}
