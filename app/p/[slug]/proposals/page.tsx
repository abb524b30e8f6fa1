import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { TimeStamp } from "@/components/discussions/time-stamp";
import { ProposalStatusTag } from "@/components/proposals/proposal-labels";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { MY_AUTHOR_ROLE } from "@/lib/role-labels";
import { loadMyProposals } from "@/server/pages/proposals";

export const metadata: Metadata = { title: "Your proposals" };
export const dynamic = "force-dynamic";

/** The proposals the member writes or co-writes, and any they are assessing. */
export default async function MyProposalsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { mine, assessing } = await loadMyProposals(slug);
  const toScore = assessing.filter((item) => item.canScore && item.state !== "SUBMITTED").length;

  return (
    <>
      <PageHeader
        title="Your proposals"
        lead="Proposals you write or co-write. To start one, go to the sub-group for its priority area and open its Proposals tab."
      />
      {assessing.length > 0 ? (
        <p className="mb-8 max-w-prose rounded-md border-l-4 border-brand-800 bg-brand-50 p-4">
          You sit on an assessment panel.{" "}
          <Link href={paths.assessments(slug)}>
            {toScore > 0 ? `${toScore} ${toScore === 1 ? "proposal is" : "proposals are"} waiting for your scores` : "See the proposals you assess"}
          </Link>
          .
        </p>
      ) : null}
      {mine.length === 0 ? (
        <p>
          You are not an author of any proposal yet. <Link href={paths.priorities(slug)}>Find a sub-group</Link>.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {mine.map((proposal) => (
            <li key={proposal.id} className="py-4">
              <h2 className="text-lg font-semibold break-words">
                <Link href={paths.proposal(slug, proposal.id)}>{proposal.title}</Link>
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                <ProposalStatusTag status={proposal.status} />
                <span>{proposal.subGroup.name}</span>
                <span>{MY_AUTHOR_ROLE[proposal.myRole]}</span>
                <span>Asks for {formatPence(proposal.requestedPence)}</span>
                <span>
                  Last change <TimeStamp date={proposal.updatedAt} />
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
