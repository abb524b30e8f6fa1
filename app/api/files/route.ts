import { getDb } from "@/server/db/client";
import { handleUpload } from "@/server/domain/files/http";
import { getEnv } from "@/server/env";

export const dynamic = "force-dynamic";

/** Uploads one file, its body streamed (see server/domain/files/http.ts). */
export async function POST(request: Request) {
  return handleUpload(request, { db: getDb(), env: getEnv() });
}
