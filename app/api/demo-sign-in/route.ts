import { NextResponse } from "next/server";
import { sessionCookieName } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { limitDemoSignIn, startDemoSession } from "@/server/domain/demo/demo-sign-in";
import { RateLimitedError, tooManyRequestsResponse } from "@/server/domain/rate-limits/rate-limit";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { isSameSitePost, siteOrigin } from "@/server/site-address";

/** Demo mode only: a plain form post that signs in as a seeded demo person. */
export async function POST(request: Request) {
  const env = getEnv();
  if (!env.TANDEM_DEMO_MODE) return new NextResponse("Not found", { status: 404 });

  // Same-origin form posts only: the address the demo was opened at (see site-address.ts).
  if (!isSameSitePost(request, env)) return new NextResponse("Forbidden", { status: 403 });

  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  const base = siteOrigin(request, env);
  try {
    await limitDemoSignIn(getDb(), request.headers, env);
    const session = await startDemoSession(getDb(), env.TANDEM_DEMO_MODE, email);
    const response = NextResponse.redirect(new URL("/", base), 303);
    response.cookies.set(sessionCookieName(), session.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: base.startsWith("https://"),
      expires: session.expires,
    });
    return response;
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyRequestsResponse({ message: error.userMessage, retryAfterSeconds: error.retryAfterSeconds });
    if (error instanceof AppError) {
      const url = new URL("/signin", base);
      url.searchParams.set("demoError", error.userMessage);
      return NextResponse.redirect(url, 303);
    }
    throw error;
  }
}
