import type { SectionContent } from "@/lib/schemas/proposals";
import type { MembershipGrant, SubGroupGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { ProposalEventKind, ProposalStatus } from "@/server/db/generated/enums";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { displayName } from "@/server/domain/discussions/people";
import { AppError, notFound } from "@/server/errors";
import { lockProposal, partnershipSlugOf, type ProposalAccess } from "./access";
import {
  missingAsFieldErrors,
  missingForSubmission,
  notReadyMessage,
  roundClosedReason,
  type ProposalOrganisations,
} from "./completeness";
import { proposalTransition } from "./lifecycle";
import { requireOpenRound } from "./rounds";
import { sectionContents } from "./sections";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

/** Adds one entry to the proposal's timeline, in the same transaction as the change. */
export async function recordProposalEvent(
  tx: Tx,
  event: { proposalId: string; kind: ProposalEventKind; actorId: string | null; summary: string; at?: Date },
): Promise<void> {
  await tx.proposalEvent.create({
    data: {
      proposalId: event.proposalId,
      kind: event.kind,
      actorId: event.actorId,
      summary: event.summary,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
}

export type CreateProposalInput = { title: string; roundId?: string | null };

/**
 * Starts a proposal in a sub-group: the actor is its lead author, and the working title is
 * its first revision. Observers read but do not write proposals.
 */
export async function createProposal(
  db: Database,
  actor: Actor,
  access: { membership: MembershipGrant; subGroup: SubGroupGrant },
  input: CreateProposalInput,
  now = new Date(),
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const subGroup = await tx.subGroup.findUnique({
      where: { id: access.subGroup.id },
      select: { id: true, name: true, partnershipId: true, archivedAt: true, partnership: { select: { slug: true } } },
    });
    if (!subGroup) throw notFound("That sub-group");
    if (subGroup.archivedAt) {
      throw new AppError("PRECONDITION_FAILED", "This sub-group has been archived, so it cannot start new proposals.");
    }
    const round = input.roundId ? await requireOpenRound(tx, subGroup.id, input.roundId, now) : null;
    const title = input.title.trim();
    const content = { text: title };
    const proposal = await tx.proposal.create({
      data: {
        partnershipId: subGroup.partnershipId,
        subGroupId: subGroup.id,
        roundId: round?.id ?? null,
        title,
        revision: 1,
        createdById: actor.userId,
        createdAt: now,
        authors: { create: { userId: actor.userId, role: "LEAD", joinedAt: now } },
        sections: { create: { key: "title", content, version: 1, updatedById: actor.userId, updatedAt: now } },
        revisions: {
          create: { number: 1, sectionKey: "title", sectionVersion: 1, content, authorId: actor.userId, createdAt: now },
        },
      },
      select: { id: true },
    });
    const name = displayName(actor);
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "CREATED",
      actorId: actor.userId,
      summary: `${name} started the proposal “${title}”${round ? ` for “${round.title}”` : ""}`,
      at: now,
    });
    await recordActivity(tx, {
      partnershipId: subGroup.partnershipId,
      subGroupId: subGroup.id,
      actorId: actor.userId,
      kind: "PROPOSAL_STARTED",
      summary: `${name} started a proposal: “${title}”`,
      linkPath: paths.proposal(subGroup.partnership.slug, proposal.id),
    });
    return { id: proposal.id };
  });
}

/** Picks the funding round a draft is written for (one open to the sub-group now). */
export async function chooseRound(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  roundId: string,
  now = new Date(),
): Promise<{ roundId: string }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    proposalTransition(proposal.status, "EDIT");
    if (proposal.roundId === roundId) return { roundId };
    const round = await requireOpenRound(tx, proposal.subGroupId, roundId, now);
    await tx.proposal.update({ where: { id: proposal.id }, data: { roundId: round.id } });
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "ROUND_CHOSEN",
      actorId: actor.userId,
      summary: `${displayName(actor)} chose the round “${round.title}” (${round.fundName})`,
      at: now,
    });
    return { roundId: round.id };
  });
}

/** The round as the submission rules need it. */
/** The required documents a proposal has a file for: its files' slots. */
export async function attachedDocumentsOf(tx: Tx, proposalId: string): Promise<string[]> {
  const files = await tx.storedFile.findMany({
    where: { ownerKind: "PROPOSAL", ownerId: proposalId, slot: { not: null }, currentVersionId: { not: null } },
    select: { slot: true },
  });
  return files.flatMap((file) => (file.slot ? [file.slot] : []));
}

async function loadRound(tx: Tx, roundId: string | null) {
  if (!roundId) return null;
  return tx.fundingRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      title: true,
      status: true,
      closesAt: true,
      closedAt: true,
      minAwardPence: true,
      maxAwardPence: true,
      requiredSections: true,
      requiredPartnerSectors: true,
      requiredDocuments: true,
      allowsChangesAfterSubmission: true,
    },
  });
}

/** The sectors of a proposal's partner organisations and of its authors' organisations. */
async function loadProposalOrganisations(tx: Tx, proposalId: string, sections: SectionContent): Promise<ProposalOrganisations> {
  const ids = [...sections.partners.organisationIds, sections.partners.leadOrganisationId].filter((id): id is string => Boolean(id));
  const [partners, authors] = await Promise.all([
    tx.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, sector: true } }),
    tx.proposalAuthor.findMany({ where: { proposalId }, select: { user: { select: { organisation: { select: { sector: true } } } } } }),
  ]);
  return {
    sectorByOrganisationId: new Map(partners.map((organisation) => [organisation.id, organisation.sector])),
    authorSectors: authors.flatMap((author) => (author.user.organisation ? [author.user.organisation.sector] : [])),
  };
}

/**
 * Submits a draft to its round: refused, with everything that needs attention listed by
 * section, unless the round is open and the proposal complete. Nothing is written then.
 */
export async function submitProposal(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  now = new Date(),
): Promise<{ status: ProposalStatus; submittedAt: Date }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    const next = proposalTransition(proposal.status, "SUBMIT");
    const round = await loadRound(tx, proposal.roundId);
    const sections = await tx.proposalSection.findMany({ where: { proposalId: proposal.id }, select: { key: true, content: true } });
    const contents = sectionContents(sections);
    const organisations = await loadProposalOrganisations(tx, proposal.id, contents);
    const attached = await attachedDocumentsOf(tx, proposal.id);
    const missing = missingForSubmission(contents, round, now, organisations, attached);
    if (missing.length > 0) throw new AppError("BAD_REQUEST", notReadyMessage(missing.length), missingAsFieldErrors(missing));
    const roundTitle = round!.title;
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: next, submittedAt: now } });
    const name = displayName(actor);
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "SUBMITTED",
      actorId: actor.userId,
      summary: `${name} submitted the proposal to “${roundTitle}”`,
      at: now,
    });
    await recordActivity(tx, {
      partnershipId: proposal.partnershipId,
      subGroupId: proposal.subGroupId,
      actorId: actor.userId,
      kind: "PROPOSAL_SUBMITTED",
      summary: `${name} submitted “${proposal.title}” to “${roundTitle}”`,
      linkPath: paths.proposal(await partnershipSlugOf(tx, proposal.partnershipId), proposal.id),
    });
    return { status: next, submittedAt: now };
  });
}

/**
 * Takes a submitted proposal back to draft so its authors can change it: only when its
 * round allows changes after submission and has not closed yet.
 */
export async function returnProposalToDraft(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  now = new Date(),
): Promise<{ status: ProposalStatus }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    const next = proposalTransition(proposal.status, "RETURN_TO_DRAFT");
    const round = await loadRound(tx, proposal.roundId);
    if (!round) throw new AppError("CONFLICT", "This proposal has no funding round, so it cannot go back to draft.");
    if (!round.allowsChangesAfterSubmission) {
      throw new AppError(
        "CONFLICT",
        `“${round.title}” does not allow changes after submission, so this proposal cannot go back to draft.`,
      );
    }
    const closed = roundClosedReason(round, now);
    if (closed) throw new AppError("CONFLICT", `${closed} This proposal can no longer go back to draft.`);
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: next, submittedAt: null } });
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "RETURNED_TO_DRAFT",
      actorId: actor.userId,
      summary: `${displayName(actor)} took the proposal back to draft to change it`,
      at: now,
    });
    return { status: next };
  });
}

/** Withdraws the proposal for good, with the lead author's reason on its timeline. */
export async function withdrawProposal(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  reason: string,
  now = new Date(),
): Promise<{ status: ProposalStatus }> {
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    const next = proposalTransition(proposal.status, "WITHDRAW");
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: next } });
    await recordProposalEvent(tx, {
      proposalId: proposal.id,
      kind: "WITHDRAWN",
      actorId: actor.userId,
      summary: `${displayName(actor)} withdrew the proposal: ${reason.trim()}`,
      at: now,
    });
    return { status: next };
  });
}
