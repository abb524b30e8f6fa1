import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CreateFundForm } from "@/components/funding/create-fund-form";
import { FundList } from "@/components/funding/fund-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Funding" };
export const dynamic = "force-dynamic";

export default async function FundingPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const api = await getApi();
  // Either call refused (another partnership's officer, or someone who may not see the
  // money) is "not found", whichever answers first.
  const [funds, viewer] = await loadOr404(
    () => Promise.all([api.funding.funds({ partnershipSlug: slug }), api.partnership.viewer({ partnershipSlug: slug })]),
    { here: paths.funding(slug) },
  );

  const funderOptions = viewer.canCreateFund ? await api.funding.funderOptions({ partnershipSlug: slug }) : [];

  return (
    <>
      <PageHeader title="Funding" lead="The partnership's funds: what has been awarded, paid and is still available." />
      <FundList slug={slug} funds={funds} />
      {viewer.canCreateFund ? (
        <Section title="Create a fund" id="new-fund">
          <CreateFundForm partnershipSlug={slug} partnershipName={viewer.partnershipName} organisations={funderOptions} />
        </Section>
      ) : null}
      {viewer.canSeeAuditLog ? (
        <p className="mt-6">
          <Link href={paths.fundingAudit(slug)}>Read the audit log</Link>
        </p>
      ) : null}
    </>
  );
}
