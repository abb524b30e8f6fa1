import "server-only";
import { TRPCError } from "@trpc/server";

/**
 * How every CSV route answers: the file as an attachment for Excel, or, when the API refuses
 * to show it, a plain answer instead of an error page. What the viewer may not see is "not
 * found" for them, as on the pages (see loadOr404); a route may say more for some refusals.
 */

type Refusal = { status: number; message: string };
const NOT_FOUND: Refusal = { status: 404, message: "Not found" };
const UNSEEN = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"]);

export async function csvDownload(
  load: () => Promise<{ filename: string; csv: string }>,
  options: { refusals?: Partial<Record<TRPCError["code"], Refusal>> } = {},
): Promise<Response> {
  try {
    const { filename, csv } = await load();
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      const refusal = options.refusals?.[error.code] ?? (UNSEEN.has(error.code) ? NOT_FOUND : null);
      if (refusal) return new Response(refusal.message, { status: refusal.status });
    }
    throw error;
  }
}
