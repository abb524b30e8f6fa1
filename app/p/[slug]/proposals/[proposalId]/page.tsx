import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ProposalAuthorsSection, ProposalTimelineSection } from "@/components/proposals/proposal-about-section";
import { ProposalActionsSection } from "@/components/proposals/proposal-actions-section";
import { FileAttachments } from "@/components/files/file-attachments";
import { getEnv } from "@/server/env";
import { ProposalContentSections } from "@/components/proposals/proposal-content-section";
import { ProposalDecisionSection } from "@/components/proposals/proposal-decision-section";
import { ProposalStatusTag } from "@/components/proposals/proposal-labels";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { loadProposal } from "@/server/pages/proposals";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; proposalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, paths.proposal(slug, proposalId));
  return { title: `${proposal.title} · Proposal` };
}

/** A proposal as everyone who may read it sees it: its sections, comments, people, state and history. */
export default async function ProposalPage({ params }: Props) {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, paths.proposal(slug, proposalId));
  const api = await getApi();
  const [timeline, candidates] = await Promise.all([
    api.proposal.timeline({ proposalId }),
    proposal.viewer.canManageCoAuthors ? api.proposal.coAuthorCandidates({ proposalId }) : Promise.resolve([]),
  ]);
  const { round } = proposal;

  return (
    <>
      <p className="mb-2">
        <Link href={paths.subGroupProposals(slug, proposal.subGroup.id)}>Back to {proposal.subGroup.name} proposals</Link>
      </p>
      <PageHeader title={proposal.title}>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <ProposalStatusTag status={proposal.status} />
          <span>Asks for {formatPence(proposal.requestedPence)}</span>
          <span>{round ? `${round.title}, closes ${formatInstantDay(round.closesAt)}` : "No funding round chosen"}</span>
          <span>Revision {proposal.revision}</span>
        </p>
      </PageHeader>

      <ProposalDecisionSection proposal={proposal} />
      <ProposalActionsSection slug={slug} proposal={proposal} />

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <ProposalContentSections proposal={proposal} />
          <div id="documents" className="mt-10 scroll-mt-4">
            <FileAttachments
              owner={{ ownerKind: "PROPOSAL", ownerId: proposal.id }}
              maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
              title="Documents"
              uploadLabel="Attach documents"
              headingId="documents-heading"
            />
          </div>
        </div>
        <aside className="min-w-0 space-y-10" aria-label="About this proposal">
          <ProposalAuthorsSection proposal={proposal} candidates={candidates} />
          <ProposalTimelineSection slug={slug} proposalId={proposal.id} timeline={timeline} />
        </aside>
      </div>
    </>
  );
}
