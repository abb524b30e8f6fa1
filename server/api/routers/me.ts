import { z } from "zod";
import { requestAccountClosureInput, requestDataExportInput } from "@/lib/schemas/personal-data";
import { updateNotificationSettingsInput, updateProfileInput } from "@/lib/schemas/profile";
import { router, signedInProcedure } from "@/server/api/trpc";
import { calendarFeedStatus, replaceCalendarFeed, revokeCalendarFeed } from "@/server/domain/events/calendar-feed";
import { configuredOrigin } from "@/server/site-address";
import { getEnv } from "@/server/env";
import { pendingErasure, requestErasure, withdrawErasure } from "@/server/domain/personal-data/erasure";
import { listDataExports, requestDataExport } from "@/server/domain/personal-data/export";
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
  /** The private calendar feed link: whether it is on; turn it on or replace it; turn it off. */
  calendarFeed: signedInProcedure.query(({ ctx }) => calendarFeedStatus(ctx.db, ctx.actor)),
  replaceCalendarFeed: signedInProcedure
    .input(z.object({}).strict().optional())
    .mutation(({ ctx }) => replaceCalendarFeed(ctx.db, ctx.actor, ctx.siteOrigin ?? configuredOrigin(getEnv()))),
  revokeCalendarFeed: signedInProcedure
    .input(z.object({}).strict().optional())
    .mutation(({ ctx }) => revokeCalendarFeed(ctx.db, ctx.actor)),
  /** Closing the account: the waiting request, if any; ask (after the grace period); change one's mind. */
  accountClosure: signedInProcedure.query(({ ctx }) => pendingErasure(ctx.db, ctx.actor.userId)),
  requestAccountClosure: signedInProcedure
    .input(requestAccountClosureInput)
    .mutation(async ({ ctx }) => (await requestErasure(ctx.db, { userId: ctx.actor.userId, requestedById: ctx.actor.userId }, getEnv())).request),
  withdrawAccountClosure: signedInProcedure
    .input(z.object({}).strict().optional())
    .mutation(({ ctx }) => withdrawErasure(ctx.db, ctx.actor)),
  /** "Download my data": the person's own exports (never the zip), and asking for a new one. */
  dataExports: signedInProcedure.query(({ ctx }) => listDataExports(ctx.db, ctx.actor, { keepDays: getEnv().TANDEM_RETAIN_DATA_EXPORTS_DAYS })),
  requestDataExport: signedInProcedure
    .input(requestDataExportInput)
    .mutation(({ ctx }) => requestDataExport(ctx.db, ctx.actor)),
});
