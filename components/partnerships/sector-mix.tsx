import { SECTOR_SHORT_LABELS, SECTORS, type SectorCode } from "@/lib/sectors";

const BAR_CLASS: Record<SectorCode | "INDIVIDUAL", string> = {
  VOLUNTARY: "bg-sector-voluntary",
  PUBLIC: "bg-sector-public",
  PRIVATE: "bg-sector-private",
  COMMUNITY: "bg-sector-community",
  INDIVIDUAL: "bg-sector-individual",
};

/**
 * The sector mix as a table (the accessible source of truth) with a bar beside each
 * count, so cross-sector balance is visible at a glance.
 */
export function SectorMix({ counts, caption }: { counts: Record<SectorCode | "INDIVIDUAL", number>; caption: string }) {
  const rows = [...SECTORS, "INDIVIDUAL" as const].map((key) => ({
    key,
    label: key === "INDIVIDUAL" ? "Individuals" : SECTOR_SHORT_LABELS[key],
    count: counts[key],
  }));
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <table className="mt-3 w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-700">
          <th scope="col" className="w-32 py-2 pr-3">
            Sector
          </th>
          <th scope="col" className="w-16 py-2 pr-3 text-right">
            Members
          </th>
          <th scope="col" className="py-2">
            <span className="sr-only">Share</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-3 font-normal">
              {row.label}
            </th>
            <td className="py-2 pr-3 text-right font-semibold tabular-nums">{row.count}</td>
            <td className="py-2" aria-hidden="true">
              <div className="h-4 rounded-sm bg-slate-100">
                <div className={`h-4 rounded-sm ${BAR_CLASS[row.key]}`} style={{ width: `${(row.count / max) * 100}%` }} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
