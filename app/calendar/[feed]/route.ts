import { getDb } from "@/server/db/client";
import { calendarFeedForToken, looksLikeFeedToken } from "@/server/domain/events/calendar-feed";
import { RateLimitedError, tooManyRequestsResponse } from "@/server/domain/rate-limits/rate-limit";
import { getEnv } from "@/server/env";
import { describeForLog, log } from "@/server/log";
import { siteOrigin } from "@/server/site-address";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return new Response("Not found. This calendar link has been turned off or replaced.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A person's private calendar feed, fetched by calendar apps with no session: the link is the key. */
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const { feed } = await params;
  const token = feed.endsWith(".ics") ? feed.slice(0, -".ics".length) : "";
  if (!looksLikeFeedToken(token)) return notFound();
  try {
    const env = getEnv();
    const content = await calendarFeedForToken(getDb(), token, { origin: siteOrigin(request, env), limit: env.TANDEM_RATE_LIMIT_CALENDAR_FEED });
    if (content === null) return notFound();
    return new Response(content, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="tandem-events.ics"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyRequestsResponse(error);
    log.error({ error: describeForLog(error) }, "calendar feed failed");
    return new Response("The calendar could not be made just now. Please try again later.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
