"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { safeLinkPath } from "@/lib/paths";
import { SESSION_COOKIE_NAMES } from "@/server/auth/session";
import { getDb } from "@/server/db/client";

/**
 * Signs the person out: their session row goes (so the cookie is worthless even if kept),
 * the cookie is cleared, and they go to `callbackUrl` (a path on this site; home otherwise).
 * A server action, so the sign-out form works without JavaScript and needs no sign-in
 * library in the browser; Next.js refuses a post from another site (it checks the Origin).
 */
export async function signOut(formData: FormData): Promise<never> {
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const token = store.get(name)?.value;
    if (!token) continue;
    await getDb().session.deleteMany({ where: { sessionToken: token } });
    store.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  const callbackUrl = formData.get("callbackUrl");
  redirect(safeLinkPath(typeof callbackUrl === "string" ? callbackUrl : null) ?? "/");
}
