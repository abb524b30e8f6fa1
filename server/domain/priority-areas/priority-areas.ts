import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { can } from "@/server/auth/can";
import { LEAD_ELIGIBLE_ROLES } from "@/server/domain/sub-groups/access";
import { archiveSubGroupsInTx } from "@/server/domain/sub-groups/archive";
import { personName } from "@/server/domain/sub-groups/people";
import { sectorMix } from "@/server/domain/sub-groups/sector-mix";
import { AppError, notFound } from "@/server/errors";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type PriorityAreaDetails = { title: string; description: string; outcomesSought: string };

/**
 * The partnership's priority areas in their agreed order, each with its sub-groups: how
 * to join, who is in them by sector, and where the actor stands. Archived areas (and
 * archived sub-groups) come only when asked for, after the others.
 */
export async function listPriorityAreas(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  options: { includeArchived?: boolean } = {},
) {
  const includeArchived = options.includeArchived ?? false;
  const visible = includeArchived ? {} : { archivedAt: null };
  const areas = await db.priorityArea.findMany({
    where: { partnershipId: membership.partnershipId, ...visible },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      outcomesSought: true,
      position: true,
      archivedAt: true,
      subGroups: {
        where: visible,
        orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          purpose: true,
          joinPolicy: true,
          archivedAt: true,
          members: { select: { userId: true, role: true, user: { select: { organisation: { select: { sector: true } } } } } },
          joinRequests: {
            where: { userId: actor.userId, status: "PENDING" },
            select: { id: true, createdAt: true },
          },
        },
      },
    },
  });
  const ordered = [...areas.filter((area) => !area.archivedAt), ...areas.filter((area) => area.archivedAt)];
  return {
    viewer: {
      role: membership.role,
      canManagePriorityAreas: can("priorityArea.create", { actor, membership, subGroup: null }),
      canCreateSubGroups: can("subGroup.create", { actor, membership, subGroup: null }),
    },
    priorityAreas: ordered.map((area) => ({
      id: area.id,
      title: area.title,
      description: area.description,
      outcomesSought: area.outcomesSought,
      position: area.position,
      archived: area.archivedAt !== null,
      archivedAt: area.archivedAt,
      subGroups: area.subGroups.map((group) => {
        const mine = group.members.find((member) => member.userId === actor.userId);
        const myRole = mine?.role ?? null;
        const archived = group.archivedAt !== null;
        const pending = group.joinRequests[0] ?? null;
        return {
          id: group.id,
          name: group.name,
          purpose: group.purpose,
          joinPolicy: group.joinPolicy,
          archived,
          memberCount: group.members.length,
          sectorMix: sectorMix(group.members.map((member) => member.user)),
          myRole,
          isMember: myRole !== null,
          isLead: myRole === "LEAD",
          pendingRequest: pending ? { id: pending.id, createdAt: pending.createdAt } : null,
          canJoin:
            !archived &&
            myRole === null &&
            (pending === null || group.joinPolicy === "OPEN") &&
            can("subGroup.join", { actor, membership, subGroup: { id: group.id, partnershipId: membership.partnershipId, myRole } }),
        };
      }),
    })),
  };
}

/**
 * Steering roles pick a new sub-group's leads from these: partnership members who take an
 * active part (observers only read, so they cannot lead).
 */
export async function listCandidateLeads(db: Database, partnershipId: string) {
  const members = await db.membership.findMany({
    where: { partnershipId, role: { in: [...LEAD_ELIGIBLE_ROLES] } },
    orderBy: [{ user: { name: "asc" } }, { user: { id: "asc" } }],
    select: {
      role: true,
      user: { select: { id: true, name: true, organisation: { select: { id: true, name: true, sector: true } } } },
    },
  });
  return members.map(({ role, user }) => ({
    userId: user.id,
    name: personName(user),
    role,
    organisation: user.organisation,
    sector: user.organisation?.sector ?? ("INDIVIDUAL" as const),
  }));
}

/**
 * Priority area changes of one partnership run one at a time: titles and positions cannot
 * be raced. FOR NO KEY UPDATE, not FOR UPDATE: rows inserted meanwhile that refer to the
 * partnership (activity, join requests) must not wait for us, or a join in flight while we
 * wait for its sub-group would deadlock with us.
 */
async function lockPartnership(tx: Tx, partnershipId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ slug: string }[]>`
    SELECT "slug" FROM "Partnership" WHERE "id" = ${partnershipId} FOR NO KEY UPDATE`;
  if (!row) throw notFound("That partnership");
  return row.slug;
}

async function loadArea(tx: Tx, partnershipId: string, priorityAreaId: string) {
  const area = await tx.priorityArea.findFirst({
    where: { id: priorityAreaId, partnershipId },
    select: { id: true, title: true, position: true, archivedAt: true },
  });
  if (!area) throw notFound("That priority area");
  return area;
}

/**
 * Loads the area holding its row lock, for archiving and restoring: a sub-group being
 * started in it (which holds a share lock on the area) finishes first and is then seen,
 * or starts after and finds the area archived.
 */
async function lockArea(tx: Tx, partnershipId: string, priorityAreaId: string) {
  const [area] = await tx.$queryRaw<{ id: string; title: string; position: number; archivedAt: Date | null }[]>`
    SELECT "id", "title", "position", "archivedAt" FROM "PriorityArea"
    WHERE "id" = ${priorityAreaId} AND "partnershipId" = ${partnershipId}
    FOR NO KEY UPDATE`;
  if (!area) throw notFound("That priority area");
  return area;
}

async function assertTitleFree(tx: Tx, partnershipId: string, title: string, exceptId?: string) {
  const clash = await tx.priorityArea.findFirst({
    where: {
      partnershipId,
      archivedAt: null,
      title: { equals: title, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { title: true },
  });
  if (clash) {
    throw new AppError("CONFLICT", `There is already a priority area called "${clash.title}" in this partnership.`, {
      title: ["Choose a title that no other current priority area uses"],
    });
  }
}

async function nextPosition(tx: Tx, partnershipId: string): Promise<number> {
  const { _max } = await tx.priorityArea.aggregate({ where: { partnershipId }, _max: { position: true } });
  return _max.position === null ? 0 : _max.position + 1;
}

const ARCHIVED_AREA_MESSAGE = (title: string) =>
  `${title} is archived. Restore it before changing it.`;

/** Adds a priority area at the end of the partnership's list. */
export async function createPriorityArea(db: Database, actor: Actor, partnershipId: string, details: PriorityAreaDetails) {
  return db.$transaction(async (tx) => {
    const slug = await lockPartnership(tx, partnershipId);
    await assertTitleFree(tx, partnershipId, details.title);
    const area = await tx.priorityArea.create({
      data: { partnershipId, ...details, position: await nextPosition(tx, partnershipId) },
      select: { id: true, title: true, position: true },
    });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PRIORITY_AREA_CREATED",
      summary: `${personName(actor)} added the priority area ${area.title}`,
      linkPath: paths.priorities(slug),
    });
    return area;
  });
}

export async function updatePriorityArea(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: PriorityAreaDetails & { priorityAreaId: string },
) {
  return db.$transaction(async (tx) => {
    const slug = await lockPartnership(tx, partnershipId);
    const area = await loadArea(tx, partnershipId, input.priorityAreaId);
    if (area.archivedAt) throw new AppError("PRECONDITION_FAILED", ARCHIVED_AREA_MESSAGE(area.title));
    await assertTitleFree(tx, partnershipId, input.title, area.id);
    const updated = await tx.priorityArea.update({
      where: { id: area.id },
      data: { title: input.title, description: input.description, outcomesSought: input.outcomesSought },
      select: { id: true, title: true, description: true, outcomesSought: true, position: true },
    });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PRIORITY_AREA_UPDATED",
      summary:
        area.title === updated.title
          ? `${personName(actor)} updated the priority area ${updated.title}`
          : `${personName(actor)} renamed the priority area ${area.title} to ${updated.title}`,
      linkPath: paths.priorities(slug),
    });
    return updated;
  });
}

/** Swaps a priority area with its neighbour among the current (not archived) ones. */
export async function movePriorityArea(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { priorityAreaId: string; direction: "up" | "down" },
) {
  return db.$transaction(async (tx) => {
    const slug = await lockPartnership(tx, partnershipId);
    const area = await loadArea(tx, partnershipId, input.priorityAreaId);
    if (area.archivedAt) {
      throw new AppError("PRECONDITION_FAILED", `${area.title} is archived, so it has no place in the order. Restore it first.`);
    }
    const current = await tx.priorityArea.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, position: true },
    });
    const index = current.findIndex((candidate) => candidate.id === area.id);
    const neighbourIndex = input.direction === "up" ? index - 1 : index + 1;
    const neighbour = current[neighbourIndex];
    if (!neighbour) {
      throw new AppError(
        "PRECONDITION_FAILED",
        input.direction === "up"
          ? `${area.title} is already first, so it cannot move up.`
          : `${area.title} is already last, so it cannot move down.`,
      );
    }
    const self = current[index]!;
    if (self.position === neighbour.position) {
      // Equal positions (older data): number the current areas in their shown order, then swap.
      for (const [order, candidate] of current.entries()) {
        candidate.position = order;
        await tx.priorityArea.update({ where: { id: candidate.id }, data: { position: order } });
      }
    }
    await tx.priorityArea.update({ where: { id: self.id }, data: { position: neighbour.position } });
    await tx.priorityArea.update({ where: { id: neighbour.id }, data: { position: self.position } });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PRIORITY_AREA_UPDATED",
      summary: `${personName(actor)} moved the priority area ${area.title} ${input.direction === "up" ? "above" : "below"} ${neighbour.title}`,
      linkPath: paths.priorities(slug),
    });
    return { id: area.id, position: neighbour.position, swappedWith: neighbour.id };
  });
}

/**
 * Archives a priority area together with its current sub-groups (an activity for each, and
 * their pending join requests closed). Nothing is deleted, so restoring brings them back.
 */
export async function archivePriorityArea(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { priorityAreaId: string },
) {
  return db.$transaction(async (tx) => {
    const slug = await lockPartnership(tx, partnershipId);
    const area = await lockArea(tx, partnershipId, input.priorityAreaId);
    if (area.archivedAt) throw new AppError("PRECONDITION_FAILED", `${area.title} is already archived.`);
    const subGroups = await tx.$queryRaw<{ id: string; name: string; partnershipId: string }[]>`
      SELECT "id", "name", "partnershipId" FROM "SubGroup"
      WHERE "priorityAreaId" = ${area.id} AND "archivedAt" IS NULL
      ORDER BY "name", "id"
      FOR NO KEY UPDATE`;
    // One timestamp for the area and its sub-groups, so restoring knows which went with it.
    const archivedAt = new Date();
    await tx.priorityArea.update({ where: { id: area.id }, data: { archivedAt } });
    await archiveSubGroupsInTx(tx, actor, slug, subGroups, archivedAt, `with the priority area ${area.title}`);
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PRIORITY_AREA_ARCHIVED",
      summary:
        subGroups.length === 0
          ? `${personName(actor)} archived the priority area ${area.title}`
          : `${personName(actor)} archived the priority area ${area.title} and its ${subGroups.length === 1 ? "sub-group" : `${subGroups.length} sub-groups`} ${subGroups.map((group) => group.name).join(", ")}`,
      linkPath: paths.priorities(slug),
    });
    return { id: area.id, archivedAt, archivedSubGroups: subGroups.map((group) => ({ id: group.id, name: group.name })) };
  });
}

/**
 * Brings an archived priority area back at the end of the order, with the sub-groups that
 * were archived together with it (not those archived on their own before).
 */
export async function restorePriorityArea(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { priorityAreaId: string },
) {
  return db.$transaction(async (tx) => {
    const slug = await lockPartnership(tx, partnershipId);
    const area = await lockArea(tx, partnershipId, input.priorityAreaId);
    if (!area.archivedAt) throw new AppError("PRECONDITION_FAILED", `${area.title} is not archived.`);
    const clash = await tx.priorityArea.findFirst({
      where: { partnershipId, archivedAt: null, title: { equals: area.title, mode: "insensitive" } },
      select: { title: true },
    });
    if (clash) {
      throw new AppError(
        "CONFLICT",
        `There is already a current priority area called "${clash.title}". Rename that one before restoring this.`,
      );
    }
    const subGroups = await tx.subGroup.findMany({
      where: { priorityAreaId: area.id, archivedAt: area.archivedAt },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    });
    await tx.priorityArea.update({
      where: { id: area.id },
      data: { archivedAt: null, position: await nextPosition(tx, partnershipId) },
    });
    if (subGroups.length > 0) {
      await tx.subGroup.updateMany({
        where: { id: { in: subGroups.map((group) => group.id) }, archivedAt: area.archivedAt },
        data: { archivedAt: null },
      });
    }
    for (const subGroup of subGroups) {
      await recordActivity(tx, {
        partnershipId,
        subGroupId: subGroup.id,
        actorId: actor.userId,
        kind: "SUBGROUP_UPDATED",
        summary: `${personName(actor)} restored the sub-group ${subGroup.name} with the priority area ${area.title}`,
        linkPath: paths.subGroup(slug, subGroup.id),
      });
    }
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PRIORITY_AREA_UPDATED",
      summary: `${personName(actor)} restored the priority area ${area.title}`,
      linkPath: paths.priorities(slug),
    });
    return { id: area.id, restoredSubGroups: subGroups };
  });
}
