import type { Prisma } from "@/server/db/generated/client";
import type { NotificationKind } from "@/server/db/generated/enums";

type Tx = Prisma.TransactionClient;

export type NewNotification = {
  /** Who to tell. Duplicates are dropped; nobody is told about their own action (pass `actorId`). */
  userIds: readonly string[];
  actorId?: string | null;
  partnershipId: string | null;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** Where the notification leads, e.g. /p/leeds-lcps/groups/abc/requests */
  linkPath: string;
};

/**
 * Creates in-app notifications in the same transaction as the event. Email is not sent
 * here: the digest (server/domain/notifications/digest.ts) batches unsent notifications
 * for people who opted in, so nobody gets a flood.
 */
export async function notify(tx: Tx, notification: NewNotification): Promise<number> {
  const recipients = [...new Set(notification.userIds)].filter((id) => id !== notification.actorId);
  if (recipients.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      partnershipId: notification.partnershipId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body ?? null,
      linkPath: notification.linkPath,
    })),
  });
  return result.count;
}
