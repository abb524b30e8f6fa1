import type { Env } from "@/server/env";

/**
 * The address of the site for links and redirects made while answering a request.
 *
 * In production it is NEXTAUTH_URL, always: Host headers can be forged. In demo and
 * development mode the site is whatever address the person opened it at (localhost, a
 * machine's name or IP on the local network), read from the request, so one-click demo
 * sign-in and every redirect work however it was reached.
 */
export function siteOrigin(request: Request, env: SiteEnv): string {
  return originFromHeaders(request.headers, env, new URL(request.url).protocol.replace(":", ""));
}

type SiteEnv = Pick<Env, "NEXTAUTH_URL" | "NODE_ENV" | "TANDEM_DEMO_MODE"> & { PORT?: number | string };

/** The same decision from a request's headers alone (server components read `headers()`). */
export function originFromHeaders(headers: Pick<Headers, "get">, env: SiteEnv, protocol = "http"): string {
  const configured = env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (env.NODE_ENV === "production" && !env.TANDEM_DEMO_MODE && configured) return configured;
  return requestOrigin(headers, protocol) ?? configuredOrigin(env);
}

/**
 * The address for links made outside any request (the email digest, reminders): NEXTAUTH_URL,
 * or this machine's own address in demo and development.
 */
export function configuredOrigin(env: Pick<Env, "NEXTAUTH_URL"> & { PORT?: number | string }): string {
  return env.NEXTAUTH_URL?.replace(/\/+$/, "") ?? `http://localhost:${env.PORT ?? 3000}`;
}

/** The origin the browser used, from the Host (or a proxy's X-Forwarded-Host) header. */
function requestOrigin(headers: Pick<Headers, "get">, protocol: string): string | null {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return null;
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : protocol;
  return `${proto}://${host}`;
}

/** Whether a form post comes from this site (its Origin header is the site's address, or absent). */
export function isSameSitePost(request: Request, env: SiteEnv): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === siteOrigin(request, env) || origin === env.NEXTAUTH_URL?.replace(/\/+$/, "");
}
