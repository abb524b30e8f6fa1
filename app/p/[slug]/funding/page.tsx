import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateFundForm } from "@/components/funding/create-fund-form";
import { MoneyBar } from "@/components/funding/money-bar";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { TRPCError } from "@trpc/server";

export const metadata: Metadata = { title: "Funding" };
export const dynamic = "force-dynamic";

export default async function FundingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = partnershipSlug.safeParse(slug);
  if (!parsed.success) notFound();
  const api = await getApi();
  // Either call refused (another partnership's officer, or someone who may not see the
  // money) is "not found", whichever answers first.
  const [funds, viewer] = await Promise.all([
    api.funding.funds({ partnershipSlug: parsed.data }),
    api.partnership.viewer({ partnershipSlug: parsed.data }),
  ]).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"].includes(error.code)) notFound();
    throw error;
  });

  return (
    <>
      <PageHeader title="Funding" lead="The partnership's funds: what has been awarded, paid and is still available." />
      {funds.length === 0 ? <p>No funds yet.</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2" aria-label="Funds">
        {funds.map((fund) => (
          <li key={fund.id} className="rounded-lg border border-slate-300 p-5">
            <h2 className="text-xl font-semibold">
              <Link href={`/p/${slug}/funding/${fund.id}`}>{fund.name}</Link>
            </h2>
            <p className="text-sm text-slate-700">
              {fund.source} · {fund.financialYear} · {fund.awardCount} {fund.awardCount === 1 ? "award" : "awards"}
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-slate-700">Total</dt>
                <dd className="text-lg font-semibold">{formatPence(fund.totalPence)}</dd>
              </div>
              <div>
                <dt className="text-slate-700">Available</dt>
                <dd className="text-lg font-semibold">{formatPence(fund.availablePence)}</dd>
              </div>
            </dl>
            <MoneyBar label={fund.name} totalPence={fund.totalPence} committedPence={fund.committedPence} paidPence={fund.paidPence} />
          </li>
        ))}
      </ul>
      {viewer.canCreateFund ? (
        <section aria-labelledby="new-fund" className="mt-10">
          <h2 id="new-fund" className="mb-4 text-2xl font-semibold">
            Create a fund
          </h2>
          <CreateFundForm partnershipSlug={slug} />
        </section>
      ) : null}
      {viewer.canSeeAuditLog ? (
        <p className="mt-6">
          <Link href={`/p/${slug}/funding/audit`}>Read the audit log</Link>
        </p>
      ) : null}
    </>
  );
}
