import { router } from "@/server/api/trpc";

export const invitationRouter = router({});
