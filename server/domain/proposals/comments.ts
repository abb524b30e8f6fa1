import { PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { displayName } from "@/server/domain/discussions/people";
import { excerpt } from "@/server/domain/discussions/mentions";
import { notify } from "@/server/domain/notifications/notify";
import type { ProposalAccess } from "./access";
import type { ProposalComment } from "./queries";
import { paths } from "@/lib/paths";

export type CommentOnSectionInput = { section: ProposalSectionKey; body: string };

/** A comment on one section; the proposal's authors are told (never the commenter). */
export async function commentOnSection(
  db: Database,
  actor: Actor,
  access: ProposalAccess,
  input: CommentOnSectionInput,
  now = new Date(),
): Promise<ProposalComment & { section: ProposalSectionKey }> {
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findUniqueOrThrow({
      where: { id: access.proposal.id },
      select: {
        id: true,
        title: true,
        partnershipId: true,
        partnership: { select: { slug: true } },
        authors: { select: { userId: true } },
      },
    });
    const body = input.body.trim();
    const comment = await tx.proposalComment.create({
      data: { proposalId: proposal.id, sectionKey: input.section, authorId: actor.userId, body, createdAt: now },
      select: { id: true, body: true, createdAt: true },
    });
    const name = displayName(actor);
    await notify(tx, {
      userIds: proposal.authors.map((author) => author.userId),
      actorId: actor.userId,
      partnershipId: proposal.partnershipId,
      kind: "PROPOSAL_COMMENT",
      title: `${name} commented on “${PROPOSAL_SECTION_LABELS[input.section]}” in “${proposal.title}”`,
      body: excerpt(body),
      linkPath: paths.proposalSection(proposal.partnership.slug, proposal.id, input.section),
    });
    return { ...comment, section: input.section, author: { id: actor.userId, name } };
  });
}
