import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { TimeStamp } from "@/components/discussions/time-stamp";
import { ProposalStatusTag, roundChoiceLabel } from "@/components/proposals/proposal-labels";
import { StartProposalForm } from "@/components/proposals/start-proposal-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadSubGroupProposals } from "@/server/pages/proposals";
import { loadSubGroup } from "@/server/pages/sub-groups";

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
  const proposals = await loadSubGroupProposals(group.id, paths.subGroupProposals(slug, groupId));
  if (!proposals) return <JoinToReadProposals slug={slug} groupId={groupId} />;
  const canStart = group.viewer.myRole !== null && !group.archived;
  const rounds = canStart ? await (await getApi()).proposal.openRounds({ subGroupId: group.id }) : [];

  return (
    <>
      <PageHeader
        title="Proposals"
        lead="Test projects this sub-group is writing together. Anyone in the sub-group can read drafts and comment; authors and co-authors edit."
      />

      {canStart ? (
        <div className="mb-10 max-w-prose rounded-md border border-slate-300 p-4">
          <Section
            id="start-heading"
            title="Start a proposal"
            lead="Give it a working title; you can change everything later and invite co-authors from any organisation in the partnership."
          >
            <StartProposalForm
              subGroupId={group.id}
              slug={slug}
              rounds={rounds.map((round) => ({ id: round.id, label: roundChoiceLabel(round) }))}
            />
          </Section>
        </div>
      ) : null}

      <Section
        id="list-heading"
        title={proposals.length === 0 ? "No proposals yet" : `${proposals.length} ${proposals.length === 1 ? "proposal" : "proposals"}`}
      >
        {proposals.length === 0 ? (
          <p className="text-slate-700">Nobody in this sub-group has started a proposal.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="py-4">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={paths.proposal(slug, proposal.id)}>{proposal.title}</Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                  <ProposalStatusTag status={proposal.status} />
                  <span>{proposal.round ? proposal.round.title : "No round chosen"}</span>
                  <span>Asks for {formatPence(proposal.requestedPence)}</span>
                  <span>
                    Last change <TimeStamp date={proposal.updatedAt} />
                  </span>
                </p>
                <p className="mt-1 text-slate-700">By {proposal.authors.map((author) => author.name).join(", ")}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function JoinToReadProposals({ slug, groupId }: { slug: string; groupId: string }) {
  return (
    <>
      <PageHeader title="Proposals" lead="Join this sub-group to read and write its proposals." />
      <p>
        <Link href={paths.subGroup(slug, groupId)}>Go to the sub-group&apos;s page to ask to join</Link>
      </p>
    </>
  );
}
