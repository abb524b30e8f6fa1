import type { Metadata } from "next";
import { SectorMix } from "@/components/partnerships/sector-mix";
import { Announcer } from "@/components/sub-groups/announcer";
import { JoinControls } from "@/components/sub-groups/join-controls";
import { loadSubGroup } from "@/server/pages/sub-groups";
import { MemberTable } from "@/components/sub-groups/member-table";
import { ArchiveSubGroupButton, EditSubGroupForm } from "@/components/sub-groups/sub-group-forms";
import { MY_PLACE_IN_SUB_GROUP } from "@/lib/role-labels";
import { JOIN_POLICY_LABELS } from "@/lib/schemas/sub-groups";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getEnv } from "@/server/env";
import { FileAttachments } from "@/components/files/file-attachments";

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
      <h2 className="text-2xl font-semibold">Members</h2>
      <p className="mt-1 text-slate-700">
        {group.memberCount} {group.memberCount === 1 ? "member" : "members"} · {JOIN_POLICY_LABELS[group.joinPolicy]}
      </p>

      <section id="sub-group-actions" tabIndex={-1} aria-labelledby="my-membership" className="mt-6 max-w-prose rounded-lg bg-slate-50 p-4">
        <h3 id="my-membership" className="text-lg font-semibold">
          Your membership
        </h3>
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

      {/* The member table takes the full width so its Actions column fits at 1280 px. */}
      <div className="mt-8 grid gap-10">
        <section aria-labelledby="members" className="min-w-0">
          <h3 id="members" className="text-xl font-semibold">
            Who is in it
          </h3>
          <Announcer>
            <MemberTable group={group} canManage={viewer.canManageMembers} />
          </Announcer>
        </section>

        <section aria-labelledby="sector-mix" className="max-w-xl">
          <h3 id="sector-mix" className="text-xl font-semibold">
            Sector mix
          </h3>
          <p className="mt-1 text-slate-700">Members by the sector of their organisation.</p>
          <SectorMix counts={group.sectorMix} caption={`Members of ${group.name} by sector`} />
        </section>
      </div>

      {viewer.canSeeSharedFiles ? (
        <div id="shared-files" className="mt-10 max-w-3xl">
          <FileAttachments
            owner={{ ownerKind: "SUB_GROUP", ownerId: group.id }}
            maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
            title="Shared files"
            uploadLabel="Add files to the shared folder"
            headingId="shared-files-heading"
            level={3}
            lead="The sub-group's own folder: minutes, drafts and anything its members work on together. Its members, and the partnership's officers and chairs, see it."
          />
        </div>
      ) : null}

      {viewer.canEdit || viewer.canArchive ? (
        <section aria-labelledby="manage" className="mt-10">
          <h3 id="manage" className="text-xl font-semibold">
            Manage this sub-group
          </h3>
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
