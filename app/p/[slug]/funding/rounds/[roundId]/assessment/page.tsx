import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import {
  CompletionSection,
  PanelSection,
  RankingSection,
  RecusalSection,
  RoundFacts,
} from "@/components/assessment/round-assessment-sections";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Round assessment" };
export const dynamic = "force-dynamic";

export default async function RoundAssessmentPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug: rawSlug, roundId } = await params;
  const slug = paramOr404(partnershipSlug, rawSlug);
  const api = await getApi();
  const here = paths.roundAssessment(slug, roundId);
  const [overview, candidates] = await Promise.all([
    loadOr404(() => api.assessment.overview({ roundId }), { here }),
    loadOr404(() => api.assessment.panelCandidates({ roundId }), { here }),
  ]);

  return (
    <>
      <p className="mb-2">
        <Link href={paths.fund(slug, overview.fund.id)}>Back to {overview.fund.name}</Link>
      </p>
      <PageHeader title={`Assessment: ${overview.round.title}`} />
      <RoundFacts overview={overview} canChangeRounds={overview.viewer.canChangeRounds} />
      <PanelSection overview={overview} candidates={candidates} />
      <CompletionSection overview={overview} />
      <RankingSection slug={slug} overview={overview} />
      <RecusalSection recusals={overview.recusals} />
    </>
  );
}
