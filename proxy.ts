import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/server/request-context";

/**
 * Security headers for every response, decided per request:
 *
 * - a Content-Security-Policy with a fresh nonce: Next.js puts the nonce on its own scripts
 *   (it reads the policy from the request headers set here), and 'strict-dynamic' lets those
 *   scripts load the app's chunks. No inline script without the nonce runs, so a story body
 *   or any other stored text cannot carry script even if sanitising ever failed;
 * - Strict-Transport-Security when the site is reached over https (directly, or through a
 *   proxy that says so in X-Forwarded-Proto);
 * - Cache-Control: no-store on everything but the build's static files, because almost
 *   every page and API answer carries personal data.
 *
 * Images, story pictures included, come from this site only (img-src 'self'): a story's
 * pictures are its uploaded files, served by Tandem's own download route, so no reader's
 * browser is sent to another website to fetch one.
 */

const DEVELOPMENT = process.env.NODE_ENV === "development";

export function contentSecurityPolicy(nonce: string, options: { https: boolean; development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only for the development server's fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React writes a few style attributes (chart bar widths); no script can hide in them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : request.nextUrl.protocol === "https:";
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttps(request);
  const policy = contentSecurityPolicy(nonce, { https, development: DEVELOPMENT });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // One id per request, on every log line written for it and in the response for support.
  const requestId = requestIdFrom(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A served file carries its own, stricter policy (server/domain/files/download.ts).
  if (!request.nextUrl.pathname.startsWith("/api/files/")) {
    response.headers.set("Content-Security-Policy", policy);
    response.headers.set("Cache-Control", "no-store");
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, public, cacheable).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
