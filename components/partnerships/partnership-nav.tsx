"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

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
  const base = `/p/${slug}`;
  return (
    <nav aria-label="Partnership sections" className="-mt-4 mb-8 border-b border-slate-300">
      <ul className="flex flex-wrap gap-x-1">
        {SECTIONS.filter(
          (section) =>
            (showAdministration || section.href !== "/admin") &&
            (showFunding || section.href !== "/funding") &&
            (showDashboard || section.href !== "/dashboard"),
        ).map((section) => {
          const href = `${base}${section.href}`;
          const current = section.href === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section.href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block px-3 py-2 no-underline ${current ? "border-b-4 border-brand-800 font-semibold text-slate-900" : "text-brand-800 hover:underline"}`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
