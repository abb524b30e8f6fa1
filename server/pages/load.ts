import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { paths } from "@/lib/paths";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * How every page turns its data into "not found" or "sign in first". A page calls the API
 * (so the one policy applies) through these instead of catching errors itself.
 */

/** Refusals a page shows as "not found": what the viewer may not see is not there for them. */
const UNSEEN = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"]);

/** The signed-in actor, or a redirect to sign in that comes back to `here`. */
export async function requireSignedIn(here: string) {
  const actor = await getCurrentActor();
  if (!actor) redirect(paths.signIn(here));
  return actor;
}

/**
 * The page's data; "not found" when the API refuses to show it, and sign in (coming back to
 * `here`) when it needs a signed-in person. Anything else is a real failure and propagates.
 */
export async function loadOr404<T>(load: () => Promise<T>, options: { here?: string } = {}): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") {
        if (options.here) redirect(paths.signIn(options.here));
        notFound();
      }
      if (UNSEEN.has(error.code)) notFound();
    }
    throw error;
  }
}

/** A route parameter that must match its schema (an id, a slug), or the page is not found. */
export function paramOr404<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The same record must belong to the partnership the address names. */
export function samePartnershipOr404(addressSlug: string, recordSlug: string): void {
  if (addressSlug !== recordSlug) notFound();
}
