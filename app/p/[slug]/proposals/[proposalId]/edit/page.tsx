import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { FileAttachments } from "@/components/files/file-attachments";
import { ChooseRoundForm } from "@/components/proposals/proposal-actions";
import { ProposalEditor } from "@/components/proposals/proposal-editor";
import { PROPOSAL_STATUS_LABELS, roundChoiceLabel } from "@/components/proposals/proposal-labels";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";
import { getEnv } from "@/server/env";
import { loadOpenRoundsToChoose, loadProposal } from "@/server/pages/proposals";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; proposalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, paths.editProposal(slug, proposalId));
  return { title: `Edit ${proposal.title}` };
}

/** The authors' editor: every section saves itself as they type. */
export default async function EditProposalPage({ params }: Props) {
  const { slug, proposalId } = await params;
  const readPath = paths.proposal(slug, proposalId);
  const proposal = await loadProposal(slug, proposalId, paths.editProposal(slug, proposalId));

  if (!proposal.viewer.canEdit) {
    return (
      <>
        <PageHeader title={`Edit ${proposal.title}`} />
        <p className="max-w-prose">
          This proposal is {PROPOSAL_STATUS_LABELS[proposal.status].toLowerCase()}. Only its authors can edit it, and only
          while it is a draft.
        </p>
        <p className="mt-4">
          <Link href={readPath}>Back to the proposal</Link>
        </p>
      </>
    );
  }

  const open = await loadOpenRoundsToChoose(proposal.subGroup.id);
  const rounds = open.map((round) => ({ id: round.id, label: roundChoiceLabel(round) }));
  if (proposal.round && !rounds.some((round) => round.id === proposal.round!.id)) {
    rounds.unshift({ id: proposal.round.id, label: proposal.round.title });
  }

  return (
    <>
      <p className="mb-2">
        <Link href={readPath}>Back to the proposal</Link>
      </p>
      <PageHeader
        title={`Edit ${proposal.title}`}
        lead="Each section saves itself a moment after you stop typing, and when you move to another section. Co-authors can edit at the same time; if you both change one section, you choose which version to keep."
      />

      <div className="mb-12 max-w-prose">
        <Section
          title="Funding round"
          id="round-heading"
          lead={
            proposal.round
              ? `For ${proposal.round.title}: awards of ${formatPence(proposal.round.minAwardPence)} to ${formatPence(proposal.round.maxAwardPence)}, closing ${formatInstantDay(proposal.round.closesAt)}.`
              : "Choose the round before you submit."
          }
        >
          <ChooseRoundForm proposalId={proposal.id} currentRoundId={proposal.round?.id ?? null} rounds={rounds} />
        </Section>
      </div>

      <ProposalEditor
        proposalId={proposal.id}
        sections={proposal.sections}
        organisations={proposal.organisations}
        requiredSections={proposal.round?.requiredSections ?? []}
        maxAwardPence={proposal.round?.maxAwardPence ?? null}
      />

      <div id="edit-documents" className="mt-12 max-w-prose scroll-mt-4">
        <FileAttachments
          owner={{ ownerKind: "PROPOSAL", ownerId: proposal.id }}
          maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
          title="Documents"
          uploadLabel="Attach documents"
          headingId="documents-heading"
        />
      </div>

      <p className="mt-12">
        <ButtonLink href={readPath}>Check and submit</ButtonLink>
      </p>
    </>
  );
}
