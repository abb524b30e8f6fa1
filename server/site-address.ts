import type { Env } from "@/server/env";

/**
 * The address of the site for links and redirects made while answering a request.
 *
 * In production it is NEXTAUTH_URL, always: Host headers can be forged. In demo and
 * development mode the site is whatever address the person opened it at (localhost, a
 * machine's name or IP on the local network), read from the request, so one-click demo
 * sign-in and every redirect work however it was reached.
 */
export function siteOrigin(request: Request, env: Pick<Env, "NEXTAUTH_URL" | "NODE_ENV" | "TANDEM_DEMO_MODE">): string {
  const configured = env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (env.NODE_ENV === "production" && !env.TANDEM_DEMO_MODE && configured) return configured;
  return requestOrigin(request) ?? configured ?? new URL(request.url).origin;
}

/** The origin the browser used, from the Host (or a proxy's X-Forwarded-Host) header. */
function requestOrigin(request: Request): string | null {
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.split(",")[0]?.trim();
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return null;
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** Whether a form post comes from this site (its Origin header is the site's address, or absent). */
export function isSameSitePost(request: Request, env: Pick<Env, "NEXTAUTH_URL" | "NODE_ENV" | "TANDEM_DEMO_MODE">): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === siteOrigin(request, env) || origin === env.NEXTAUTH_URL?.replace(/\/+$/, "");
}
