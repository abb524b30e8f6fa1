import { router } from "@/server/api/trpc";

export const membershipRouter = router({});
