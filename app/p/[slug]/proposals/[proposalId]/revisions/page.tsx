import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AllRevisionsSection, CompareRevisionsForm, RevisionChangesSection } from "@/components/proposals/revision-sections";
import { FormMessage } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadProposal, loadRevisionComparison } from "@/server/pages/proposals";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; proposalId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, paths.proposalRevisions(slug, proposalId));
  return { title: `Revisions · ${proposal.title}` };
}

function revisionNumber(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** Every save of the proposal, and what changed between any two of them. */
export default async function ProposalRevisionsPage({ params, searchParams }: Props) {
  const { slug, proposalId } = await params;
  const proposal = await loadProposal(slug, proposalId, paths.proposalRevisions(slug, proposalId));
  const api = await getApi();
  const revisions = await api.proposal.revisions({ proposalId });
  const latest = proposal.revision;

  const query = await searchParams;
  const to = revisionNumber(query.to) ?? latest;
  const from = revisionNumber(query.from) ?? Math.max(0, to - 1);
  const { comparison, problem } = latest > 0 ? await loadRevisionComparison(proposalId, from, to) : { comparison: null, problem: null };

  return (
    <>
      <p className="mb-2">
        <Link href={paths.proposal(slug, proposalId)}>Back to the proposal</Link>
      </p>
      <PageHeader title={`Revisions of ${proposal.title}`} lead="Every save is a revision. Choose two to see what changed between them." />
      <CompareRevisionsForm revisions={revisions} from={from} to={to} />
      {problem ? (
        <div className="mb-8">
          <FormMessage tone="error">{problem}</FormMessage>
        </div>
      ) : null}
      {comparison ? <RevisionChangesSection comparison={comparison} /> : null}
      <AllRevisionsSection slug={slug} proposalId={proposalId} revisions={revisions} />
    </>
  );
}
