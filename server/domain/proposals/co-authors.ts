import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import type { ProposalAuthorRole, Sector } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notify } from "@/server/domain/notifications/notify";
import { AppError } from "@/server/errors";
import { CO_AUTHORS_CHANGE_WHILE, lockProposal, partnershipSlugOf, type LockedProposal, type ProposalAccess } from "./access";
import { recordProposalEvent } from "./proposals";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type CoAuthorCandidate = { userId: string; name: string; organisationName: string | null; sector: Sector | null };

/**
 * Who may be asked to co-write: members of the partnership who take an active part (not
 * observers), from any organisation and sub-group, who are not authors already. By name.
 */
export async function coAuthorCandidates(db: Database | Tx, access: ProposalAccess): Promise<CoAuthorCandidate[]> {
  const memberships = await db.membership.findMany({
    where: {
      partnershipId: access.proposal.partnershipId,
      role: { not: "OBSERVER" },
      user: { proposalAuthorships: { none: { proposalId: access.proposal.id } } },
    },
    select: { user: { select: { id: true, name: true, organisation: { select: { name: true, sector: true } } } } },
  });
  return memberships
    .map(({ user }) => ({
      userId: user.id,
      name: displayName(user),
      organisationName: user.organisation?.name ?? null,
      sector: user.organisation?.sector ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.userId.localeCompare(b.userId));
}

function assertCoAuthorsMayChange(proposal: LockedProposal) {
  if (!CO_AUTHORS_CHANGE_WHILE.includes(proposal.status)) {
    throw new AppError("CONFLICT", "Co-authors can only be changed while the proposal is a draft or has just been submitted.");
  }
}

export type AddedCoAuthor = {
  userId: string;
  name: string;
  organisationName: string | null;
  sector: Sector | null;
  role: ProposalAuthorRole;
  joinedAt: Date;
};

/** The lead author asks another partnership member to co-write; they are told, with a link to the editor. */
export async function addCoAuthor(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  userId: string,
  now = new Date(),
): Promise<AddedCoAuthor> {
  try {
    return await db.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, access.proposal.id);
      assertCoAuthorsMayChange(proposal);
      const candidate = await tx.membership.findUnique({
        where: { partnershipId_userId: { partnershipId: proposal.partnershipId, userId } },
        select: {
          role: true,
          user: { select: { id: true, name: true, organisation: { select: { name: true, sector: true } } } },
        },
      });
      if (!candidate || candidate.role === "OBSERVER") {
        throw new AppError("BAD_REQUEST", "Choose a member of this partnership who takes an active part (not an observer).", {
          userId: ["Choose someone from the list"],
        });
      }
      const existing = await tx.proposalAuthor.findUnique({ where: { proposalId_userId: { proposalId: proposal.id, userId } } });
      if (existing) throw alreadyAuthor(displayName(candidate.user));
      const author = await tx.proposalAuthor.create({
        data: { proposalId: proposal.id, userId, role: "CO_AUTHOR", addedById: actor.userId, joinedAt: now },
        select: { role: true, joinedAt: true },
      });
      const name = displayName(candidate.user);
      const actorName = displayName(actor);
      await recordProposalEvent(tx, {
        proposalId: proposal.id,
        kind: "CO_AUTHOR_JOINED",
        actorId: actor.userId,
        summary: `${actorName} added ${name} as a co-author`,
        at: now,
      });
      await notify(tx, {
        userIds: [userId],
        actorId: actor.userId,
        partnershipId: proposal.partnershipId,
        kind: "CO_AUTHOR_ADDED",
        title: `${actorName} added you as a co-author of “${proposal.title}”`,
        body: "You can now write and change the proposal with them.",
        linkPath: paths.editProposal(await partnershipSlugOf(tx, proposal.partnershipId), proposal.id),
      });
      return {
        userId,
        name,
        organisationName: candidate.user.organisation?.name ?? null,
        sector: candidate.user.organisation?.sector ?? null,
        role: author.role,
        joinedAt: author.joinedAt,
      };
    });
  } catch (error) {
    // Two requests adding the same person at once: the second finds the first's row.
    if (isUniqueViolation(error)) throw alreadyAuthor("That person");
    throw error;
  }
}

const alreadyAuthor = (name: string) => new AppError("CONFLICT", `${name} is already an author of this proposal.`);

/** The lead author takes a co-author off the proposal (the lead author stays). */
export async function removeCoAuthor(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  userId: string,
  now = new Date(),
): Promise<{ userId: string }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    assertCoAuthorsMayChange(proposal);
    const author = await tx.proposalAuthor.findUnique({
      where: { proposalId_userId: { proposalId: proposal.id, userId } },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!author) {
      throw new AppError("BAD_REQUEST", "That person is not an author of this proposal.", { userId: ["Choose one of the co-authors"] });
    }
    if (author.role === "LEAD") {
      throw new AppError("CONFLICT", "The lead author cannot be removed from the proposal.", { userId: ["Choose one of the co-authors"] });
    }
    await tx.proposalAuthor.delete({ where: { proposalId_userId: { proposalId: proposal.id, userId } } });
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "CO_AUTHOR_REMOVED",
      actorId: actor.userId,
      summary: `${displayName(actor)} removed ${displayName(author.user)} as a co-author`,
      at: now,
    });
    return { userId };
  });
}

/**
 * The lead author (or an officer) hands the lead to one of the co-authors; the old lead
 * stays on as a co-author. Both are told, and it is on the proposal's timeline.
 */
export async function changeLeadAuthor(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  userId: string,
  now = new Date(),
): Promise<{ userId: string; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    assertCoAuthorsMayChange(proposal);
    const authors = await tx.proposalAuthor.findMany({
      where: { proposalId: proposal.id },
      select: { userId: true, role: true, user: { select: { name: true } } },
    });
    const next = authors.find((author) => author.userId === userId);
    if (!next) {
      throw new AppError("BAD_REQUEST", "Choose one of the proposal's co-authors to lead it.", { userId: ["Choose one of the co-authors"] });
    }
    const lead = authors.find((author) => author.role === "LEAD") ?? null;
    if (lead?.userId === userId) return { userId, changed: false };
    const membership = await tx.membership.findUnique({
      where: { partnershipId_userId: { partnershipId: proposal.partnershipId, userId } },
      select: { role: true },
    });
    if (!membership || membership.role === "OBSERVER") {
      throw new AppError("BAD_REQUEST", `${displayName(next.user)} observes this partnership, so cannot lead a proposal.`, {
        userId: ["Choose a co-author taking part in this partnership"],
      });
    }
    // One lead per proposal (a unique index): the old lead steps down first.
    if (lead) {
      await tx.proposalAuthor.update({ where: { proposalId_userId: { proposalId: proposal.id, userId: lead.userId } }, data: { role: "CO_AUTHOR" } });
    }
    await tx.proposalAuthor.update({ where: { proposalId_userId: { proposalId: proposal.id, userId } }, data: { role: "LEAD" } });
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "LEAD_AUTHOR_CHANGED",
      actorId: actor.userId,
      summary: `${displayName(actor)} made ${displayName(next.user)} the lead author`,
      at: now,
    });
    const link = paths.editProposal(await partnershipSlugOf(tx, proposal.partnershipId), proposal.id);
    const told = [userId, ...(lead && lead.userId !== actor.userId ? [lead.userId] : [])].filter((id) => id !== actor.userId);
    if (told.length > 0) {
      await notify(tx, {
        userIds: told,
        actorId: actor.userId,
        partnershipId: proposal.partnershipId,
        kind: "CO_AUTHOR_ADDED",
        title: `${displayName(next.user)} now leads the proposal "${proposal.title}"`,
        body: "The lead author withdraws the proposal and chooses its co-authors; everyone writing it can still change it.",
        linkPath: link,
      });
    }
    return { userId, changed: true };
  });
}
