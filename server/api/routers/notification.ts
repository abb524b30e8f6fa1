import { listNotificationsInput, notificationRefInput } from "@/lib/schemas/notifications";
import { router, signedInProcedure } from "@/server/api/trpc";
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/server/domain/notifications/inbox";

/** The actor's own notifications: every procedure reads and writes only `ctx.actor`'s rows. */
export const notificationRouter = router({
  list: signedInProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: signedInProcedure.query(({ ctx }) => countUnread(ctx.db, ctx.actor)),
  markRead: signedInProcedure
    .input(notificationRefInput)
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.actor, input.notificationId)),
  markAllRead: signedInProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.actor)),
});
