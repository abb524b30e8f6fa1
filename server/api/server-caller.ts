import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { getCurrentActor } from "@/server/auth/current-actor";
import type { GrantMemo } from "@/server/auth/resolve";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { requestIdFrom } from "@/server/request-context";
import { originFromHeaders } from "@/server/site-address";
import { appRouter, createCaller } from "./root";

/**
 * Server components reach the API only through these, so a page and a client component
 * always pass the same policy checks. Both are created once per request.
 */
const getContext = cache(async () => {
  const requestHeaders = await headers();
  return {
    db: getDb(),
    actor: await getCurrentActor(),
    siteOrigin: originFromHeaders(requestHeaders, getEnv()),
    requestId: requestIdFrom(requestHeaders),
    grants: new Map() as GrantMemo,
  };
});

/** Direct calls, for data a server component renders itself. */
export const getApi = cache(async () => createCaller(await getContext()));

/** The request's query client, for prefetching data that client components then read. */
export const getQueryClient = cache(makeQueryClient);

/** Query options for prefetching: `getQueryClient().prefetchQuery((await getTrpc()).me.profile.queryOptions())`. */
export const getTrpc = cache(async () =>
  createTRPCOptionsProxy({ ctx: await getContext(), router: appRouter, queryClient: getQueryClient }),
);
