import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { csvDownload } from "@/server/pages/csv-download";

export const dynamic = "force-dynamic";

/** The fund's awards as CSV for Excel, through the same API and policy as the screens. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; fundId: string }> }) {
  const { fundId } = await params;
  return csvDownload(async () => {
    const api = await getApi();
    return { filename: `awards-${fundId}-${ukToday()}.csv`, csv: await api.funding.exportAwards({ fundId }) };
  });
}
