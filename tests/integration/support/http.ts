import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

export type ErrorBody = { error?: { json: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } } };

/** A mutation through the HTTP handler the app serves, so messages and field errors are what a form receives. */
export async function mutate(db: Database, actor: Actor | null, procedure: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
    router: appRouter,
    createContext: () => ({ db, actor }),
    onError: () => {},
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

/** The earlier name of `expectFailure`, kept for tests not yet moved to it. */
export { expectFailure as refusal } from "./expect";
