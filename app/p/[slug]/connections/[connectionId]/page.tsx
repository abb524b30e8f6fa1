import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { StartProposalForm } from "@/components/events/start-proposal-form";
import { PageHeader } from "@/components/ui/page-header";
import { connectionRefInput } from "@/lib/schemas/events";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Start a draft proposal" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; connectionId: string }> };

/** From a connection to a draft proposal: you lead it, the other person co-writes it. */
export default async function StartProposalPage({ params }: Props) {
  const raw = await params;
  const slug = paramOr404(partnershipSlug, raw.slug);
  const { connectionId } = paramOr404(connectionRefInput, { connectionId: raw.connectionId });
  const here = paths.connection(slug, connectionId);
  await requireSignedIn(here);
  const api = await getApi();
  const options = await loadOr404(() => api.event.connectionSubGroups({ connectionId }), { here });
  const name = options.other.name;

  return (
    <>
      <p className="mb-2">
        <Link href={paths.connections(slug)}>Back to your connections</Link>
      </p>
      <PageHeader
        title={`Start a draft proposal with ${name}`}
        lead={`You will be its lead author and ${name} a co-author. Nothing is submitted until you both are ready.`}
      />
      {options.proposalId ? (
        <p>
          A draft proposal has already been started from this connection:{" "}
          <Link href={paths.proposal(slug, options.proposalId)}>open it</Link>.
        </p>
      ) : options.subGroups.length === 0 ? (
        <p className="max-w-prose">
          You and {name} are not in a sub-group together yet. Proposals are written inside a sub-group: one of you can{" "}
          <Link href={paths.priorities(slug)}>join a sub-group</Link> the other is in, then come back here.
        </p>
      ) : (
        <StartProposalForm connectionId={connectionId} otherName={name} subGroups={options.subGroups} />
      )}
    </>
  );
}
