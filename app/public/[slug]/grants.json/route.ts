import { TRPCError } from "@trpc/server";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

/** The partnership's grants as a 360Giving JSON data package, published with its public page. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const api = await getApi();
    const data = await api.transparency.openGrants({ partnershipSlug: slug });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `inline; filename="grants-${slug}.json"`,
        "Cache-Control": "no-store",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) {
      return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
