import { updateNotificationSettingsInput, updateProfileInput } from "@/lib/schemas/profile";
import { router, signedInProcedure } from "@/server/api/trpc";
import { getOwnProfile, updateNotificationSettings, updateOwnProfile } from "@/server/domain/people/profile";

/** The signed-in person's own account: every procedure acts on ctx.actor, never on an id from the input. */
export const meRouter = router({
  profile: signedInProcedure.query(({ ctx }) => getOwnProfile(ctx.db, ctx.actor)),
  updateProfile: signedInProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateOwnProfile(ctx.db, ctx.actor, input)),
  updateNotificationSettings: signedInProcedure
    .input(updateNotificationSettingsInput)
    .mutation(({ ctx, input }) => updateNotificationSettings(ctx.db, ctx.actor, input)),
});
