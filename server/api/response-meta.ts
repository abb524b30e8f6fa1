import type { TRPCError } from "@trpc/server";
import { RateLimitedError } from "@/server/domain/rate-limits/rate-limit";

/**
 * Headers the API adds from its errors: a call refused by a rate limit (429) says in
 * Retry-After how many seconds to wait (the longest wait, for a batch).
 */
export function apiResponseMeta({ errors }: { errors: TRPCError[] }): { headers?: Headers } {
  const waits = errors.map((error) => error.cause).filter((cause) => cause instanceof RateLimitedError).map((cause) => cause.retryAfterSeconds);
  if (waits.length === 0) return {};
  return { headers: new Headers({ "retry-after": String(Math.max(...waits)) }) };
}
