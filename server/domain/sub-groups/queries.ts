import type { Database } from "@/server/db/client";
import { can } from "@/server/auth/can";
import type { SubGroupAccess } from "./access";
import { personName, personSelect } from "./people";
import { leadPairing, sectorMix, sectorOf } from "./sector-mix";
import { paths } from "@/lib/paths";

/** Every current sub-group of the partnership, for pickers and the directory. */
export async function listSubGroups(db: Database, partnershipId: string) {
  const groups = await db.subGroup.findMany({
    where: { partnershipId, archivedAt: null },
    orderBy: [{ priorityArea: { position: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      joinPolicy: true,
      priorityArea: { select: { id: true, title: true } },
      _count: { select: { members: true } },
    },
  });
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    joinPolicy: group.joinPolicy,
    priorityArea: group.priorityArea,
    memberCount: group._count.members,
  }));
}

const ROLE_ORDER = { LEAD: 0, MEMBER: 1 } as const;

/**
 * One sub-group: its purpose, members with their organisation and sector, the sector mix,
 * whether its leads make a voluntary + public pair, and what the actor can do here.
 */
export async function getSubGroup(db: Database, access: SubGroupAccess) {
  const { actor } = access;
  const group = await db.subGroup.findUniqueOrThrow({
    where: { id: access.subGroup.id },
    select: {
      id: true,
      name: true,
      purpose: true,
      joinPolicy: true,
      archivedAt: true,
      createdAt: true,
      partnership: { select: { slug: true } },
      priorityArea: { select: { id: true, title: true, archivedAt: true } },
      members: { select: { role: true, joinedAt: true, user: { select: personSelect } } },
      joinRequests: {
        where: { userId: actor.userId, status: "PENDING" },
        select: { id: true, message: true, createdAt: true },
      },
    },
  });
  const slug = group.partnership.slug;
  const archived = group.archivedAt !== null;
  const members = group.members
    .map((member) => ({
      userId: member.user.id,
      name: personName(member.user),
      organisation: member.user.organisation
        ? { id: member.user.organisation.id, name: member.user.organisation.name }
        : null,
      sector: sectorOf(member.user),
      role: member.role,
      joinedAt: member.joinedAt,
      /** Only people listed in the directory have a page there. */
      profilePath: member.user.listedInDirectory ? paths.person(slug, member.user.id) : null,
      isMe: member.user.id === actor.userId,
    }))
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }) ||
        a.userId.localeCompare(b.userId),
    );
  const leads = members.filter((member) => member.role === "LEAD");
  const people = members.map((member) => ({
    ...member,
    isLead: member.role === "LEAD",
    /** The last lead stays until someone else leads too. */
    isOnlyLead: member.role === "LEAD" && leads.length <= 1,
  }));
  const myRole = access.subGroup.myRole;
  const pending = group.joinRequests[0] ?? null;
  const canSeeRequests = can("subGroup.pendingRequests", access);
  const pendingRequestCount = canSeeRequests
    ? await db.joinRequest.count({ where: { subGroupId: group.id, status: "PENDING" } })
    : null;

  return {
    id: group.id,
    name: group.name,
    purpose: group.purpose,
    joinPolicy: group.joinPolicy,
    archived,
    archivedAt: group.archivedAt,
    createdAt: group.createdAt,
    partnershipSlug: slug,
    priorityArea: { id: group.priorityArea.id, title: group.priorityArea.title, archived: group.priorityArea.archivedAt !== null },
    members: people,
    memberCount: members.length,
    sectorMix: sectorMix(group.members.map((member) => member.user)),
    leadPairing: leadPairing(leads.map((lead) => lead.sector)),
    viewer: {
      partnershipRole: access.membership.role,
      myRole,
      pendingRequest: pending,
      pendingRequestCount,
      isOnlyLead: myRole === "LEAD" && leads.length <= 1,
      canJoin:
        !archived &&
        myRole === null &&
        (pending === null || group.joinPolicy === "OPEN") &&
        can("subGroup.join", access),
      canLeave: !archived && can("subGroup.leave", access),
      canEdit: !archived && can("subGroup.update", access),
      canArchive: !archived && can("subGroup.archive", access),
      canManageMembers: !archived && can("subGroup.setMemberRole", access),
      canSeeRequests,
      canSeeDiscussions: can("discussion.threads", access),
      canSeeSharedFiles: can("file.readSubGroup", access),
      canPropose: !archived && can("proposal.create", access),
      canSeeProposals: can("proposal.forSubGroup", access),
      canSeeProjects: can("portfolio.subGroup", access),
      canSeeTrend: can("reflection.trend", access),
    },
  };
}

/** The sub-group's pending join requests, oldest first, for its leads (and officers). */
export async function listPendingRequests(db: Database, access: SubGroupAccess) {
  const group = await db.subGroup.findUniqueOrThrow({
    where: { id: access.subGroup.id },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      partnership: { select: { slug: true } },
      joinRequests: {
        where: { status: "PENDING" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, message: true, createdAt: true, user: { select: personSelect } },
      },
    },
  });
  const slug = group.partnership.slug;
  return {
    subGroup: { id: group.id, name: group.name, archived: group.archivedAt !== null },
    requests: group.joinRequests.map((request) => ({
      id: request.id,
      message: request.message,
      createdAt: request.createdAt,
      requester: {
        userId: request.user.id,
        name: personName(request.user),
        organisation: request.user.organisation ? { id: request.user.organisation.id, name: request.user.organisation.name } : null,
        sector: sectorOf(request.user),
        profilePath: request.user.listedInDirectory ? paths.person(slug, request.user.id) : null,
      },
    })),
  };
}
