import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { loadProposal } from "@/server/pages/proposals";
import { ChooseRoundForm } from "@/components/proposals/proposal-actions";
import { ProposalEditor } from "@/components/proposals/proposal-editor";
import { PROPOSAL_STATUS_LABELS } from "@/components/proposals/proposal-labels";
import { dateFormat } from "@/components/sub-groups/format";
import { buttonClass } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; proposalId: string }> };

const pathOf = (slug: string, proposalId: string) => `/p/${slug}/proposals/${proposalId}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, `${pathOf(slug, proposalId)}/edit`);
  return { title: `Edit ${proposal.title}` };
}

/** The authors' editor: every section saves itself as they type. */
export default async function EditProposalPage({ params }: Props) {
  const { slug, proposalId } = await params;
  const readPath = pathOf(slug, proposalId);
  const proposal = await loadProposal(slug, proposalId, `${readPath}/edit`);

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

  const api = await getApi();
  // Co-authors from outside the sub-group may not list its rounds: they keep the chosen one.
  const open = await api.proposal.openRounds({ subGroupId: proposal.subGroup.id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return [];
    throw error;
  });
  const rounds = open.map((round) => ({
    id: round.id,
    label: `${round.title} (${round.fundName}), closes ${dateFormat.format(round.closesAt)}, ${formatPence(round.minAwardPence)} to ${formatPence(round.maxAwardPence)}`,
  }));
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

      <section id="round" aria-labelledby="round-heading" className="mb-12 max-w-prose scroll-mt-4">
        <h2 id="round-heading" className="text-2xl font-semibold">
          Funding round
        </h2>
        {proposal.round ? (
          <p className="mb-3 text-slate-700">
            For {proposal.round.title}: awards of {formatPence(proposal.round.minAwardPence)} to{" "}
            {formatPence(proposal.round.maxAwardPence)}, closing {dateFormat.format(proposal.round.closesAt)}.
          </p>
        ) : (
          <p className="mb-3 text-slate-700">Choose the round before you submit.</p>
        )}
        <ChooseRoundForm proposalId={proposal.id} currentRoundId={proposal.round?.id ?? null} rounds={rounds} />
      </section>

      <ProposalEditor
        proposalId={proposal.id}
        sections={proposal.sections}
        organisations={proposal.organisations}
        requiredSections={proposal.round?.requiredSections ?? []}
        maxAwardPence={proposal.round?.maxAwardPence ?? null}
      />

      <p className="mt-12">
        <Link href={readPath} className={buttonClass.primary}>
          Check and submit
        </Link>
      </p>
    </>
  );
}
