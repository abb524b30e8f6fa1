import type { LogConnectionInput, StartProposalFromConnectionInput } from "@/lib/schemas/events";
import { can } from "@/server/auth/can";
import type { MemberGrant, MembershipGrant, ProposalAccess, SubGroupAccess } from "@/server/auth/grants";
import { authorizeFor } from "@/server/auth/resolve";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import type { Sector } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notify } from "@/server/domain/notifications/notify";
import { addCoAuthor } from "@/server/domain/proposals/co-authors";
import { createProposal } from "@/server/domain/proposals/proposals";
import { AppError, notFound } from "@/server/errors";
import { explainEventFailure, partnershipSlugOf } from "./access";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

/**
 * "We should talk again": after (or during) an event, someone logs a connection with a
 * person they met there. One connection per direction per partnership; logging it again
 * changes nothing. The other person is told, and either of them can turn it into a draft
 * proposal in a sub-group they both belong to.
 */

export type PersonSummary = { userId: string; name: string; organisationName: string | null; sector: Sector | null };

const personSelect = { id: true, name: true, organisation: { select: { name: true, sector: true } } } as const;
type PersonRow = { id: string; name: string | null; organisation: { name: string; sector: Sector } | null };
const summary = (user: PersonRow): PersonSummary => ({
  userId: user.id,
  name: displayName(user),
  organisationName: user.organisation?.name ?? null,
  sector: user.organisation?.sector ?? null,
});

/** Whether someone was at the event: going (not marked absent), marked as there, or seated at a networking table. */
async function wasAtEvent(db: Database | Tx, eventId: string, userId: string): Promise<boolean> {
  const [rsvp, seat] = await Promise.all([
    db.eventRsvp.count({ where: { eventId, userId, OR: [{ status: "GOING", attended: null }, { attended: true }] } }),
    db.networkingSeat.count({ where: { userId, table: { round: { eventId } } } }),
  ]);
  return rsvp + seat > 0;
}

/** The people someone may log a connection with: everyone else who was at the event, tablemates first. */
export async function peopleMetAt(db: Database, actor: Actor, eventId: string): Promise<(PersonSummary & { sharedTable: boolean; logged: boolean })[]> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { partnershipId: true } });
  if (!event || !(await wasAtEvent(db, eventId, actor.userId))) return [];
  const [rsvps, tablemates, logged] = await Promise.all([
    db.eventRsvp.findMany({
      where: { eventId, userId: { not: actor.userId }, OR: [{ status: "GOING", attended: null }, { attended: true }] },
      select: { user: { select: personSelect } },
    }),
    db.networkingSeat.findMany({
      where: { userId: { not: actor.userId }, table: { round: { eventId }, seats: { some: { userId: actor.userId } } } },
      select: { userId: true },
    }),
    db.connection.findMany({ where: { partnershipId: event.partnershipId, fromUserId: actor.userId }, select: { toUserId: true } }),
  ]);
  const sharedTable = new Set(tablemates.map((seat) => seat.userId));
  const loggedIds = new Set(logged.map((row) => row.toUserId));
  return rsvps
    .map((row) => ({ ...summary(row.user), sharedTable: sharedTable.has(row.user.id), logged: loggedIds.has(row.user.id) }))
    .sort((a, b) => Number(b.sharedTable) - Number(a.sharedTable) || a.name.localeCompare(b.name, "en-GB"));
}

export async function logConnection(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: LogConnectionInput,
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    select: { id: true, partnershipId: true, title: true, status: true, startsAt: true },
  });
  if (!event) throw notFound("That event");
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", "This event was cancelled, so nobody met there.");
  if (event.startsAt.getTime() > now.getTime()) {
    throw new AppError("CONFLICT", "This event has not started yet: log a connection once you have met.");
  }
  if (input.userId === actor.userId) {
    throw new AppError("BAD_REQUEST", "You cannot log a connection with yourself.", { userId: ["Choose someone else"] });
  }
  const other = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: membership.partnershipId, userId: input.userId } },
    select: { user: { select: personSelect } },
  });
  if (!other || !(await wasAtEvent(db, event.id, input.userId))) {
    throw new AppError("BAD_REQUEST", "Choose someone who was at this event.", { userId: ["Choose someone from the list"] });
  }
  const key = { partnershipId: membership.partnershipId, fromUserId: actor.userId, toUserId: input.userId };
  const existing = await db.connection.findUnique({ where: { partnershipId_fromUserId_toUserId: key }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    return await db.$transaction(async (tx) => {
      const connection = await tx.connection.create({
        data: { ...key, eventId: event.id, note: input.note, createdAt: now },
        select: { id: true },
      });
      await notify(tx, {
        userIds: [input.userId],
        actorId: actor.userId,
        partnershipId: membership.partnershipId,
        kind: "CONNECTION_LOGGED",
        title: `${displayName(actor)} would like to talk again after “${event.title}”`,
        body: "You can start a draft proposal together from your connections.",
        linkPath: paths.connections(await partnershipSlugOf(tx, membership.partnershipId)),
      });
      return { id: connection.id, created: true };
    });
  } catch (error) {
    // The same request twice at once: the second finds the first's connection.
    if (isUniqueViolation(error)) {
      const row = await db.connection.findUniqueOrThrow({ where: { partnershipId_fromUserId_toUserId: key }, select: { id: true } });
      return { id: row.id, created: false };
    }
    throw explainEventFailure(error);
  }
}

export type ConnectionItem = {
  id: string;
  other: PersonSummary;
  /** Logged by the viewer (false: the other person logged it about them). */
  loggedByMe: boolean;
  /** Both have logged it. */
  mutual: boolean;
  /** The viewer's own note; never someone else's. */
  note: string | null;
  event: { id: string; title: string; startsAt: Date } | null;
  proposal: { id: string; title: string } | null;
  createdAt: Date;
  /** May start a draft proposal from it (no proposal yet, and the viewer takes part). */
  canStartProposal: boolean;
};

/** Everyone I have a connection with in this partnership (either way round), newest first. */
export async function myConnections(db: Database, grant: MemberGrant): Promise<ConnectionItem[]> {
  const { actor, membership } = grant;
  const rows = await db.connection.findMany({
    where: { partnershipId: membership.partnershipId, OR: [{ fromUserId: actor.userId }, { toUserId: actor.userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      fromUserId: true,
      note: true,
      createdAt: true,
      fromUser: { select: personSelect },
      toUser: { select: personSelect },
      event: { select: { id: true, title: true, startsAt: true } },
      proposal: { select: { id: true, title: true } },
    },
  });
  const byOther = new Map<string, ConnectionItem>();
  for (const row of rows) {
    const loggedByMe = row.fromUserId === actor.userId;
    const other = summary(loggedByMe ? row.toUser : row.fromUser);
    const item: ConnectionItem = {
      id: row.id,
      other,
      loggedByMe,
      mutual: false,
      note: loggedByMe ? row.note : null,
      event: row.event,
      proposal: row.proposal,
      createdAt: row.createdAt,
      // Every connection listed is the viewer's own, so they are one of its two people.
      canStartProposal: row.proposal === null && can("event.startProposal", { ...grant, connection: { id: row.id, isParty: true } }),
    };
    const seen = byOther.get(other.userId);
    if (!seen) {
      byOther.set(other.userId, item);
      continue;
    }
    // Both logged it: show it once, as the viewer's own, with whichever proposal was started.
    const mine = seen.loggedByMe ? seen : item;
    const proposal = seen.proposal ?? item.proposal;
    byOther.set(other.userId, { ...mine, mutual: true, proposal, canStartProposal: mine.canStartProposal && proposal === null });
  }
  return [...byOther.values()];
}

async function partyConnection(db: Database | Tx, actor: Actor, connectionId: string) {
  const connection = await db.connection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      partnershipId: true,
      fromUserId: true,
      toUserId: true,
      proposalId: true,
      fromUser: { select: personSelect },
      toUser: { select: personSelect },
    },
  });
  // A connection between two other people is theirs alone: it looks like nothing at all.
  if (!connection || (connection.fromUserId !== actor.userId && connection.toUserId !== actor.userId)) {
    throw notFound("That connection");
  }
  const otherUser = connection.fromUserId === actor.userId ? connection.toUser : connection.fromUser;
  return { ...connection, other: summary(otherUser) };
}

async function sharedSubGroups(db: Database | Tx, partnershipId: string, a: string, b: string) {
  return db.subGroup.findMany({
    where: {
      partnershipId,
      archivedAt: null,
      AND: [{ members: { some: { userId: a } } }, { members: { some: { userId: b } } }],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The sub-groups both people belong to: where a proposal from this connection may start. */
export async function connectionSubGroups(db: Database, actor: Actor, connectionId: string) {
  const connection = await partyConnection(db, actor, connectionId);
  return {
    connectionId: connection.id,
    other: connection.other,
    proposalId: connection.proposalId,
    subGroups: await sharedSubGroups(db, connection.partnershipId, actor.userId, connection.other.userId),
  };
}

/**
 * Starts a draft proposal from a connection, in a sub-group both people belong to: the
 * actor is its lead author and the other person its co-author (through the proposals
 * domain, so its history, activity and notifications are the usual ones).
 */
export async function startProposalFromConnection(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: StartProposalFromConnectionInput,
  now = new Date(),
): Promise<{ proposalId: string; path: string }> {
  const connection = await partyConnection(db, actor, input.connectionId);
  const reverseStarted = await db.connection.count({
    where: {
      partnershipId: connection.partnershipId,
      fromUserId: connection.toUserId,
      toUserId: connection.fromUserId,
      proposalId: { not: null },
    },
  });
  if (connection.proposalId || reverseStarted > 0) {
    throw new AppError("CONFLICT", "A draft proposal has already been started from this connection.");
  }
  const shared = await sharedSubGroups(db, connection.partnershipId, actor.userId, connection.other.userId);
  if (!shared.some((subGroup) => subGroup.id === input.subGroupId)) {
    throw new AppError("BAD_REQUEST", "You can only start a proposal in a sub-group you both belong to.", {
      subGroupId: ["Choose a sub-group you are both in"],
    });
  }
  const otherMembership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: connection.partnershipId, userId: connection.other.userId } },
    select: { role: true },
  });
  if (!otherMembership || otherMembership.role === "OBSERVER") {
    throw new AppError("BAD_REQUEST", `${connection.other.name} observes this partnership, so cannot co-write a proposal.`);
  }
  const inSubGroup = (await authorizeFor(db, actor, "proposal.create", input.subGroupId)) as SubGroupAccess;
  const proposal = await createProposal(db, actor, inSubGroup, { title: input.title }, now);
  await addCoAuthor(
    db,
    actor,
    (await authorizeFor(db, actor, "proposal.addCoAuthor", proposal.id)) as ProposalAccess,
    connection.other.userId,
    now,
  );
  await db.connection.updateMany({ where: { id: connection.id, proposalId: null }, data: { proposalId: proposal.id } });
  return { proposalId: proposal.id, path: paths.editProposal(await partnershipSlugOf(db, connection.partnershipId), proposal.id) };
}
