import { createCallerFactory, router } from "./trpc";
import { meRouter } from "./routers/me";
import { partnershipRouter } from "./routers/partnership";
import { systemRouter } from "./routers/system";

export const appRouter = router({
  system: systemRouter,
  me: meRouter,
  partnership: partnershipRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
