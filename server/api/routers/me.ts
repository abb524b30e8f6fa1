import { router, signedInProcedure } from "@/server/api/trpc";
import { getOwnProfile } from "@/server/domain/people/profile";

export const meRouter = router({
  profile: signedInProcedure.query(({ ctx }) => getOwnProfile(ctx.db, ctx.actor)),
});
