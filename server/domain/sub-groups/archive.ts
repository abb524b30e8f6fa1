import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import type { Actor } from "@/server/auth/session";
import type { Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { notify } from "@/server/domain/notifications/notify";
import { personName } from "./people";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type SubGroupToArchive = { id: string; name: string; partnershipId: string };

/**
 * Archives sub-groups (the caller holds their rows locked): stamps them with `archivedAt`,
 * closes their pending join requests (the requesters are told) and records an activity for
 * each (`reason`, when given, says why, e.g. "with its priority area"). Nothing is deleted: members, conversations and decisions stay as history.
 */
export async function archiveSubGroupsInTx(
  tx: Tx,
  actor: Actor,
  slug: string,
  subGroups: readonly SubGroupToArchive[],
  archivedAt: Date,
  reason: string,
): Promise<void> {
  if (subGroups.length === 0) return;
  await tx.subGroup.updateMany({ where: { id: { in: subGroups.map((group) => group.id) } }, data: { archivedAt } });
  for (const subGroup of subGroups) {
    const link = paths.subGroup(slug, subGroup.id);
    const pending = await tx.joinRequest.findMany({
      where: { subGroupId: subGroup.id, status: "PENDING" },
      select: { id: true, userId: true },
    });
    if (pending.length > 0) {
      await tx.joinRequest.updateMany({
        where: { id: { in: pending.map((request) => request.id) }, status: "PENDING" },
        data: {
          status: "WITHDRAWN",
          decidedById: actor.userId,
          decidedAt: archivedAt,
          decisionNote: "Closed because the sub-group was archived.",
        },
      });
      await notify(tx, {
        userIds: pending.map((request) => request.userId),
        actorId: actor.userId,
        partnershipId: subGroup.partnershipId,
        kind: "JOIN_DECISION",
        title: `Your request to join ${subGroup.name} was closed`,
        body: `${subGroup.name} has been archived, so it is not taking new members.`,
        linkPath: link,
      });
    }
    await recordActivity(tx, {
      partnershipId: subGroup.partnershipId,
      subGroupId: subGroup.id,
      actorId: actor.userId,
      kind: "SUBGROUP_ARCHIVED",
      summary: `${personName(actor)} archived ${subGroupInSentence(subGroup.name)}${reason ? ` (${reason})` : ""}`,
      linkPath: link,
    });
  }
}
