import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

/** Calls the real appRouter, with its policy middleware, as a given actor (or anonymously). */
export function callerFor(db: Database, actor: Actor | null) {
  return createCaller({ db, actor });
}
