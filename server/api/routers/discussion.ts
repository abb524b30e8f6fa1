import { router } from "@/server/api/trpc";

export const discussionRouter = router({});
