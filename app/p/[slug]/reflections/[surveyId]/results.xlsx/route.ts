import { getApi } from "@/server/api/server-caller";
import { xlsxDownload } from "@/server/pages/csv-download";
import { REFLECTION_EXPORT_REFUSALS } from "@/server/pages/export-refusals";

export const dynamic = "force-dynamic";

/** A reflection's answers as an Excel workbook: the same description, API call and checks as the CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; surveyId: string }> }) {
  const { surveyId } = await params;
  return xlsxDownload(async () => (await getApi()).reflection.exportTable({ surveyId }), { refusals: REFLECTION_EXPORT_REFUSALS });
}
