import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AwardChanges, AwardConditions, AwardFigures, AwardPayments, AwardProject } from "@/components/funding/award-sections";
import { AWARD_STATE_LABELS } from "@/components/funding/award-state";
import { PublishAwardButton } from "@/components/funding/publish-award-button";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Award" };
export const dynamic = "force-dynamic";

export default async function AwardPage({ params }: { params: Promise<{ slug: string; fundId: string; awardId: string }> }) {
  const { slug: rawSlug, fundId, awardId } = await params;
  const slug = paramOr404(partnershipSlug, rawSlug);
  const api = await getApi();
  const here = paths.award(slug, fundId, awardId);
  const fund = await loadOr404(() => api.funding.fund({ fundId }), { here });
  const award = fund.awards.find((a) => a.id === awardId);
  if (!award) notFound();
  const { viewer } = fund;
  const canSetUp = viewer.canSetUpProjects && !award.projectId && award.state !== "COMPLETED" && award.state !== "WITHDRAWN";
  // Observers do not take part in projects, so they are not offered as its lead.
  const people = canSetUp
    ? (await loadOr404(() => api.membership.list({ partnershipSlug: slug }), { here })).members
        .filter((member) => member.takesPart)
        .map((member) => ({
          id: member.userId,
          label: member.organisation ? `${member.name} (${member.organisation.name})` : member.name,
        }))
    : [];

  return (
    <>
      <p className="mb-2">
        <Link href={paths.fund(slug, fund.id)}>Back to {fund.name}</Link>
      </p>
      <PageHeader
        title={award.projectName}
        lead={`${award.recipientName} · ${AWARD_STATE_LABELS[award.state]} · ${award.published ? "published to the partnership" : "not published"}`}
      >
        {viewer.canManageMoney ? (
          <div className="mt-4">
            <PublishAwardButton awardId={award.id} published={award.published} />
          </div>
        ) : null}
      </PageHeader>
      <AwardFigures award={award} />
      <AwardConditions conditions={award.conditions} />
      <AwardPayments award={award} canManageMoney={viewer.canManageMoney} />
      <AwardProject slug={slug} award={award} canSetUp={canSetUp} people={people} />
      {viewer.canManageMoney ? <AwardChanges award={award} /> : null}
    </>
  );
}
