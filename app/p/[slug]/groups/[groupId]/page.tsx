import type { Metadata } from "next";
import Link from "next/link";
import { SectorTag } from "@/components/directory/sector-tag";
import { SectorMix } from "@/components/partnerships/sector-mix";
import { Announcer } from "@/components/sub-groups/announcer";
import { dateFormat } from "@/components/sub-groups/format";
import { JoinControls } from "@/components/sub-groups/join-controls";
import { loadSubGroup } from "@/components/sub-groups/load-sub-group";
import { MemberActions } from "@/components/sub-groups/member-actions";
import { ArchiveSubGroupButton, EditSubGroupForm } from "@/components/sub-groups/sub-group-forms";
import { MY_PLACE_IN_SUB_GROUP } from "@/lib/role-labels";
import { JOIN_POLICY_LABELS, SUB_GROUP_ROLE_LABELS } from "@/lib/schemas/sub-groups";
import { getCurrentActor } from "@/server/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const group = await loadSubGroup(slug, groupId);
  return { title: `${group.name}: members` };
}

const NUDGE: Record<string, string> = {
  "needs a voluntary-sector co-lead": "This sub-group needs a voluntary-sector co-lead.",
  "needs a public-sector co-lead": "This sub-group needs a public-sector co-lead.",
  "needs voluntary- and public-sector co-leads": "This sub-group needs a voluntary-sector and a public-sector co-lead.",
};

export default async function SubGroupMembersPage({ params }: Props) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const { viewer } = group;
  const nudge = NUDGE[group.leadPairing];
  const myStatus =
    viewer.myRole
      ? MY_PLACE_IN_SUB_GROUP[viewer.myRole]
      : viewer.pendingRequest
          ? null
          : group.archived
            ? "This sub-group is archived, so it is not taking new members."
            : viewer.canJoin
              ? group.joinPolicy === "OPEN"
                ? "Anyone in the partnership can join this sub-group."
                : "A lead approves each person who asks to join."
              : "Observers can follow sub-groups but not join them.";

  return (
    <>
      <h1 className="text-2xl font-semibold">
        Members<span className="sr-only"> of {group.name}</span>
      </h1>
      <p className="mt-1 text-slate-700">
        {group.memberCount} {group.memberCount === 1 ? "member" : "members"} · {JOIN_POLICY_LABELS[group.joinPolicy]}
      </p>

      <section aria-labelledby="my-membership" className="mt-6 max-w-prose rounded-lg bg-slate-50 p-4">
        <h2 id="my-membership" className="text-lg font-semibold">
          Your membership
        </h2>
        {myStatus ? <p className="mt-1">{myStatus}</p> : null}
        <div className="mt-3">
          <JoinControls
            subGroupId={group.id}
            subGroupName={group.name}
            joinPolicy={group.joinPolicy}
            canJoin={viewer.canJoin}
            myRole={group.archived ? null : viewer.myRole}
            pendingRequest={viewer.pendingRequest}
            allowLeave={viewer.canLeave}
            isOnlyLead={viewer.isOnlyLead}
          />
        </div>
      </section>

      {nudge && !group.archived ? (
        <div className="mt-6 max-w-prose rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">{nudge}</p>
          <p className="mt-1">
            Sub-groups work best led by a pair: one lead from the voluntary sector and one from the public sector, so
            both sides shape the work.
            {viewer.canManageMembers ? " You can make a member a co-lead in the table below." : ""}
          </p>
        </div>
      ) : null}

      <div className="mt-8 grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="members" className="min-w-0 lg:col-span-2">
          <h2 id="members" className="text-xl font-semibold">
            Who is in it
          </h2>
          <Announcer>
            {group.members.length === 0 ? (
              <p className="mt-2">Nobody has joined yet.</p>
            ) : (
              // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`Members of ${group.name}`}>
                <table className="w-full min-w-[36rem] border-collapse text-left">
                  <caption className="sr-only">Members of {group.name}, leads first</caption>
                  <thead>
                    <tr className="border-b-2 border-slate-700">
                      <th scope="col" className="py-2 pr-3">
                        Name
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Organisation
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Sector
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Role
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Joined
                      </th>
                      {viewer.canManageMembers ? (
                        <th scope="col" className="py-2">
                          Actions
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {group.members.map((member) => (
                      <tr key={member.userId} className="border-b border-slate-200 align-top">
                        <th scope="row" className="py-2 pr-3 font-normal">
                          {member.profilePath ? <Link href={member.profilePath}>{member.name}</Link> : member.name}
                          {member.isMe ? <span className="text-slate-700"> (you)</span> : null}
                        </th>
                        <td className="py-2 pr-3">{member.organisation?.name ?? "Individual / local resident"}</td>
                        <td className="py-2 pr-3">
                          <SectorTag sector={member.sector} />
                        </td>
                        <td className={`py-2 pr-3 ${member.isLead ? "font-semibold" : ""}`}>
                          {SUB_GROUP_ROLE_LABELS[member.role]}
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap">{dateFormat.format(member.joinedAt)}</td>
                        {viewer.canManageMembers ? (
                          <td className="py-2">
                            <MemberActions
                              subGroupId={group.id}
                              userId={member.userId}
                              name={member.name}
                              isLead={member.isLead}
                              isOnlyLead={member.isOnlyLead}
                              isMe={member.isMe}
                            />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Announcer>
        </section>

        <section aria-labelledby="sector-mix">
          <h2 id="sector-mix" className="text-xl font-semibold">
            Sector mix
          </h2>
          <p className="mt-1 text-slate-700">Members by the sector of their organisation.</p>
          <SectorMix counts={group.sectorMix} caption={`Members of ${group.name} by sector`} />
        </section>
      </div>

      {viewer.canEdit || viewer.canArchive ? (
        <section aria-labelledby="manage" className="mt-10">
          <h2 id="manage" className="text-xl font-semibold">
            Manage this sub-group
          </h2>
          {viewer.canEdit ? (
            <details className="mt-3 rounded-md border border-slate-300 p-4">
              <summary className="cursor-pointer font-semibold text-brand-800">Edit name, purpose and how people join</summary>
              <div className="mt-4">
                <EditSubGroupForm
                  subGroupId={group.id}
                  initial={{ name: group.name, purpose: group.purpose, joinPolicy: group.joinPolicy }}
                />
              </div>
            </details>
          ) : null}
          {viewer.canArchive ? (
            <div className="mt-4">
              <ArchiveSubGroupButton subGroupId={group.id} name={group.name} />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
