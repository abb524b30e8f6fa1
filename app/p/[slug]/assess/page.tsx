import type { Metadata } from "next";
import { AssessmentRounds } from "@/components/assessment/assessment-list";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Proposals to assess" };
export const dynamic = "force-dynamic";

export default async function ProposalsToAssessPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const api = await getApi();
  const assessments = await loadOr404(() => api.assessment.mine({ partnershipSlug: slug }), { here: paths.assessments(slug) });

  return (
    <>
      <PageHeader
        title="Proposals to assess"
        lead="The proposals submitted to funding rounds whose assessment panel you sit on. Score each one against the round's criteria."
      />
      <AssessmentRounds slug={slug} assessments={assessments} />
    </>
  );
}
