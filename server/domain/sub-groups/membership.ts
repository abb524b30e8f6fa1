import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import type { JoinRequestStatus, SubGroupRole } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { LEAD_ELIGIBLE_ROLES, lockLeads, lockSubGroupForMembershipChange, type SubGroupAccess } from "./access";
import { personName } from "./people";
import { paths } from "@/lib/paths";

export const ALREADY_MEMBER_MESSAGE = "You are already a member of this sub-group.";
export const ALREADY_REQUESTED_MESSAGE =
  "You have already asked to join this sub-group. Its leads will reply to your request.";
export const OWN_REQUEST_ONLY_MESSAGE = "You can only withdraw your own request.";

const STATUS_WORDS: Record<JoinRequestStatus, string> = {
  PENDING: "left waiting",
  APPROVED: "approved",
  DECLINED: "declined",
  WITHDRAWN: "withdrawn",
};

/** Rethrows a duplicate caught by a unique index (a concurrent request got there first) as `message`. */
async function duplicateAs<T>(message: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", message);
    throw error;
  }
}

export type JoinOutcome = { outcome: "JOINED" } | { outcome: "REQUESTED"; joinRequestId: string };

/**
 * Joins an open sub-group at once, or asks to join one that needs approval (its leads are
 * told). Refused with nothing written when already a member, already waiting, or archived.
 */
export async function joinSubGroup(
  db: Database,
  access: SubGroupAccess,
  input: { message: string | null },
): Promise<JoinOutcome> {
  const { actor } = access;
  return db.$transaction(async (tx) => {
    const group = await lockSubGroupForMembershipChange(tx, access.subGroup.id);
    const where = { subGroupId_userId: { subGroupId: group.id, userId: actor.userId } };
    if (await tx.subGroupMembership.findUnique({ where, select: { id: true } })) {
      throw new AppError("CONFLICT", ALREADY_MEMBER_MESSAGE);
    }
    const link = paths.subGroup(group.slug, group.id);
    if (group.joinPolicy === "OPEN") {
      await duplicateAs(ALREADY_MEMBER_MESSAGE, () =>
        tx.subGroupMembership.create({ data: { subGroupId: group.id, userId: actor.userId, role: "MEMBER" } }),
      );
      // A request sent while the sub-group still needed approval has no purpose any more.
      await tx.joinRequest.updateMany({
        where: { subGroupId: group.id, userId: actor.userId, status: "PENDING" },
        data: { status: "WITHDRAWN", decidedAt: new Date() },
      });
      await recordActivity(tx, {
        partnershipId: group.partnershipId,
        subGroupId: group.id,
        actorId: actor.userId,
        kind: "MEMBER_JOINED",
        summary: `${personName(actor)} joined ${group.name}`,
        linkPath: link,
      });
      return { outcome: "JOINED" };
    }

    const waiting = await tx.joinRequest.findFirst({
      where: { subGroupId: group.id, userId: actor.userId, status: "PENDING" },
      select: { id: true },
    });
    if (waiting) throw new AppError("CONFLICT", ALREADY_REQUESTED_MESSAGE);
    // The partial unique index "JoinRequest_one_pending_per_person" settles a race between two clicks.
    const request = await duplicateAs(ALREADY_REQUESTED_MESSAGE, () =>
      tx.joinRequest.create({
        data: { subGroupId: group.id, userId: actor.userId, message: input.message },
        select: { id: true },
      }),
    );
    await recordActivity(tx, {
      partnershipId: group.partnershipId,
      subGroupId: group.id,
      actorId: actor.userId,
      kind: "JOIN_REQUESTED",
      summary: `${personName(actor)} asked to join ${group.name}`,
      linkPath: link,
    });
    const leads = await tx.subGroupMembership.findMany({
      where: { subGroupId: group.id, role: "LEAD" },
      select: { userId: true },
    });
    await notify(tx, {
      userIds: leads.map((lead) => lead.userId),
      actorId: actor.userId,
      partnershipId: group.partnershipId,
      kind: "JOIN_REQUEST",
      title: `${personName(actor)} asked to join ${group.name}`,
      body: input.message,
      linkPath: paths.subGroupRequests(group.slug, group.id),
    });
    return { outcome: "REQUESTED", joinRequestId: request.id };
  });
}

/** The requester takes back their own pending request. */
export async function withdrawJoinRequest(db: Database, access: SubGroupAccess, input: { joinRequestId: string }) {
  return db.$transaction(async (tx) => {
    const request = await tx.joinRequest.findFirst({
      where: { id: input.joinRequestId, subGroupId: access.subGroup.id },
      select: { id: true, userId: true, status: true },
    });
    if (!request) throw notFound("That request");
    if (request.userId !== access.actor.userId) throw new AppError("PRECONDITION_FAILED", OWN_REQUEST_ONLY_MESSAGE);
    const { count } = await tx.joinRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "WITHDRAWN", decidedAt: new Date() },
    });
    if (count !== 1) {
      const current = await tx.joinRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
      throw new AppError("CONFLICT", `This request has already been ${STATUS_WORDS[current.status]}.`);
    }
    return { id: request.id, status: "WITHDRAWN" as const };
  });
}

/**
 * A lead (or officer) approves or declines a pending request. Exactly one decision wins:
 * the request only changes while it is still PENDING. Approving adds the person as a
 * member in the same transaction; the requester is told either way.
 */
export async function decideJoinRequest(
  db: Database,
  access: SubGroupAccess,
  input: { joinRequestId: string; decision: "APPROVE" | "DECLINE"; note: string | null },
) {
  const { actor } = access;
  return db.$transaction(async (tx) => {
    const group = await lockSubGroupForMembershipChange(tx, access.subGroup.id);
    const request = await tx.joinRequest.findFirst({
      where: { id: input.joinRequestId, subGroupId: group.id },
      select: { id: true, userId: true, status: true, user: { select: { name: true } } },
    });
    if (!request) throw notFound("That request");
    const alreadyDecided = (status: JoinRequestStatus) =>
      new AppError("CONFLICT", `This request has already been ${STATUS_WORDS[status]}, so it cannot be decided again.`);
    if (request.status !== "PENDING") throw alreadyDecided(request.status);
    const requester = personName(request.user);
    const approve = input.decision === "APPROVE";
    if (approve) {
      const stillInPartnership = await tx.membership.findFirst({
        where: { partnershipId: group.partnershipId, userId: request.userId },
        select: { id: true },
      });
      if (!stillInPartnership) {
        throw new AppError("PRECONDITION_FAILED", `${requester} is no longer a member of the partnership, so cannot join.`);
      }
    }
    const decidedAt = new Date();
    const { count } = await tx.joinRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: {
        status: approve ? "APPROVED" : "DECLINED",
        decidedById: actor.userId,
        decidedAt,
        decisionNote: input.note,
      },
    });
    if (count !== 1) {
      const current = await tx.joinRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
      throw alreadyDecided(current.status);
    }
    if (approve) {
      // Someone who joined meanwhile (the sub-group was opened) simply stays a member.
      await tx.subGroupMembership.createMany({
        data: [{ subGroupId: group.id, userId: request.userId, role: "MEMBER" }],
        skipDuplicates: true,
      });
    }
    const link = paths.subGroup(group.slug, group.id);
    const decider = personName(actor);
    await recordActivity(tx, {
      partnershipId: group.partnershipId,
      subGroupId: group.id,
      actorId: actor.userId,
      kind: approve ? "JOIN_APPROVED" : "JOIN_DECLINED",
      summary: approve
        ? `${decider} welcomed ${requester} to ${group.name}`
        : `${decider} declined ${requester}'s request to join ${group.name}`,
      linkPath: link,
    });
    await notify(tx, {
      userIds: [request.userId],
      actorId: actor.userId,
      partnershipId: group.partnershipId,
      kind: "JOIN_DECISION",
      title: approve ? `You have joined ${group.name}` : `Your request to join ${group.name} was declined`,
      body: input.note
        ? `${decider} wrote: ${input.note}`
        : approve
          ? `${decider} approved your request.`
          : null,
      linkPath: link,
    });
    return { id: request.id, status: approve ? ("APPROVED" as const) : ("DECLINED" as const), decidedAt };
  });
}

const onlyLeadMessage = (who: string, groupName: string, action: string) =>
  `${who} the only lead of ${groupName}, so ${action}. Make someone else a lead first.`;

/** A member or lead leaves; the last lead cannot (someone must be able to approve joiners). */
export async function leaveSubGroup(db: Database, access: SubGroupAccess) {
  const { actor } = access;
  return db.$transaction(async (tx) => {
    const group = await lockSubGroupForMembershipChange(tx, access.subGroup.id);
    const leads = await lockLeads(tx, group.id);
    const mine = await tx.subGroupMembership.findUnique({
      where: { subGroupId_userId: { subGroupId: group.id, userId: actor.userId } },
      select: { id: true, role: true },
    });
    if (!mine) throw new AppError("PRECONDITION_FAILED", "You are not a member of this sub-group.");
    if (mine.role === "LEAD" && leads.length <= 1) {
      throw new AppError("CONFLICT", onlyLeadMessage("You are", group.name, "you cannot leave it"));
    }
    const { count } = await tx.subGroupMembership.deleteMany({ where: { id: mine.id } });
    if (count !== 1) throw new AppError("PRECONDITION_FAILED", "You are not a member of this sub-group.");
    await recordActivity(tx, {
      partnershipId: group.partnershipId,
      subGroupId: group.id,
      actorId: actor.userId,
      kind: "MEMBER_LEFT",
      summary: `${personName(actor)} left ${group.name}`,
      linkPath: paths.subGroup(group.slug, group.id),
    });
    return { subGroupId: group.id, left: true };
  });
}

async function loadTarget(tx: Prisma.TransactionClient, subGroupId: string, userId: string) {
  const target = await tx.subGroupMembership.findUnique({
    where: { subGroupId_userId: { subGroupId, userId } },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
  if (!target) throw notFound("That member");
  return target;
}

/** A lead (or officer) removes someone from the sub-group; never the last lead. */
export async function removeSubGroupMember(db: Database, access: SubGroupAccess, input: { userId: string }) {
  const { actor } = access;
  return db.$transaction(async (tx) => {
    const group = await lockSubGroupForMembershipChange(tx, access.subGroup.id);
    const leads = await lockLeads(tx, group.id);
    const target = await loadTarget(tx, group.id, input.userId);
    const self = target.userId === actor.userId;
    const name = personName(target.user);
    if (target.role === "LEAD" && leads.length <= 1) {
      throw new AppError(
        "CONFLICT",
        onlyLeadMessage(self ? "You are" : `${name} is`, group.name, self ? "you cannot leave it" : "they cannot be removed"),
      );
    }
    const { count } = await tx.subGroupMembership.deleteMany({ where: { id: target.id } });
    if (count !== 1) throw notFound("That member");
    const link = paths.subGroup(group.slug, group.id);
    await recordActivity(tx, {
      partnershipId: group.partnershipId,
      subGroupId: group.id,
      actorId: actor.userId,
      kind: self ? "MEMBER_LEFT" : "MEMBER_REMOVED",
      summary: self ? `${name} left ${group.name}` : `${personName(actor)} removed ${name} from ${group.name}`,
      linkPath: link,
    });
    await notify(tx, {
      userIds: [target.userId],
      actorId: actor.userId,
      partnershipId: group.partnershipId,
      kind: "ROLE_CHANGED",
      title: `You are no longer a member of ${group.name}`,
      body: `${personName(actor)} removed you from ${group.name}.`,
      linkPath: link,
    });
    return { subGroupId: group.id, userId: target.userId, removed: true };
  });
}

/**
 * Makes a member a co-lead, or a lead a member again (stepping down). The lead rows are
 * locked so concurrent step-downs cannot leave the sub-group without a lead.
 */
export async function setSubGroupMemberRole(
  db: Database,
  access: SubGroupAccess,
  input: { userId: string; role: SubGroupRole },
) {
  const { actor } = access;
  return db.$transaction(async (tx) => {
    const group = await lockSubGroupForMembershipChange(tx, access.subGroup.id);
    const leads = await lockLeads(tx, group.id);
    const target = await loadTarget(tx, group.id, input.userId);
    if (target.role === input.role) return { userId: target.userId, role: target.role, changed: false };
    const self = target.userId === actor.userId;
    const name = personName(target.user);
    if (input.role === "LEAD") {
      const partnershipMembership = await tx.membership.findFirst({
        where: { partnershipId: group.partnershipId, userId: target.userId },
        select: { role: true },
      });
      if (!partnershipMembership || !(LEAD_ELIGIBLE_ROLES as readonly string[]).includes(partnershipMembership.role)) {
        throw new AppError("PRECONDITION_FAILED", `${name} is an observer in this partnership, so cannot lead a sub-group.`);
      }
    } else if (leads.length <= 1) {
      throw new AppError(
        "CONFLICT",
        onlyLeadMessage(self ? "You are" : `${name} is`, group.name, self ? "you cannot step down" : "they cannot step down"),
      );
    }
    await tx.subGroupMembership.update({ where: { id: target.id }, data: { role: input.role } });
    const link = paths.subGroup(group.slug, group.id);
    const by = personName(actor);
    await recordActivity(tx, {
      partnershipId: group.partnershipId,
      subGroupId: group.id,
      actorId: actor.userId,
      kind: input.role === "LEAD" ? "LEAD_ADDED" : "ROLE_CHANGED",
      summary:
        input.role === "LEAD"
          ? `${by} made ${name} a co-lead of ${group.name}`
          : self
            ? `${name} stepped down as a lead of ${group.name}`
            : `${by} changed ${name}'s role in ${group.name} from lead to member`,
      linkPath: link,
    });
    await notify(tx, {
      userIds: [target.userId],
      actorId: actor.userId,
      partnershipId: group.partnershipId,
      kind: "ROLE_CHANGED",
      title: input.role === "LEAD" ? `You are now a lead of ${group.name}` : `You are no longer a lead of ${group.name}`,
      body:
        input.role === "LEAD"
          ? `${by} made you a co-lead: you can now approve people who ask to join.`
          : `${by} changed your role to member.`,
      linkPath: link,
    });
    return { userId: target.userId, role: input.role, changed: true };
  });
}
