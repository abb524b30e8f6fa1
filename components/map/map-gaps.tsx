import { Link } from "@/components/ui/link";
import type { MapGap } from "@/server/domain/directory/partnership-map";

/** The gaps, most important first, each with links to where someone can act on it. */
export function MapGaps({ gaps, totalGaps }: { gaps: MapGap[]; totalGaps: number }) {
  if (totalGaps === 0) {
    return (
      <p className="mt-2">
        No gaps found: every priority area and sub-group has voluntary and public-sector members, and every
        locality with organisations in the partnership is represented.
      </p>
    );
  }
  return (
    <>
      <p className="mt-2 text-slate-700">
        {totalGaps === 1 ? "1 gap found." : `${totalGaps} gaps found.`}
        {totalGaps > gaps.length ? ` The ${gaps.length} most important are listed.` : " Most important first."}
      </p>
      <ol className="mt-4 space-y-3">
        {gaps.map((gap) => (
          <li
            key={`${gap.rule}-${gap.priorityAreaId}-${gap.subGroupId}-${gap.localityId}-${gap.sector}`}
            className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3"
          >
            <p className="font-semibold">{gap.statement}</p>
            <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
              {gap.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
