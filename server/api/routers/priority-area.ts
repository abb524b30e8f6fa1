import { router } from "@/server/api/trpc";

export const priorityAreaRouter = router({});
