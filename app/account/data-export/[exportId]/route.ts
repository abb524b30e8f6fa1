import { getCurrentActor } from "@/server/auth/current-actor";
import { getDb } from "@/server/db/client";
import { dataExportDownloadResponse } from "@/server/domain/personal-data/download";

export const dynamic = "force-dynamic";

/** "Download my data": the signed-in person's own ready export, as a zip. */
export async function GET(_request: Request, { params }: { params: Promise<{ exportId: string }> }) {
  const { exportId } = await params;
  return dataExportDownloadResponse(getDb(), await getCurrentActor(), exportId);
}
