"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { paths } from "@/lib/paths";

/** The sub-group's sections; the current one is marked for assistive technology. */
export function SubGroupTabs({
  slug,
  groupId,
  showDiscussions,
  pendingRequestCount,
}: {
  slug: string;
  groupId: string;
  /** Discussions, proposals and projects share an audience: the sub-group's people, officers and chairs. */
  showDiscussions: boolean;
  /** Shown to leads and officers only (null hides the tab). */
  pendingRequestCount: number | null;
}) {
  const pathname = usePathname();
  const under = (href: string) => ({ href, current: pathname === href || pathname.startsWith(`${href}/`) });
  const home = paths.subGroup(slug, groupId);
  const tabs = [
    { href: home, label: "Members", current: pathname === home },
    ...(showDiscussions
      ? [
          { ...under(paths.subGroupDiscussions(slug, groupId)), label: "Discussions" },
          { ...under(paths.subGroupProposals(slug, groupId)), label: "Proposals" },
          { ...under(paths.subGroupProjects(slug, groupId)), label: "Projects" },
          { ...under(paths.subGroupReflections(slug, groupId)), label: "Reflections" },
        ]
      : []),
    ...(pendingRequestCount !== null
      ? [{ ...under(paths.subGroupRequests(slug, groupId)), label: "Join requests", count: pendingRequestCount }]
      : []),
  ];
  return (
    <nav aria-label="Sub-group sections" className="mb-8 border-b border-slate-300">
      <ul className="flex flex-wrap gap-x-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-flex items-center gap-2 px-3 py-2 no-underline ${tab.current ? "border-b-4 border-brand-800 font-semibold text-slate-900" : "text-brand-800 hover:underline"}`}
            >
              {tab.label}
              {"count" in tab && tab.count !== undefined && tab.count > 0 ? (
                <span className="rounded-full bg-brand-800 px-2 text-sm font-semibold text-white">
                  {tab.count}
                  <span className="sr-only"> waiting</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
