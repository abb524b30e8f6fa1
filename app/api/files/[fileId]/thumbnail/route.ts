import { getDb } from "@/server/db/client";
import { handleDownload } from "@/server/domain/files/http";
import { getEnv } from "@/server/env";

export const dynamic = "force-dynamic";

/** An image's thumbnail (WebP), for the file list. */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  return handleDownload(request, fileId, { thumbnail: true }, { db: getDb(), env: getEnv() });
}
