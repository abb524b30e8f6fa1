import { router } from "@/server/api/trpc";

/** Assessment: officers run a round's panel, assessors score, officers decide. */
export const assessmentRouter = router({});
