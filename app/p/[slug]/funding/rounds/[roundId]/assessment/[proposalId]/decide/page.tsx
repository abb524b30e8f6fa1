import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AssessorScores, DecisionFacts, DecisionSection } from "@/components/assessment/decide-sections";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { ukToday } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, samePartnershipOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Decide a proposal" };
export const dynamic = "force-dynamic";

export default async function DecideProposalPage({
  params,
}: {
  params: Promise<{ slug: string; roundId: string; proposalId: string }>;
}) {
  const { slug: rawSlug, roundId, proposalId } = await params;
  const slug = paramOr404(partnershipSlug, rawSlug);
  const api = await getApi();
  const here = paths.decide(slug, roundId, proposalId);
  const [proposal, overview] = await Promise.all([
    loadOr404(() => api.proposal.get({ proposalId }), { here }),
    loadOr404(() => api.assessment.overview({ roundId }), { here }),
  ]);
  samePartnershipOr404(slug, proposal.partnership.slug);
  const ranked = overview.proposals.find((candidate) => candidate.id === proposal.id);
  if (!proposal.round || proposal.round.id !== roundId || !ranked) notFound();
  const roundPath = paths.roundAssessment(slug, roundId);

  return (
    <>
      <p className="mb-2">
        <Link href={roundPath}>Back to the assessment of {overview.round.title}</Link>
      </p>
      <PageHeader title={`Decide: ${proposal.title}`} lead={`${proposal.subGroup.name} · ${overview.round.title}`} />
      <DecisionFacts slug={slug} proposal={proposal} ranked={ranked} overview={overview} />
      <AssessorScores proposalId={proposal.id} overview={overview} />
      <DecisionSection proposal={proposal} ranked={ranked} today={ukToday()} returnPath={roundPath} />
    </>
  );
}
