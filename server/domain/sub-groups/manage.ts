import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { JoinPolicy } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { ARCHIVED_SUB_GROUP_MESSAGE, LEAD_ELIGIBLE_ROLES, type SubGroupAccess } from "./access";
import { archiveSubGroupsInTx } from "./archive";
import { personName } from "./people";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type SubGroupDetails = { name: string; purpose: string; joinPolicy: JoinPolicy };

const listOfNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/**
 * Starts a sub-group under a current priority area, led by one to four partnership members
 * who take an active part. The leads are told.
 */
export async function createSubGroup(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: SubGroupDetails & { priorityAreaId: string; leadUserIds: readonly string[] },
) {
  return db.$transaction(async (tx) => {
    // A share lock: the area cannot be archived while its new sub-group is being added.
    const [area] = await tx.$queryRaw<{ id: string; title: string; archivedAt: Date | null; slug: string }[]>`
      SELECT a."id", a."title", a."archivedAt", p."slug"
      FROM "PriorityArea" a JOIN "Partnership" p ON p."id" = a."partnershipId"
      WHERE a."id" = ${input.priorityAreaId} AND a."partnershipId" = ${partnershipId}
      FOR SHARE OF a`;
    if (!area) throw notFound("That priority area");
    if (area.archivedAt) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${area.title} is archived, so no new sub-groups can be started in it. Restore it first.`,
      );
    }
    const leadIds = [...new Set(input.leadUserIds)];
    const memberships = await tx.membership.findMany({
      where: { partnershipId, userId: { in: leadIds } },
      select: { userId: true, role: true, user: { select: { name: true } } },
    });
    if (memberships.length !== leadIds.length) {
      throw new AppError("BAD_REQUEST", "Every lead must be a member of this partnership.", {
        leadUserIds: ["Choose leads from the partnership's members"],
      });
    }
    const observers = memberships.filter((membership) => !(LEAD_ELIGIBLE_ROLES as readonly string[]).includes(membership.role));
    if (observers.length > 0) {
      const names = listOfNames(observers.map((observer) => personName(observer.user)));
      const message = `${names} ${observers.length === 1 ? "is an observer" : "are observers"} in this partnership, so cannot lead a sub-group.`;
      throw new AppError("BAD_REQUEST", message, { leadUserIds: [message] });
    }
    const subGroup = await tx.subGroup.create({
      data: {
        partnershipId,
        priorityAreaId: area.id,
        name: input.name,
        purpose: input.purpose,
        joinPolicy: input.joinPolicy,
        members: { create: leadIds.map((userId) => ({ userId, role: "LEAD" as const })) },
      },
      select: { id: true, name: true, joinPolicy: true },
    });
    const link = paths.subGroup(area.slug, subGroup.id);
    const leadNames = listOfNames(
      leadIds.map((userId) => personName(memberships.find((membership) => membership.userId === userId)!.user)),
    );
    await recordActivity(tx, {
      partnershipId,
      subGroupId: subGroup.id,
      actorId: actor.userId,
      kind: "SUBGROUP_CREATED",
      summary: `${personName(actor)} started ${subGroupInSentence(subGroup.name)} in ${area.title}, led by ${leadNames}`,
      linkPath: link,
    });
    await notify(tx, {
      userIds: leadIds,
      actorId: actor.userId,
      partnershipId,
      kind: "ROLE_CHANGED",
      title: `You are a lead of ${subGroupInSentence(subGroup.name)}, which is new`,
      body: `${personName(actor)} started ${subGroup.name} in ${area.title} and made you one of its leads.`,
      linkPath: link,
    });
    return { ...subGroup, priorityAreaId: area.id };
  });
}

type LockedForEdit = { id: string; name: string; purpose: string; joinPolicy: JoinPolicy; partnershipId: string; archivedAt: Date | null; slug: string };

/** Waits for membership changes in flight (they hold a share lock) and keeps new ones out until we finish. */
async function lockForEdit(tx: Tx, subGroupId: string): Promise<LockedForEdit> {
  const [row] = await tx.$queryRaw<LockedForEdit[]>`
    SELECT s."id", s."name", s."purpose", s."joinPolicy"::text AS "joinPolicy", s."partnershipId", s."archivedAt", p."slug"
    FROM "SubGroup" s JOIN "Partnership" p ON p."id" = s."partnershipId"
    WHERE s."id" = ${subGroupId}
    FOR NO KEY UPDATE OF s`;
  if (!row) throw notFound("That sub-group");
  return row;
}

const JOIN_POLICY_WORDS: Record<JoinPolicy, string> = { OPEN: "open to join", APPROVAL: "join by request" };

/** Leads and steering roles edit the name, purpose and how people join. */
export async function updateSubGroup(db: Database, access: SubGroupAccess, input: SubGroupDetails) {
  return db.$transaction(async (tx) => {
    const current = await lockForEdit(tx, access.subGroup.id);
    if (current.archivedAt) throw new AppError("PRECONDITION_FAILED", ARCHIVED_SUB_GROUP_MESSAGE);
    const updated = await tx.subGroup.update({
      where: { id: current.id },
      data: { name: input.name, purpose: input.purpose, joinPolicy: input.joinPolicy },
      select: { id: true, name: true, purpose: true, joinPolicy: true },
    });
    const changes = [
      current.name !== updated.name ? `renamed from ${current.name}` : null,
      current.purpose !== updated.purpose ? "new purpose" : null,
      current.joinPolicy !== updated.joinPolicy ? `now ${JOIN_POLICY_WORDS[updated.joinPolicy]}` : null,
    ].filter((change): change is string => change !== null);
    if (changes.length > 0) {
      await recordActivity(tx, {
        partnershipId: current.partnershipId,
        subGroupId: current.id,
        actorId: access.actor.userId,
        kind: "SUBGROUP_UPDATED",
        summary: `${personName(access.actor)} updated ${subGroupInSentence(updated.name)}: ${changes.join(", ")}`,
        linkPath: paths.subGroup(current.slug, current.id),
      });
    }
    return { ...updated, changed: changes.length > 0 };
  });
}

/** Steering roles archive a sub-group: kept as history, closed to changes and new members. */
export async function archiveSubGroup(db: Database, access: SubGroupAccess) {
  return db.$transaction(async (tx) => {
    const current = await lockForEdit(tx, access.subGroup.id);
    if (current.archivedAt) throw new AppError("PRECONDITION_FAILED", `${current.name} is already archived.`);
    const archivedAt = new Date();
    await archiveSubGroupsInTx(tx, access.actor, current.slug, [current], archivedAt, "");
    return { id: current.id, archivedAt };
  });
}
