import { NextResponse } from "next/server";
import { endAllSessions, resolveActor, SESSION_COOKIE_NAMES, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { isSameSitePost, siteOrigin } from "@/server/site-address";

/** "Sign out of every device" (the account page's form): ends every session of the signed-in person, this one too. */
export async function POST(request: Request) {
  const env = getEnv();
  const base = siteOrigin(request, env);
  // Same-origin form posts only.
  if (!isSameSitePost(request, env)) return new NextResponse("Forbidden", { status: 403 });

  const db = getDb();
  const actor = await resolveActor(db, sessionTokenFromCookieHeader(request.headers.get("cookie")));
  const url = new URL("/signin", base);
  if (actor) {
    await endAllSessions(db, actor.userId);
    url.searchParams.set("signedOut", "everywhere");
  }
  const response = NextResponse.redirect(url, 303);
  for (const name of SESSION_COOKIE_NAMES) {
    response.cookies.set(name, "", { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: 0 });
  }
  return response;
}
