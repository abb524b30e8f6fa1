import { Table, type Column } from "@/components/ui/table";
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
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: "sector", header: "Sector", rowHeader: true, nowrap: true, className: "font-normal!", cell: (row) => row.label },
    { key: "members", header: "Members", numeric: true, nowrap: true, className: "font-semibold", cell: (row) => row.count },
    {
      key: "share",
      header: <span className="sr-only">Share</span>,
      // No minimum width: the bars shrink, so the table fits a 320 px screen without scrolling.
      nowrap: true,
      className: "w-full",
      cell: (row) => (
        <div className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
          <div className={`h-4 rounded-sm ${BAR_CLASS[row.key]}`} style={{ width: `${(row.count / max) * 100}%` }} />
        </div>
      ),
    },
  ];
  return <Table className="mt-3 min-w-0" caption={caption} captionHidden columns={columns} rows={rows} rowKey={(row) => row.key} />;
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
