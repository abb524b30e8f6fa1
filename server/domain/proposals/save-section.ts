import { budgetTotalPence } from "@/lib/proposals/section-text";
import type { ProposalSectionKey, SaveSectionInput } from "@/lib/schemas/proposals";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { displayName } from "@/server/domain/discussions/people";
import { AppError } from "@/server/errors";
import { lockProposal, type ProposalAccess } from "./access";
import { proposalTransition } from "./lifecycle";
import { parseSectionContent, sameContent, type SectionState } from "./sections";

type Tx = Prisma.TransactionClient;

export type SaveSectionResult =
  | { status: "saved"; version: number; revision: number; savedAt: Date; requestedPence: number }
  | { status: "conflict"; current: SectionState };

/** What a list shows when the title section is blank. */
export const UNTITLED = "Untitled proposal";

/**
 * The content as it is stored: the lead organisation is always one of the partners, and
 * partners are listed once each.
 */
export function normaliseSection(input: SaveSectionInput): SaveSectionInput {
  if (input.section !== "partners") return input;
  const { leadOrganisationId, organisationIds } = input.content;
  const ids = [...new Set(leadOrganisationId ? [leadOrganisationId, ...organisationIds] : organisationIds)];
  return { ...input, content: { leadOrganisationId, organisationIds: ids } };
}

/** Organisation ids a section names must be organisations of this partnership. */
async function checkOrganisations(tx: Tx, partnershipId: string, input: SaveSectionInput): Promise<void> {
  const named: { field: string; id: string }[] = [];
  if (input.section === "partners") {
    if (input.content.leadOrganisationId) named.push({ field: "content.leadOrganisationId", id: input.content.leadOrganisationId });
    input.content.organisationIds.forEach((id, index) => named.push({ field: `content.organisationIds.${index}`, id }));
  } else if (input.section === "budget") {
    input.content.lines.forEach((line, index) => {
      if (line.organisationId) named.push({ field: `content.lines.${index}.organisationId`, id: line.organisationId });
    });
  }
  if (named.length === 0) return;
  const found = await tx.partnershipOrganisation.findMany({
    where: { partnershipId, organisationId: { in: [...new Set(named.map((entry) => entry.id))] } },
    select: { organisationId: true },
  });
  const known = new Set(found.map((row) => row.organisationId));
  const fieldErrors: Record<string, string[]> = {};
  for (const entry of named) {
    if (!known.has(entry.id)) (fieldErrors[entry.field] ??= []).push("Choose an organisation in this partnership.");
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("BAD_REQUEST", "Choose organisations that are part of this partnership.", fieldErrors);
  }
}

/** The copies on the Proposal row that this section keeps up to date. */
function proposalCopies(input: SaveSectionInput): Prisma.ProposalUpdateInput {
  switch (input.section) {
    case "title":
      return { title: input.content.text.trim() || UNTITLED };
    case "budget":
      return { requestedPence: budgetTotalPence(input.content) };
    case "partners":
      return {
        leadOrganisationId: input.content.leadOrganisationId,
        partnerOrganisationIds: input.content.organisationIds,
      };
    default:
      return {};
  }
}

/**
 * Saves one section (autosave), with optimistic concurrency: the save names the version it
 * was based on. The proposal's row is locked for the transaction, so two saves of the
 * same proposal go one after the other; when someone else saved the section in between,
 * nothing is written and the current content comes back to be merged. Every real change
 * is one revision of the proposal; saving unchanged content writes nothing.
 */
export async function saveSection(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  rawInput: SaveSectionInput,
  now = new Date(),
): Promise<SaveSectionResult> {
  const input = normaliseSection(rawInput);
  const key: ProposalSectionKey = input.section;
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, access.proposal.id);
    proposalTransition(proposal.status, "EDIT");
    const current = await tx.proposalSection.findUnique({
      where: { proposalId_key: { proposalId: proposal.id, key } },
      select: { content: true, version: true, updatedAt: true, updatedById: true },
    });
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) {
      const editor = current?.updatedById
        ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { id: true, name: true } })
        : null;
      return {
        status: "conflict",
        current: {
          content: parseSectionContent(key, current?.content ?? null),
          version: currentVersion,
          updatedAt: current?.updatedAt ?? null,
          updatedBy: editor ? { id: editor.id, name: displayName(editor) } : null,
        },
      };
    }
    if (current && sameContent(parseSectionContent(key, current.content), input.content)) {
      const { requestedPence } = await tx.proposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { requestedPence: true } });
      return { status: "saved", version: current.version, revision: proposal.revision, savedAt: current.updatedAt, requestedPence };
    }
    await checkOrganisations(tx, proposal.partnershipId, input);

    const version = currentVersion + 1;
    const revision = proposal.revision + 1;
    const content = input.content as Prisma.InputJsonValue;
    await tx.proposalSection.upsert({
      where: { proposalId_key: { proposalId: proposal.id, key } },
      create: { proposalId: proposal.id, key, content, version, updatedById: actor.userId, updatedAt: now },
      update: { content, version, updatedById: actor.userId, updatedAt: now },
    });
    await tx.proposalRevision.create({
      data: { proposalId: proposal.id, number: revision, sectionKey: key, sectionVersion: version, content, authorId: actor.userId, createdAt: now },
    });
    const updated = await tx.proposal.update({
      where: { id: proposal.id },
      data: { revision, ...proposalCopies(input) },
      select: { requestedPence: true },
    });
    return { status: "saved", version, revision, savedAt: now, requestedPence: updated.requestedPence };
  });
}
