import { ROLE_LABELS } from "@/lib/sectors";
import { can } from "@/server/auth/can";
import type { MemberGrant } from "@/server/auth/grants";
import { ALL_ROLES, PARTICIPANTS } from "@/server/auth/rules";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { displayName } from "./administration";
import { describeEnded, endWhatTheRoleGave } from "./role-change";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

/** The partnership's members and its open invitations, for officers. */
export async function listMembers(db: Database, grant: MemberGrant) {
  const partnershipId = grant.membership.partnershipId;
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({
      where: { partnershipId },
      orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            organisation: { select: { id: true, name: true, sector: true } },
          },
        },
      },
    }),
    db.invitation.findMany({
      where: { partnershipId, acceptedAt: null, revokedAt: null },
      orderBy: { lastSentAt: "desc" },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        sendCount: true,
        lastSentAt: true,
        createdAt: true,
        invitedBy: { select: { name: true, email: true } },
      },
    }),
  ]);
  const now = Date.now();
  return {
    officerCount: memberships.filter((membership) => membership.role === "OFFICER").length,
    /** The roles that keep this page: an officer who gives themself another role leaves it. */
    rolesThatAdminister: ALL_ROLES.filter((role) => can("membership.list", { ...grant, membership: { ...grant.membership, role } })),
    members: memberships.map((membership) => ({
      membershipId: membership.id,
      userId: membership.user.id,
      name: displayName(membership.user),
      email: membership.user.email,
      organisation: membership.user.organisation,
      role: membership.role,
      /** Observers only read: they are not offered to lead, write or sit on panels. */
      takesPart: PARTICIPANTS.includes(membership.role),
      joinedAt: membership.createdAt,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedBy: displayName(invitation.invitedBy),
      expiresAt: invitation.expiresAt,
      expired: invitation.expiresAt.getTime() <= now,
      sendCount: invitation.sendCount,
      lastSentAt: invitation.lastSentAt,
      createdAt: invitation.createdAt,
    })),
  };
}

type LockedMembership = { id: string; userId: string; role: MembershipRole };

/**
 * Locks the partnership's officer memberships (in id order, so concurrent changes queue
 * rather than deadlock) and then the membership being changed. Two officers demoting each
 * other at the same moment are thereby serialised: the second sees the first's change.
 */
async function lockForChange(tx: Tx, partnershipId: string, membershipId: string) {
  const officers = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership"
    WHERE "partnershipId" = ${partnershipId} AND "role" = 'OFFICER'
    ORDER BY "id"
    FOR UPDATE`;
  const [target] = await tx.$queryRaw<LockedMembership[]>`
    SELECT "id", "userId", "role"::text AS "role" FROM "Membership"
    WHERE "id" = ${membershipId} AND "partnershipId" = ${partnershipId}
    FOR UPDATE`;
  if (!target) throw notFound("That member");
  const [person, partnership] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: target.userId }, select: { name: true, email: true } }),
    tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
  ]);
  return { officerCount: officers.length, target, person, partnership };
}

const lastOfficerMessage = (name: string, action: string) =>
  `${name} is the partnership's only officer, so you cannot ${action}. Make someone else an officer first.`;

/**
 * Changes a member's role. It applies from their next request (roles are read on every
 * request); becoming an observer also ends, in the same transaction, what taking part gave
 * them beneath the partnership (see role-change.ts), or is refused when that would leave
 * something without a lead.
 */
export async function changeMemberRole(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { membershipId: string; role: MembershipRole },
) {
  return db.$transaction(async (tx) => {
    const { officerCount, target, person, partnership } = await lockForChange(tx, partnershipId, input.membershipId);
    const name = displayName(person);
    if (target.role === input.role) {
      return { membershipId: target.id, role: target.role, changed: false };
    }
    if (target.role === "OFFICER" && officerCount <= 1) {
      throw new AppError("CONFLICT", lastOfficerMessage(name, "change their role"));
    }
    const ended = await endWhatTheRoleGave(tx, { partnershipId, userId: target.userId, name, to: input.role });
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    const from = ROLE_LABELS[target.role];
    const to = ROLE_LABELS[input.role];
    const endedInWords = describeEnded(ended);
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "membership.role_changed",
      subjectType: "Membership",
      subjectId: target.id,
      summary: `Changed ${name}'s role from ${from} to ${to}${endedInWords ? `; ${name} ${endedInWords}` : ""}`,
    });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "ROLE_CHANGED",
      summary: `${displayName(actor)} changed ${name}'s role from ${from} to ${to}`,
      linkPath: paths.partnership(partnership.slug),
    });
    await notify(tx, {
      userIds: [target.userId],
      actorId: actor.userId,
      partnershipId,
      kind: "ROLE_CHANGED",
      title: `Your role in ${partnership.name} is now ${to}`,
      body: `${displayName(actor)} changed your role from ${from} to ${to}.${endedInWords ? ` You ${describeEnded(ended, "to them")}.` : ""}`,
      linkPath: paths.partnership(partnership.slug),
    });
    return { membershipId: target.id, role: input.role, changed: true, ended };
  });
}

/**
 * Removes someone from the partnership, with their sub-group places there, and withdraws
 * their pending requests to join its sub-groups: all in one transaction.
 */
export async function removeMember(db: Database, actor: Actor, partnershipId: string, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const { officerCount, target, person, partnership } = await lockForChange(tx, partnershipId, input.membershipId);
    const name = displayName(person);
    if (target.role === "OFFICER" && officerCount <= 1) {
      throw new AppError("CONFLICT", lastOfficerMessage(name, "remove them"));
    }
    const inThisPartnership = { userId: target.userId, subGroup: { partnershipId } };
    const ended = await endWhatTheRoleGave(tx, { partnershipId, userId: target.userId, name, to: null });
    const joinRequests = await tx.joinRequest.updateMany({
      where: { ...inThisPartnership, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    await tx.membership.delete({ where: { id: target.id } });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PARTNERSHIP_MEMBER_REMOVED",
      summary: `${displayName(actor)} removed ${name} from the partnership`,
      linkPath: paths.admin(partnership.slug),
    });
    const endedInWords = describeEnded(ended);
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: "membership.removed",
      subjectType: "Membership",
      subjectId: target.id,
      summary: `Removed ${name} from the partnership${endedInWords ? `; ${name} ${endedInWords}` : ""}`,
    });
    await notify(tx, {
      userIds: [target.userId],
      actorId: actor.userId,
      partnershipId: null,
      kind: "ROLE_CHANGED",
      title: `You are no longer a member of ${partnership.name}`,
      body: `${displayName(actor)} removed you from the partnership.`,
      linkPath: "/",
    });
    return {
      membershipId: target.id,
      name,
      ended,
      subGroupPlacesRemoved: ended.subGroupsLeft.length,
      joinRequestsWithdrawn: joinRequests.count,
    };
  });
}
