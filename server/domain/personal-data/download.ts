import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { downloadDataExport } from "./export";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The HTTP answer for /account/data-export/<id>: the signed-in person's own ready export as
 * an attachment, never cached. Anyone else's export, an expired one or one still being
 * built is "not found", so nobody learns whether another person's export exists.
 */
export async function dataExportDownloadResponse(db: Database, actor: Actor | null, exportId: string, now: Date = new Date()): Promise<Response> {
  if (!actor) return new Response("Please sign in to download your data.", { status: 401, headers: TEXT });
  try {
    const { filename, archive } = await downloadDataExport(db, actor, exportId, now);
    return new Response(new Blob([archive as Uint8Array<ArrayBuffer>], { type: "application/zip" }), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(archive.byteLength),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "CONFLICT")) {
      return new Response("Not found. This copy of your data has expired or is not yours. Ask for a new one on your account page.", { status: 404, headers: TEXT });
    }
    throw error;
  }
}
