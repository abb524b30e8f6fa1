import { router } from "@/server/api/trpc";

/** Events, RSVPs, speed networking and "we should talk again" connections. */
export const eventRouter = router({});
