import type { ReactNode } from "react";
import Link from "next/link";
import { loadSubGroup } from "@/server/pages/sub-groups";
import { SubGroupTabs } from "@/components/sub-groups/sub-group-tabs";
import { dateFormat } from "@/components/sub-groups/format";

/**
 * Every page of a sub-group: which priority area it serves, its name and purpose, and its
 * sections. The name is shown here but each page has its own h1 (one per page).
 */
export default async function SubGroupLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; groupId: string }>;
}) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const base = `/p/${slug}/groups/${group.id}`;
  return (
    <>
      <div className="mb-6">
        <p className="text-slate-700">
          Sub-group of <Link href={`/p/${slug}/priorities#area-${group.priorityArea.id}`}>{group.priorityArea.title}</Link>
        </p>
        <p className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{group.name}</p>
        <p className="mt-3 max-w-prose whitespace-pre-line text-lg text-slate-700">{group.purpose}</p>
        {group.archived ? null : (
          <p className="mt-3">
            {/* The membership and its actions come before the long member list: reach them in one Tab. */}
            <a href={`${base}#sub-group-actions`} data-testid="sub-group-actions-link">
              Your membership and actions
            </a>
          </p>
        )}
        {group.archived ? (
          <p className="mt-4 max-w-prose rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
            <span className="font-semibold">Archived</span>
            {group.archivedAt ? ` on ${dateFormat.format(group.archivedAt)}` : ""}. Its members and conversations are
            kept as history; nobody can join or change it.
          </p>
        ) : null}
      </div>
      <SubGroupTabs
        base={base}
        showDiscussions={group.viewer.canSeeDiscussions}
        pendingRequestCount={group.viewer.canSeeRequests ? group.viewer.pendingRequestCount : null}
      />
      {children}
    </>
  );
}
