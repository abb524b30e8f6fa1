import { Link } from "@/components/ui/link";
import { directoryHref, type DirectorySearch } from "@/lib/schemas/directory";

/** Switches between people and organisations, keeping the filters both understand. */
export function DirectoryTabs({ slug, search }: { slug: string; search: DirectorySearch }) {
  const shared = {
    q: search.q,
    sector: search.sector === "INDIVIDUAL" ? undefined : search.sector,
    organisationType: search.organisationType,
    localityId: search.localityId,
    priorityAreaId: search.priorityAreaId,
  };
  const tabs = [
    { view: "people" as const, label: "People", href: directoryHref(slug, { ...shared, sector: search.sector, interest: search.interest }) },
    { view: "organisations" as const, label: "Organisations", href: directoryHref(slug, { ...shared, view: "organisations" }) },
  ];
  return (
    <nav aria-label="Directory views" className="mb-6 border-b border-slate-300">
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const current = tab.view === search.view;
          return (
            <li key={tab.view}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block min-h-11 px-4 py-2 text-lg no-underline ${current ? "border-b-4 border-brand-800 font-semibold text-slate-900" : "text-brand-800 hover:underline"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
