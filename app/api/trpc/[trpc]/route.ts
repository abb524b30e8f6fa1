import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { resolveActor, sessionTokenFromCookieHeader } from "@/server/auth/session";
import { getDb } from "@/server/db/client";

async function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => {
      const db = getDb();
      return { db, actor: await resolveActor(db, sessionTokenFromCookieHeader(request.headers.get("cookie"))) };
    },
  });
}

export { handler as GET, handler as POST };
