import { router } from "@/server/api/trpc";

export const notificationRouter = router({});
