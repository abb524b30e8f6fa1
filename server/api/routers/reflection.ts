import { router } from "@/server/api/trpc";

/** Reflections and surveys: question sets, runs, answers, results. */
export const reflectionRouter = router({});
