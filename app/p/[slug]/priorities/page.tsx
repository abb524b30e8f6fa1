import { MY_SUB_GROUP_STATUS } from "@/lib/role-labels";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { SectorMix } from "@/components/partnerships/sector-mix";
import { PriorityAreaActions, RestorePriorityAreaButton } from "@/components/priority-areas/priority-area-actions";
import { PriorityAreaForm } from "@/components/priority-areas/priority-area-form";
import { Announcer } from "@/components/sub-groups/announcer";
import { JoinControls } from "@/components/sub-groups/join-controls";
import { CreateSubGroupForm } from "@/components/sub-groups/sub-group-forms";
import { PageHeader } from "@/components/ui/page-header";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { JOIN_POLICY_SHORT_LABELS } from "@/lib/schemas/sub-groups";
import { getApi } from "@/server/api/server-caller";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Priorities and sub-groups" };

type Props = { params: Promise<{ slug: string }> };

function myStatus(group: { myRole: "LEAD" | "MEMBER" | null }): string | null {
  if (group.myRole) return MY_SUB_GROUP_STATUS[group.myRole];
  return null;
}

export default async function PrioritiesPage({ params }: Props) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.priorities(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const data = await loadOr404(() => api.priorityArea.list({ partnershipSlug: slug, includeArchived: true }), { here });
  const { viewer } = data;
  const current = data.priorityAreas.filter((area) => !area.archived);
  const archived = data.priorityAreas.filter((area) => area.archived);
  const candidates = viewer.canCreateSubGroups ? await api.priorityArea.candidateLeads({ partnershipSlug: slug }) : [];

  return (
    <>
      <PageHeader
        title="Priorities and sub-groups"
        lead="The priority areas this partnership agreed, and the sub-groups of voluntary and public sector colleagues working on each. Join a sub-group to help shape its work."
      />

      {viewer.canManagePriorityAreas ? (
        <details className="mb-8 rounded-md border border-slate-300 p-4">
          <summary className="cursor-pointer font-semibold text-brand-800">Add a priority area</summary>
          <div className="mt-4">
            <PriorityAreaForm mode="create" partnershipSlug={slug} />
          </div>
        </details>
      ) : null}

      <Announcer>
        {current.length === 0 ? (
          <p className="max-w-prose">
            No priority areas have been agreed yet.
            {viewer.canManagePriorityAreas ? " Add the first one above." : " The partnership's officers will add them here."}
          </p>
        ) : (
          <ol className="space-y-8">
            {current.map((area, index) => {
              const subGroups = area.subGroups.filter((group) => !group.archived);
              return (
                <li key={area.id} id={`area-${area.id}`} className="scroll-mt-4 rounded-lg border border-slate-300 p-5">
                  <section aria-labelledby={`area-title-${area.id}`}>
                    <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">Priority {index + 1}</p>
                    <h2 id={`area-title-${area.id}`} className="text-2xl font-semibold">
                      {area.title}
                    </h2>
                    <p className="mt-2 max-w-prose whitespace-pre-line">{area.description}</p>
                    <h3 className="mt-4 font-semibold">Outcomes sought</h3>
                    <p className="mt-1 max-w-prose whitespace-pre-line">{area.outcomesSought}</p>

                    <h3 className="mt-6 text-lg font-semibold">Sub-groups</h3>
                    {subGroups.length === 0 ? (
                      <p className="mt-1 text-slate-700">No sub-groups yet.</p>
                    ) : (
                      <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
                        {subGroups.map((group) => {
                          const status = myStatus(group);
                          return (
                            <li key={group.id} className="grid gap-3 py-4 sm:grid-cols-[1fr_14rem]">
                              <div>
                                <h4 className="text-lg font-semibold">
                                  <Link href={paths.subGroup(slug, group.id)}>{group.name}</Link>
                                </h4>
                                <p className="text-slate-700">
                                  {JOIN_POLICY_SHORT_LABELS[group.joinPolicy]} · {group.memberCount}{" "}
                                  {group.memberCount === 1 ? "member" : "members"}
                                </p>
                                <SectorMix variant="compact" counts={group.sectorMix} caption={`Members of ${group.name} by sector`} />
                              </div>
                              <div>
                                {status ? <p className="font-semibold">{status}</p> : null}
                                <JoinControls
                                  subGroupId={group.id}
                                  subGroupName={group.name}
                                  joinPolicy={group.joinPolicy}
                                  canJoin={group.canJoin}
                                  myRole={group.myRole}
                                  pendingRequest={group.pendingRequest}
                                />
                              </div>
                            </li>
                          );
                        })}
                      </ul>
                    )}

                    {viewer.canCreateSubGroups ? (
                      <details className="mt-4 rounded-md border border-slate-300 p-4">
                        <summary className="cursor-pointer font-semibold text-brand-800">
                          Start a sub-group<span className="sr-only"> in {area.title}</span>
                        </summary>
                        <div className="mt-4">
                          <CreateSubGroupForm
                            partnershipSlug={slug}
                            priorityAreaId={area.id}
                            priorityAreaTitle={area.title}
                            candidates={candidates}
                          />
                        </div>
                      </details>
                    ) : null}

                    {viewer.canManagePriorityAreas ? (
                      <div className="mt-4 space-y-4">
                        <details className="rounded-md border border-slate-300 p-4">
                          <summary className="cursor-pointer font-semibold text-brand-800">
                            Edit<span className="sr-only"> {area.title}</span> details
                          </summary>
                          <div className="mt-4">
                            <PriorityAreaForm
                              mode="edit"
                              priorityAreaId={area.id}
                              initial={{ title: area.title, description: area.description, outcomesSought: area.outcomesSought }}
                            />
                          </div>
                        </details>
                        <PriorityAreaActions
                          priorityAreaId={area.id}
                          title={area.title}
                          isFirst={index === 0}
                          isLast={index === current.length - 1}
                          subGroupNames={subGroups.map((group) => group.name)}
                        />
                      </div>
                    ) : null}
                  </section>
                </li>
              );
            })}
          </ol>
        )}

        {viewer.canManagePriorityAreas && archived.length > 0 ? (
          <section aria-labelledby="archived" className="mt-12">
            <h2 id="archived" className="text-2xl font-semibold">
              Archived priority areas
            </h2>
            <p className="mt-1 max-w-prose text-slate-700">
              Kept as history. Restoring one puts it back at the end of the list, with the sub-groups archived along with it.
            </p>
            <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
              {archived.map((area) => (
                <li key={area.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-semibold">{area.title}</p>
                    <p className="text-sm text-slate-700">
                      Archived{area.archivedAt ? ` on ${formatInstantDay(area.archivedAt)}` : ""} ·{" "}
                      {area.subGroups.length} {area.subGroups.length === 1 ? "sub-group" : "sub-groups"}
                    </p>
                  </div>
                  <RestorePriorityAreaButton priorityAreaId={area.id} title={area.title} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Announcer>
    </>
  );
}
