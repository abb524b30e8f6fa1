import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { checkRequestLimits } from "@/server/api/request-limits";
import { apiResponseMeta } from "@/server/api/response-meta";
import { resolveActor, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { requestIdFrom, withRequestContext } from "@/server/request-context";
import { siteOrigin } from "@/server/site-address";

const ENDPOINT = "/api/trpc";

function handler(incoming: Request) {
  const requestId = requestIdFrom(incoming.headers);
  return withRequestContext({ requestId }, () => handle(incoming, requestId));
}

async function handle(incoming: Request, requestId: string) {
  const checked = await checkRequestLimits(incoming, ENDPOINT);
  if (!checked.ok) return checked.response;
  const request = checked.request;
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    responseMeta: apiResponseMeta,
    createContext: async () => {
      const db = getDb();
      return {
        db,
        actor: await resolveActor(db, sessionTokenFromCookieHeader(request.headers.get("cookie"))),
        siteOrigin: siteOrigin(request, getEnv()),
        requestId,
        // A batch's calls share what they resolve of the actor's part in a partnership or project.
        grants: new Map(),
      };
    },
  });
}

export { handler as GET, handler as POST };
