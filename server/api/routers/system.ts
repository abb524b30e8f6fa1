import { publicProcedure, router } from "@/server/api/trpc";

export const systemRouter = router({
  /** A cheap liveness probe for clients; the full check is /api/health. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
