import { getDb } from "@/server/db/client";
import { handleDownload } from "@/server/domain/files/http";
import { getEnv } from "@/server/env";

export const dynamic = "force-dynamic";

/** Downloads a file: the current version, or `?version=n`; `?inline=1` shows an image or PDF in the browser. */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  return handleDownload(request, fileId, { thumbnail: false }, { db: getDb(), env: getEnv() });
}
