import { TRPCError } from "@trpc/server";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

/** "Add to calendar": the event as an iCalendar file, through the API so the policy applies. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; eventId: string }> }) {
  const { eventId } = await params;
  try {
    const api = await getApi();
    const calendar = await api.event.calendar({ eventId });
    return new Response(calendar.content, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${calendar.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(error.code)) {
      return new Response(error.code === "UNAUTHORIZED" ? "Please sign in to add this event to your calendar." : "Not found", {
        status: error.code === "UNAUTHORIZED" ? 401 : 404,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    throw error;
  }
}
