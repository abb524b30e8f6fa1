"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { createContext, useContext, useState, type ComponentType, type ReactNode } from "react";
import superjson from "superjson";
import { MAX_CALLS_PER_REQUEST } from "@/lib/api-limits";
import { makeQueryClient } from "@/lib/query-client";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

type ApiClients = { queryClient: QueryClient; trpcClient: TRPCClient<AppRouter> };

function makeClients(): ApiClients {
  return {
    queryClient: makeQueryClient(),
    trpcClient: createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_CALLS_PER_REQUEST })],
    }),
  };
}

/** In the browser every part of a page that calls the API shares one cache, so a change made in one refreshes the others. */
let browserClients: ApiClients | undefined;

/** Whether an ApiProvider is already above: a nested one then adds nothing. */
const ApiPresent = createContext(false);

/**
 * The API client and its query cache, for the parts of a page that call the API. It is not
 * in the root layout: a page with nothing that calls the API (the home page, the project
 * list) then loads none of React Query, the tRPC client or superjson. Client components
 * that call the API are exported through `withApi`, which puts one of these above them
 * when there is none yet. On the server each render has its own cache (one person's data
 * never reaches another's page); in the browser there is one for the whole page.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const present = useContext(ApiPresent);
  const [clients] = useState(() => (present ? null : typeof window === "undefined" ? makeClients() : (browserClients ??= makeClients())));
  if (!clients) return children;
  return (
    <ApiPresent.Provider value>
      <QueryClientProvider client={clients.queryClient}>
        <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ApiPresent.Provider>
  );
}

/** A client component that calls the API, with the API client above it wherever it is rendered. */
export function withApi<Props extends object>(Component: ComponentType<Props>): ComponentType<Props> {
  function WithApi(props: Props) {
    return (
      <ApiProvider>
        <Component {...props} />
      </ApiProvider>
    );
  }
  WithApi.displayName = `withApi(${Component.displayName ?? Component.name})`;
  return WithApi;
}
