import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

export type ErrorBody = { error?: { json: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } } };

/** A mutation through the HTTP handler the app serves, so messages and field errors are what a form receives. */
export async function mutate(db: Database, actor: Actor, procedure: string, input: unknown) {
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

/** Expects the call to be refused with this tRPC code (and message, when given); returns the error. */
export async function refusal(attempt: Promise<unknown>, code: TRPCError["code"], message?: string | RegExp) {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (typeof message === "string") expect((error as TRPCError).message).toBe(message);
  else if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}
