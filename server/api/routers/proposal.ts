import { router } from "@/server/api/trpc";

/** Proposals: co-written in a sub-group, revised section by section, submitted to a round. */
export const proposalRouter = router({});
