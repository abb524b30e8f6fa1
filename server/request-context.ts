import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request (or background job) the code is working for, so every log line it writes
 * carries the same id. proxy.ts gives every request an `x-request-id` (keeping a well-formed
 * one a load balancer set) and returns it in the response.
 */
export type RequestContext = { requestId: string };

export const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

const storage = new AsyncLocalStorage<RequestContext>();

export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
