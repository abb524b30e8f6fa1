"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CompactMenu } from "@/components/layout/compact-menu";
import { paths } from "@/lib/paths";

const SECTIONS = [
  { href: "", label: "Overview" },
  { href: "/priorities", label: "Priorities and sub-groups" },
  { href: "/my-work", label: "My work" },
  { href: "/events", label: "Events" },
  { href: "/stories", label: "Stories" },
  { href: "/reflections", label: "Reflections" },
  { href: "/directory", label: "Directory" },
  { href: "/map", label: "Partnership map" },
  { href: "/funded-projects", label: "Funded projects" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/funding", label: "Funding" },
  { href: "/admin", label: "Administration" },
] as const;

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
  const base = paths.partnership(slug);
  const sections = SECTIONS.filter(
    (section) =>
      (showAdministration || section.href !== "/admin") &&
      (showFunding || section.href !== "/funding") &&
      (showDashboard || section.href !== "/dashboard"),
  ).map((section) => {
    const href = `${base}${section.href}`;
    const current = section.href === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
    return { ...section, href, current };
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
