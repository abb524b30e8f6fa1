import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { formatShortDay, personLine } from "@/components/events/event-labels";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Your connections" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** The people you (or they) said "we should talk again" to, and proposals started from them. */
export default async function ConnectionsPage({ params }: Props) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.connections(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const connections = await loadOr404(() => api.event.myConnections({ partnershipSlug: slug }), { here });

  return (
    <>
      <p className="mb-2">
        <Link href={paths.events(slug)}>Back to events</Link>
      </p>
      <PageHeader
        title="Your connections"
        lead="People you met at events and want to talk to again. Turn a connection into a draft proposal in a sub-group you both belong to."
      />
      {connections.length === 0 ? (
        <p className="max-w-prose">
          No connections yet. After an event you went to, open it and choose &ldquo;We should talk again&rdquo; for someone you met.
        </p>
      ) : (
        <ul className="space-y-4">
          {connections.map((connection) => (
            <li key={connection.id} className="rounded-md border border-slate-300 p-4">
              <h2 className="text-xl font-semibold">{personLine(connection.other)}</h2>
              <p className="mt-1 text-slate-700">
                {connection.mutual
                  ? "You both want to talk again"
                  : connection.loggedByMe
                    ? "You want to talk again"
                    : `${connection.other.name} wants to talk again`}
                {connection.event ? (
                  <>
                    {" "}
                    after{" "}
                    <Link href={paths.event(slug, connection.event.id)}>{connection.event.title}</Link> (
                    {formatShortDay(connection.event.startsAt)})
                  </>
                ) : null}
              </p>
              {connection.note ? <p className="mt-2 whitespace-pre-line">Your note: {connection.note}</p> : null}
              <p className="mt-3">
                {connection.proposal ? (
                  <>
                    Draft proposal: <Link href={paths.proposal(slug, connection.proposal.id)}>{connection.proposal.title}</Link>
                  </>
                ) : connection.canStartProposal ? (
                  <Link href={paths.connection(slug, connection.id)}>
                    Start a draft proposal<span className="sr-only"> with {connection.other.name}</span>
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
