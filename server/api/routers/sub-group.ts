import { router } from "@/server/api/trpc";

export const subGroupRouter = router({});
