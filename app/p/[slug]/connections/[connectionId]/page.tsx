import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StartProposalForm } from "@/components/events/start-proposal-form";
import { PageHeader } from "@/components/ui/page-header";
import { connectionRefInput } from "@/lib/schemas/events";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

export const metadata: Metadata = { title: "Start a draft proposal" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; connectionId: string }> };

/** From a connection to a draft proposal: you lead it, the other person co-writes it. */
export default async function StartProposalPage({ params }: Props) {
  const { slug, connectionId } = await params;
  if (!partnershipSlug.safeParse(slug).success || !connectionRefInput.safeParse({ connectionId }).success) notFound();
  const here = `/p/${slug}/connections/${connectionId}`;
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  const options = await api.event.connectionSubGroups({ connectionId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const name = options.other.name;

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/connections`}>Back to your connections</Link>
      </p>
      <PageHeader
        title={`Start a draft proposal with ${name}`}
        lead={`You will be its lead author and ${name} a co-author. Nothing is submitted until you both are ready.`}
      />
      {options.proposalId ? (
        <p>
          A draft proposal has already been started from this connection:{" "}
          <Link href={`/p/${slug}/proposals/${options.proposalId}`}>open it</Link>.
        </p>
      ) : options.subGroups.length === 0 ? (
        <p className="max-w-prose">
          You and {name} are not in a sub-group together yet. Proposals are written inside a sub-group: one of you can{" "}
          <Link href={`/p/${slug}/priorities`}>join a sub-group</Link> the other is in, then come back here.
        </p>
      ) : (
        <StartProposalForm connectionId={connectionId} otherName={name} subGroups={options.subGroups} />
      )}
    </>
  );
}
