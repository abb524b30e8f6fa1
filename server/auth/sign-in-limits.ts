import type { Database } from "@/server/db/client";
import { clientAddress } from "@/server/domain/rate-limits/client-address";
import { countRequest, RateLimitedError, tooManyRequestsResponse } from "@/server/domain/rate-limits/rate-limit";
import { getEnv, type Env } from "@/server/env";
import { siteOrigin } from "@/server/site-address";

/**
 * How an email address is compared (and stored in VerificationToken): next-auth's own
 * rule, given to the email provider as `normalizeIdentifier` so the limits below count
 * exactly the address a link would be sent to. Throws on an address that is not one.
 */
export function normaliseSignInEmail(identifier: string): string {
  const trimmed = identifier.normalize("NFKC").trim();
  if ((trimmed.match(/@/g) ?? []).length !== 1 || trimmed.includes('"')) throw new Error("Invalid email address format.");
  const [local, domainPart] = trimmed.toLowerCase().split("@");
  const domain = domainPart?.split(",")[0];
  if (!local || !domain || !domain.includes(".")) throw new Error("Invalid email address format.");
  return `${local}@${domain}`;
}

function tryNormalise(identifier: string): string | null {
  try {
    return normaliseSignInEmail(identifier);
  } catch {
    return null;
  }
}

/** Is this next-auth request the one that creates a sign-in token and emails the link? */
export function isSignInLinkRequest(request: Request): boolean {
  return request.method === "POST" && /\/signin\/email\/?$/.test(new URL(request.url).pathname);
}

export type SignInRefusal = { status: 429; message: string; retryAfterSeconds: number } | { status: 403; message: string };

/**
 * May this address (from this network) be sent a sign-in link now? At most
 * TANDEM_RATE_LIMIT_SIGN_IN_IP requests per client address and
 * TANDEM_RATE_LIMIT_SIGN_IN_EMAIL per address, counted in the database so every instance
 * shares them; and with TANDEM_SIGN_UP_DOMAINS set, an address outside those domains
 * only when it already has an account or an open invitation.
 */
export async function checkSignInLinkRequest(
  db: Database,
  request: { email: string; address: string },
  env: Env = getEnv(),
  now: Date = new Date(),
): Promise<SignInRefusal | null> {
  const byAddress = await countRequest(db, "sign-in-ip", request.address, env.TANDEM_RATE_LIMIT_SIGN_IN_IP, now);
  if (!byAddress.allowed) {
    const error = new RateLimitedError("Too many sign-in links were asked for from your network.", byAddress.retryAfterSeconds);
    return { status: 429, message: error.userMessage, retryAfterSeconds: error.retryAfterSeconds };
  }
  const email = tryNormalise(request.email);
  if (!email) return null; // next-auth refuses it without creating a token
  const byEmail = await countRequest(db, "sign-in-email", email, env.TANDEM_RATE_LIMIT_SIGN_IN_EMAIL, now);
  if (!byEmail.allowed) {
    const error = new RateLimitedError("Too many sign-in links were asked for this address.", byEmail.retryAfterSeconds);
    return { status: 429, message: error.userMessage, retryAfterSeconds: error.retryAfterSeconds };
  }
  const domains = env.TANDEM_SIGN_UP_DOMAINS;
  if (domains && !domains.includes(email.slice(email.lastIndexOf("@") + 1))) {
    const [user, invitation] = await Promise.all([
      db.user.findUnique({ where: { email }, select: { id: true } }),
      db.invitation.findFirst({
        where: { email: { equals: email, mode: "insensitive" }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        select: { id: true },
      }),
    ]);
    if (!user && !invitation) {
      return {
        status: 403,
        message:
          "This email address cannot be used to join Tandem here. Ask an officer of your partnership to send you an invitation, then use the link in it.",
      };
    }
  }
  return null;
}

/**
 * The sign-in route's guard, run before next-auth sees the request: a request for a
 * sign-in link that must be refused is answered here (429 with Retry-After, or 403),
 * so no token is created and no email is sent. Anything else gives null: pass it on.
 */
export async function refuseSignInLinkRequest(
  db: Database,
  request: Request,
  env: Env = getEnv(),
  now: Date = new Date(),
): Promise<Response | null> {
  if (!isSignInLinkRequest(request)) return null;
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await request.clone().text());
  } catch {
    return null; // next-auth answers a body it cannot read
  }
  const refusal = await checkSignInLinkRequest(
    db,
    { email: form.get("email") ?? "", address: clientAddress(request.headers, env.TANDEM_PROXY_HOPS) },
    env,
    now,
  );
  if (!refusal) return null;
  const base = siteOrigin(request, env);
  // next-auth's browser client asks for JSON ({ url }); the sign-in form shows `message`.
  const json = form.get("json") === "true" ? { url: `${base}/signin` } : undefined;
  if (refusal.status === 429) {
    return tooManyRequestsResponse({ message: refusal.message, retryAfterSeconds: refusal.retryAfterSeconds }, { json });
  }
  const headers = { "cache-control": "no-store" };
  return json
    ? Response.json({ ...json, message: refusal.message }, { status: 403, headers })
    : new Response(refusal.message, { status: 403, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
