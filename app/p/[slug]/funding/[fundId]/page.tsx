import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { FundAwards, FundBalances, FundByPriorityArea, FundLedger, FundMoneyForms, FundRounds } from "@/components/funding/fund-sections";
import { FundFunderForm } from "@/components/funding/fund-funder-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Fund" };
export const dynamic = "force-dynamic";

export default async function FundPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; fundId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug: rawSlug, fundId } = await params;
  const showWholeLedger = (await searchParams).ledger === "all";
  const slug = paramOr404(partnershipSlug, rawSlug);
  const api = await getApi();
  const fund = await loadOr404(() => api.funding.fund({ fundId }), { here: paths.fund(slug, fundId) });
  const { viewer } = fund;

  return (
    <>
      <p className="mb-2">
        <Link href={paths.funding(slug)}>Back to funding</Link>
      </p>
      <PageHeader
        title={fund.name}
        lead={`${fund.source} · ${fund.financialYear} · Funded by ${fund.funderOrganisation?.name ?? `${fund.partnershipName} (the partnership itself)`}`}
      />
      <FundBalances slug={slug} fund={fund} canExport={viewer.canExport} />
      <FundByPriorityArea fund={fund} />
      <FundRounds slug={slug} fund={fund} viewer={viewer} />
      <FundAwards slug={slug} fund={fund} />
      <FundLedger slug={slug} fund={fund} showAll={showWholeLedger} />
      {viewer.canManageMoney ? <FundMoneyForms fund={fund} /> : null}
      {viewer.canNameFunder ? (
        <Section title="Whose money it is" id="funder">
          <FundFunderForm
            fundId={fund.id}
            partnershipName={fund.partnershipName}
            organisations={fund.organisations}
            current={fund.funderOrganisation?.id ?? null}
          />
        </Section>
      ) : null}
    </>
  );
}
