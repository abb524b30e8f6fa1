import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/imports";
import { readBounded } from "@/server/api/request-limits";
import { createCaller } from "@/server/api/root";
import { resolveActor, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/server/errors";
import { describeForLog, log } from "@/server/log";
import { requestIdFrom } from "@/server/request-context";
import { isSameSitePost, siteOrigin } from "@/server/site-address";

export const dynamic = "force-dynamic";

/** The form's own parts (boundaries, the field's headers) on top of the file itself. */
const MULTIPART_ALLOWANCE = 64 * 1024;
const TOO_LARGE = "The file is larger than 2 MB. Split it into smaller files, or remove columns Tandem does not use.";

const answer = (status: number, body: { batchId?: string; url?: string; message?: string }) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Reads the body, but never more than `limit` bytes: null when it is larger (declared or sent). */
async function readCapped(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  return readBounded(request, limit);
}

/**
 * An officer's spreadsheet of people (multipart, field "file"): read within its size limit,
 * then previewed through the API (memberImport.upload), so the same policy decides who may.
 * Answers JSON: the new batch's address, or a message to show.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const env = getEnv();
  if (!isSameSitePost(request, env)) return answer(403, { message: "This form can only be sent from Tandem itself." });
  const slug = partnershipSlug.safeParse((await params).slug);
  if (!slug.success) return answer(404, { message: "Not found" });

  const db = getDb();
  const actor = await resolveActor(db, sessionTokenFromCookieHeader(request.headers.get("cookie")));
  if (!actor) return answer(401, { message: "Please sign in to continue." });

  const body = await readCapped(request, MAX_IMPORT_FILE_BYTES + MULTIPART_ALLOWANCE);
  if (!body) return answer(413, { message: TOO_LARGE });
  let file: File | null = null;
  try {
    const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    const field = form.get("file");
    file = field instanceof File ? field : null;
  } catch {
    file = null;
  }
  if (!file || file.size === 0) return answer(400, { message: "Choose a CSV or Excel file to upload." });
  if (file.size > MAX_IMPORT_FILE_BYTES) return answer(413, { message: TOO_LARGE });

  const api = createCaller({ db, actor, siteOrigin: siteOrigin(request, env), requestId: requestIdFrom(request.headers) });
  try {
    const content = Buffer.from(await file.arrayBuffer()).toString("base64");
    const batch = await api.memberImport.upload({ partnershipSlug: slug.data, fileName: file.name.slice(0, 200) || "upload", contentBase64: content });
    return answer(200, { batchId: batch.id, url: paths.memberImport(slug.data, batch.id) });
  } catch (error) {
    if (error instanceof TRPCError) {
      // What the viewer may not see is "not found" for them, as on the pages.
      if (["NOT_FOUND", "FORBIDDEN"].includes(error.code)) return answer(404, { message: "Not found" });
      if (error.cause instanceof AppError) return answer(getHTTPStatusCodeFromError(error), { message: error.cause.userMessage });
      if (error.code === "BAD_REQUEST") return answer(400, { message: "The file could not be uploaded. Choose a CSV or Excel (.xlsx) file of 2 MB or less." });
    }
    log.error({ err: describeForLog(error) }, "an import file could not be previewed");
    return answer(500, { message: GENERIC_ERROR_MESSAGE });
  }
}
