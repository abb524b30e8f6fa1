import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { SectorTag, Separator } from "@/components/directory/sector-tag";
import { Announcer } from "@/components/sub-groups/announcer";
import { RequestDecision } from "@/components/sub-groups/request-decision";
import { getApi } from "@/server/api/server-caller";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";
import { getCurrentActor } from "@/server/auth/current-actor";
import { loadOr404 } from "@/server/pages/load";
import { loadSubGroup } from "@/server/pages/sub-groups";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const group = await loadSubGroup(slug, groupId);
  return { title: `${group.name}: join requests` };
}

/** Where a join-request notification leads: the sub-group's waiting requests, for its leads and officers. */
export default async function JoinRequestsPage({ params }: Props) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const api = await getApi();
  // Only leads and officers see requests; everyone else finds nothing here.
  const pending = await loadOr404(() => api.subGroup.pendingRequests({ subGroupId: group.id }));

  return (
    <>
      <h2 className="text-2xl font-semibold">Join requests</h2>
      <p className="mt-1 max-w-prose text-slate-700">
        People who asked to join. Approving makes them a member at once; declining needs a short note, which they will
        see. Either way they get a notification.
      </p>
      <div className="mt-6">
        <Announcer>
          {pending.requests.length === 0 ? (
            <p>
              {group.archived
                ? "This sub-group is archived, so it is not taking new members."
                : "Nobody is waiting to join at the moment."}{" "}
              <Link href={paths.subGroup(slug, group.id)}>Back to the members</Link>
            </p>
          ) : (
            <ul className="space-y-6">
              {pending.requests.map((request) => (
                <li key={request.id}>
                  <article aria-labelledby={`request-${request.id}`} className="rounded-lg border border-slate-300 p-4">
                    <h3 id={`request-${request.id}`} className="text-lg font-semibold">
                      {request.requester.profilePath ? (
                        <Link href={request.requester.profilePath}>{request.requester.name}</Link>
                      ) : (
                        request.requester.name
                      )}
                    </h3>
                    <p className="mt-1 flex flex-wrap items-center gap-x-2 text-slate-700">
                      <span>{request.requester.organisation?.name ?? "Individual / local resident"}</span>
                      <Separator />
                      <SectorTag sector={request.requester.sector} />
                      <Separator />
                      <span>
                        Asked on <time dateTime={request.createdAt.toISOString()}>{formatInstantDay(request.createdAt)}</time>
                      </span>
                    </p>
                    {request.message ? (
                      <blockquote className="mt-3 max-w-prose whitespace-pre-line border-l-4 border-slate-300 pl-3">
                        {request.message}
                      </blockquote>
                    ) : (
                      <p className="mt-3 text-slate-700">No message.</p>
                    )}
                    <div className="mt-4">
                      <RequestDecision joinRequestId={request.id} requesterName={request.requester.name} />
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Announcer>
      </div>
    </>
  );
}
