import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProposalStatusTag, timeFormat } from "@/components/proposals/proposal-labels";
import { StartProposalForm } from "@/components/proposals/start-proposal-form";
import { loadSubGroup } from "@/server/pages/sub-groups";
import { dateFormat } from "@/components/sub-groups/format";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  return { title: `Proposals · ${group.name}` };
}

/** The sub-group's proposals for test projects, and where a member starts a new one. */
export default async function SubGroupProposalsPage({ params }: Props) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const api = await getApi();
  let proposals;
  try {
    proposals = await api.proposal.forSubGroup({ subGroupId: group.id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return <JoinToReadProposals slug={slug} groupId={groupId} />;
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
  const canStart = group.viewer.myRole !== null && !group.archived;
  const rounds = canStart ? await api.proposal.openRounds({ subGroupId: group.id }) : [];

  return (
    <>
      <PageHeader
        title="Proposals"
        lead="Test projects this sub-group is writing together. Anyone in the sub-group can read drafts and comment; authors and co-authors edit."
      />

      {canStart ? (
        <section aria-labelledby="start-heading" className="mb-10 max-w-prose rounded-md border border-slate-300 p-4">
          <h2 id="start-heading" className="text-2xl font-semibold">
            Start a proposal
          </h2>
          <p className="mt-1 text-slate-700">
            Give it a working title; you can change everything later and invite co-authors from any organisation in the
            partnership.
          </p>
          <StartProposalForm
            subGroupId={group.id}
            slug={slug}
            rounds={rounds.map((round) => ({
              id: round.id,
              label: `${round.title} (${round.fundName}), closes ${dateFormat.format(round.closesAt)}, ${formatPence(round.minAwardPence)} to ${formatPence(round.maxAwardPence)}`,
            }))}
          />
        </section>
      ) : null}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-2xl font-semibold">
          {proposals.length === 0 ? "No proposals yet" : `${proposals.length} ${proposals.length === 1 ? "proposal" : "proposals"}`}
        </h2>
        {proposals.length === 0 ? (
          <p className="mt-2 text-slate-700">Nobody in this sub-group has started a proposal.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="py-4">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={`/p/${slug}/proposals/${proposal.id}`}>{proposal.title}</Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                  <ProposalStatusTag status={proposal.status} />
                  <span>{proposal.round ? proposal.round.title : "No round chosen"}</span>
                  <span>Asks for {formatPence(proposal.requestedPence)}</span>
                  <span>Last change {timeFormat.format(proposal.updatedAt)}</span>
                </p>
                <p className="mt-1 text-slate-700">By {proposal.authors.map((author) => author.name).join(", ")}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function JoinToReadProposals({ slug, groupId }: { slug: string; groupId: string }) {
  return (
    <>
      <PageHeader title="Proposals" lead="Join this sub-group to read and write its proposals." />
      <p>
        <Link href={`/p/${slug}/groups/${groupId}`}>Go to the sub-group&apos;s page to ask to join</Link>
      </p>
    </>
  );
}
