import { TRPCError } from "@trpc/server";
import { NextResponse } from "next/server";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { getEnv } from "@/server/env";
import { siteOrigin } from "@/server/site-address";

export const dynamic = "force-dynamic";

/**
 * Opens a notification: marks it read and goes on to what it is about. A plain link
 * (from the notification list or the email digest) that works without scripts. Only
 * the signed-in person's own notifications open; anything else goes back to the list.
 */
export async function GET(request: Request, { params }: { params: Promise<{ notificationId: string }> }) {
  const { notificationId } = await params;
  const base = siteOrigin(request, getEnv());
  const to = (path: string) => {
    const response = NextResponse.redirect(new URL(path, base), 303);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
  try {
    const api = await getApi();
    const { linkPath } = await api.notification.markRead({ notificationId });
    return to(linkPath);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      return to(paths.signIn(paths.openNotification(notificationId)));
    }
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) return to(paths.notifications());
    throw error;
  }
}
