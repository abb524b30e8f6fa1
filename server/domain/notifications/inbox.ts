import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError, notFound } from "@/server/errors";
import { paths, safeLinkPath } from "@/lib/paths";

export const NOTIFICATIONS_PAGE_SIZE = 30;

/**
 * The actor's own notifications, newest first, 30 at a time. Every query here is scoped
 * to `actor.userId`: someone else's notification behaves exactly like one that does not exist.
 */
export async function listNotifications(
  db: Database,
  actor: Actor,
  input: { cursor?: string | null; unreadOnly?: boolean } = {},
) {
  const mine: Prisma.NotificationWhereInput = { userId: actor.userId, ...(input.unreadOnly ? { readAt: null } : {}) };
  let after: Prisma.NotificationWhereInput = {};
  if (input.cursor) {
    const last = await db.notification.findFirst({
      where: { id: input.cursor, userId: actor.userId },
      select: { id: true, createdAt: true },
    });
    if (!last) throw new AppError("BAD_REQUEST", "That page of notifications is no longer available. Start from the newest.");
    after = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await db.notification.findMany({
    where: { AND: [mine, after] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      linkPath: true,
      readAt: true,
      createdAt: true,
      partnership: { select: { name: true, slug: true } },
    },
  });
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  return {
    items: page.map((row) => ({ ...row, linkPath: safeLinkPath(row.linkPath) ?? paths.notifications(), read: row.readAt !== null })),
    nextCursor: rows.length > NOTIFICATIONS_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function countUnread(db: Database, actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks one of the actor's notifications read and says where it leads. Already read: nothing changes. */
export async function markNotificationRead(db: Database, actor: Actor, notificationId: string) {
  await db.notification.updateMany({
    where: { id: notificationId, userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  const notification = await db.notification.findFirst({
    where: { id: notificationId, userId: actor.userId },
    select: { id: true, linkPath: true, readAt: true },
  });
  if (!notification) throw notFound("That notification");
  return { id: notification.id, linkPath: safeLinkPath(notification.linkPath) ?? paths.notifications(), readAt: notification.readAt };
}

export async function markAllNotificationsRead(db: Database, actor: Actor) {
  const result = await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { count: result.count };
}
