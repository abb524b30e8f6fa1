import { getApi } from "@/server/api/server-caller";
import { csvDownload } from "@/server/pages/csv-download";
import { REFLECTION_EXPORT_REFUSALS } from "@/server/pages/export-refusals";

export const dynamic = "force-dynamic";

/** A reflection's answers as CSV, through the same API call (and checks) as everything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; surveyId: string }> }) {
  const { surveyId } = await params;
  return csvDownload(async () => (await getApi()).reflection.exportCsv({ surveyId }), { refusals: REFLECTION_EXPORT_REFUSALS });
}
