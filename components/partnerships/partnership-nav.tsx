"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { CompactMenu } from "@/components/layout/compact-menu";
import { paths } from "@/lib/paths";

type SectionKey = "overview" | "administration" | "funding" | "dashboard" | "other";

const SECTIONS: readonly { key: SectionKey; path: (slug: string) => string; label: string }[] = [
  { key: "overview", path: paths.partnership, label: "Overview" },
  { key: "other", path: paths.priorities, label: "Priorities and sub-groups" },
  { key: "other", path: paths.myWork, label: "My work" },
  { key: "other", path: paths.events, label: "Events" },
  { key: "other", path: paths.stories, label: "Stories" },
  { key: "other", path: (slug) => paths.library(slug), label: "Library" },
  { key: "other", path: paths.reflections, label: "Reflections" },
  { key: "other", path: (slug) => paths.directory(slug), label: "Directory" },
  { key: "other", path: paths.map, label: "Partnership map" },
  { key: "other", path: paths.fundedProjects, label: "Funded projects" },
  { key: "dashboard", path: paths.dashboard, label: "Dashboard" },
  { key: "funding", path: paths.funding, label: "Funding" },
  { key: "administration", path: paths.admin, label: "Administration" },
];

/** The partnership's sections; the current one is marked for assistive technology. */
export function PartnershipNav({
  slug,
  showAdministration,
  showFunding,
  showDashboard,
}: {
  slug: string;
  showAdministration: boolean;
  showFunding: boolean;
  showDashboard: boolean;
}) {
  const pathname = usePathname();
  const shown: Record<SectionKey, boolean> = {
    overview: true,
    other: true,
    administration: showAdministration,
    funding: showFunding,
    dashboard: showDashboard,
  };
  const sections = SECTIONS.filter((section) => shown[section.key]).map(({ key, path, label }) => {
    const href = path(slug);
    const current = key === "overview" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
    return { label, href, current };
  });
  const here = sections.find((section) => section.current);
  return (
    <nav aria-label="Partnership sections" className="-mt-4 mb-6 border-b border-slate-300 pb-2 md:mb-8 md:pb-0">
      <CompactMenu id="partnership-sections" label={here ? `Sections: ${here.label}` : "Sections"}>
      <ul className="mt-2 flex flex-col md:mt-0 md:flex-row md:flex-wrap md:gap-x-1">
        {sections.map(({ href, label, current }) => {
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block px-3 py-2 no-underline ${current ? "border-l-4 border-brand-800 font-semibold text-slate-900! md:border-b-4 md:border-l-0" : "text-brand-800 hover:underline"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
      </CompactMenu>
    </nav>
  );
}
