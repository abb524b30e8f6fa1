import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { SubGroupName } from "@/components/sub-groups/sub-group-name";
import { SubGroupTabs } from "@/components/sub-groups/sub-group-tabs";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";
import { loadSubGroup } from "@/server/pages/sub-groups";

/**
 * Every page of a sub-group: which priority area it serves, its name and purpose, and its
 * sections. On the members and join-requests tabs the name is the page's h1 and the tab is
 * the subheading.
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
  const home = paths.subGroup(slug, group.id);
  return (
    <>
      <div className="mb-6">
        <p className="text-slate-700">
          Sub-group of <Link href={paths.priorityArea(slug, group.priorityArea.id)}>{group.priorityArea.title}</Link>
        </p>
        <SubGroupName name={group.name} headedPaths={[home, paths.subGroupRequests(slug, group.id)]} />
        <p className="mt-3 max-w-prose whitespace-pre-line text-lg text-slate-700">{group.purpose}</p>
        {group.archived ? null : (
          <p className="mt-3">
            {/* The membership and its actions come before the long member list: reach them in one Tab. */}
            <a href={`${home}#sub-group-actions`} data-testid="sub-group-actions-link">
              Your membership and actions
            </a>
          </p>
        )}
        {group.archived ? (
          <p className="mt-4 max-w-prose rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
            <span className="font-semibold">Archived</span>
            {group.archivedAt ? ` on ${formatInstantDay(group.archivedAt)}` : ""}. Its members and conversations are
            kept as history; nobody can join or change it.
          </p>
        ) : null}
      </div>
      <SubGroupTabs
        slug={slug}
        groupId={group.id}
        showDiscussions={group.viewer.canSeeDiscussions}
        pendingRequestCount={group.viewer.canSeeRequests ? group.viewer.pendingRequestCount : null}
      />
      {children}
    </>
  );
}
