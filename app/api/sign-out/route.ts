import { NextResponse } from "next/server";
import { safeLinkPath } from "@/lib/paths";
import { SESSION_COOKIE_NAMES, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { isSameSitePost, siteOrigin } from "@/server/site-address";

/**
 * "Sign out" (the header's form): ends this session in the database, so the cookie is
 * worthless even if kept, clears the cookie and goes to `callbackUrl` (a path on this site;
 * home otherwise). A plain form post, so it works before any script has loaded and the
 * browser needs no sign-in library.
 */
export async function POST(request: Request) {
  const env = getEnv();
  // Same-origin form posts only.
  if (!isSameSitePost(request, env)) return new NextResponse("Forbidden", { status: 403 });

  const token = sessionTokenFromCookieHeader(request.headers.get("cookie"));
  if (token) await getDb().session.deleteMany({ where: { sessionToken: token } });
  const form = await request.formData().catch(() => null);
  const callbackUrl = form?.get("callbackUrl");
  const response = NextResponse.redirect(new URL(safeLinkPath(typeof callbackUrl === "string" ? callbackUrl : null) ?? "/", siteOrigin(request, env)), 303);
  for (const name of SESSION_COOKIE_NAMES) {
    response.cookies.set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: 0 });
  }
  return response;
}
