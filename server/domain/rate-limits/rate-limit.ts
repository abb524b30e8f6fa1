import { createHash } from "node:crypto";
import type { Database } from "@/server/db/client";
import type { RateLimitRule } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * Rate limits shared by every instance of Tandem: each key (an email address, an IP
 * address, a person) has one row in RateLimitBucket holding the times of its requests in
 * the last window, a sliding log of at most `limit` entries. One statement counts a
 * request atomically (INSERT ... ON CONFLICT DO UPDATE ... WHERE fewer than `limit`), so
 * two instances cannot both let the last one through. A refused request is not recorded,
 * so "try again in 8 minutes" stays true however often someone retries. Each count also
 * deletes a few expired rows (not this key's), so the table holds only live keys.
 */

export type RateLimitScope = "sign-in-email" | "sign-in-ip" | "invitations" | "demo-sign-in" | "mutations" | "uploads" | "calendar-feed";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Expired rows removed by each count: a count creates at most one row, so expired rows cannot pile up. */
const EXPIRED_ROWS_PER_COUNT = 20;

/** The stored key: the scope and a hash of the subject, so no address is kept in the table. */
export function rateLimitKey(scope: RateLimitScope, subject: string): string {
  return `${scope}:${createHash("sha256").update(subject).digest("base64url")}`;
}

/** A refusal: try again in whole seconds, at least one and never longer than the window. */
function refused(rule: RateLimitRule, retryAfterSeconds: number): RateLimitOutcome {
  return { allowed: false, retryAfterSeconds: Math.min(rule.windowSeconds, Math.max(1, Math.ceil(retryAfterSeconds))) };
}

/** Counts one request for `subject`, or refuses it. A rule of null (the limit turned off) allows everything. */
export async function countRequest(
  db: Database,
  scope: RateLimitScope,
  subject: string,
  rule: RateLimitRule | null,
  now: Date = new Date(),
): Promise<RateLimitOutcome> {
  if (!rule) return { allowed: true };
  const key = rateLimitKey(scope, subject);
  const since = new Date(now.getTime() - rule.windowSeconds * 1000);
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ counted: number | null; retryAfter: number | null }[]>`
    WITH expired AS (
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket"
        WHERE "expiresAt" <= ${now}::timestamp(3) AND "key" <> ${key}
        ORDER BY "expiresAt" LIMIT ${EXPIRED_ROWS_PER_COUNT}::int
        FOR UPDATE SKIP LOCKED
      )
    ), counted AS (
      INSERT INTO "RateLimitBucket" AS bucket ("key", "hits", "expiresAt")
      VALUES (${key}, ARRAY[${now}::timestamp(3)], ${expiresAt}::timestamp(3))
      ON CONFLICT ("key") DO UPDATE SET
        "hits" = array_append(
          ARRAY(SELECT hit FROM unnest(bucket."hits") AS hit WHERE hit > ${since}::timestamp(3) ORDER BY hit),
          ${now}::timestamp(3)
        ),
        "expiresAt" = ${expiresAt}::timestamp(3)
      WHERE (SELECT count(*) FROM unnest(bucket."hits") AS hit WHERE hit > ${since}::timestamp(3)) < ${rule.limit}::int
      RETURNING cardinality(bucket."hits") AS counted
    )
    SELECT
      (SELECT counted FROM counted)::int AS counted,
      (
        SELECT EXTRACT(EPOCH FROM (hit - ${since}::timestamp(3)))::float8
        FROM "RateLimitBucket" AS stored, unnest(stored."hits") AS hit
        WHERE stored."key" = ${key} AND hit > ${since}::timestamp(3)
        ORDER BY hit DESC
        OFFSET ${rule.limit - 1}::int LIMIT 1
      ) AS "retryAfter"`;
  if (row && row.counted !== null) return { allowed: true };
  // The request is allowed again when the oldest of the last `limit` requests leaves the window.
  const retryAfter = row?.retryAfter ?? rule.windowSeconds;
  return refused(rule, retryAfter);
}

/**
 * Would a request for `subject` be allowed now? Reads only, counts nothing: for limits
 * that count a request once it has succeeded (API changes, so that a refused call writes
 * nothing). Calls in flight together may all pass before any is counted, so such a limit
 * can be passed by as many calls as one person runs at once.
 */
export async function peekRequest(
  db: Database,
  scope: RateLimitScope,
  subject: string,
  rule: RateLimitRule | null,
  now: Date = new Date(),
): Promise<RateLimitOutcome> {
  if (!rule) return { allowed: true };
  const since = new Date(now.getTime() - rule.windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ retryAfter: number }[]>`
    SELECT EXTRACT(EPOCH FROM (hit - ${since}::timestamp(3)))::float8 AS "retryAfter"
    FROM "RateLimitBucket" AS stored, unnest(stored."hits") AS hit
    WHERE stored."key" = ${rateLimitKey(scope, subject)} AND hit > ${since}::timestamp(3)
    ORDER BY hit DESC
    OFFSET ${rule.limit - 1}::int LIMIT 1`;
  if (!row) return { allowed: true };
  return refused(rule, row.retryAfter);
}

/** "8 minutes", "1 minute", "40 seconds", "2 hours": how long until the next try, rounded up. */
export function waitInWords(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds <= 90 * 60) return plural(Math.ceil(seconds / 60), "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}

/** An expected refusal: tRPC answers it with 429 and the route handler adds Retry-After. */
export class RateLimitedError extends AppError {
  constructor(
    what: string,
    public readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_REQUESTS", `${what} Try again in ${waitInWords(retryAfterSeconds)}.`);
    this.name = "RateLimitedError";
  }
}

/** Counts one request or throws RateLimitedError with `what` ("Too many invitations were sent."). */
export async function enforceRateLimit(
  db: Database,
  scope: RateLimitScope,
  subject: string,
  rule: RateLimitRule | null,
  what: string,
  now?: Date,
): Promise<void> {
  const outcome = await countRequest(db, scope, subject, rule, now);
  if (!outcome.allowed) throw new RateLimitedError(what, outcome.retryAfterSeconds);
}

/** The HTTP answer to a refused request: 429, Retry-After in seconds, and the message (as JSON when `json` is given). */
export function tooManyRequestsResponse(
  refusal: { message: string; retryAfterSeconds: number },
  options: { json?: Record<string, unknown> } = {},
): Response {
  const headers = { "retry-after": String(refusal.retryAfterSeconds), "cache-control": "no-store" };
  if (options.json) return Response.json({ ...options.json, message: refusal.message }, { status: 429, headers });
  return new Response(refusal.message, { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
