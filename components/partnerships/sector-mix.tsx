import { SECTOR_SHORT_LABELS, SECTORS, type SectorCode } from "@/lib/sectors";

type SectorKey = SectorCode | "INDIVIDUAL";
type Counts = Record<SectorKey, number>;

const BAR_CLASS: Record<SectorKey, string> = {
  VOLUNTARY: "bg-sector-voluntary",
  PUBLIC: "bg-sector-public",
  PRIVATE: "bg-sector-private",
  COMMUNITY: "bg-sector-community",
  INDIVIDUAL: "bg-sector-individual",
};

function rowsOf(counts: Counts) {
  return [...SECTORS, "INDIVIDUAL" as const].map((key) => ({
    key,
    label: key === "INDIVIDUAL" ? "Individuals" : SECTOR_SHORT_LABELS[key],
    count: counts[key],
  }));
}

/**
 * The sector mix as a table (the accessible source of truth) with a bar beside each
 * count, so cross-sector balance is visible at a glance. The `compact` variant is one
 * stacked bar with the counts in words beneath, for lists of sub-groups.
 */
export function SectorMix({
  counts,
  caption,
  variant = "table",
}: {
  counts: Counts;
  caption: string;
  variant?: "table" | "compact";
}) {
  const rows = rowsOf(counts);
  if (variant === "compact") return <CompactSectorMix rows={rows} caption={caption} />;
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

function CompactSectorMix({ rows, caption }: { rows: ReturnType<typeof rowsOf>; caption: string }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const present = rows.filter((row) => row.count > 0);
  return (
    <div className="mt-2">
      {total > 0 ? (
        <div aria-hidden="true" className="flex h-3 w-full overflow-hidden rounded-sm bg-slate-100">
          {present.map((row) => (
            <div key={row.key} className={BAR_CLASS[row.key]} style={{ width: `${(row.count / total) * 100}%` }} />
          ))}
        </div>
      ) : null}
      <p className="mt-1 text-sm text-slate-700">
        <span className="sr-only">{caption}: </span>
        {total === 0 ? (
          "No members yet"
        ) : (
          <span className="flex flex-wrap gap-x-3">
            {present.map((row, index) => (
              <span key={row.key} className="inline-flex items-center gap-1 whitespace-nowrap">
                <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${BAR_CLASS[row.key]}`} />
                {row.label} {row.count}
                {index < present.length - 1 ? <span className="sr-only">,</span> : null}
              </span>
            ))}
          </span>
        )}
      </p>
    </div>
  );
}
