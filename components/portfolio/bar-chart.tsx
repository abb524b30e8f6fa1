/**
 * Horizontal bars, stacked when there is more than one series, as plain CSS: they stretch
 * to the width of their container and wrap their labels on narrow screens. The chart is
 * decoration for sighted readers and hidden from assistive technology: the same figures
 * are always in a table beside it.
 */

export type BarSeries = {
  key: string;
  label: string;
  /** Background classes; a pattern as well as a colour where series sit side by side. */
  className: string;
};

export type BarRow = {
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
  /** The row's figures as text, shown at the end of its label. */
  display: string;
  /** Overrides the series' background, for one-series charts whose rows have their own colour. */
  className?: string;
};

export const SOLID = "bg-brand-800";
export const STRIPED =
  "bg-brand-100 [background-image:repeating-linear-gradient(45deg,transparent,transparent_4px,rgba(11,81,72,.45)_4px,rgba(11,81,72,.45)_6px)]";

export function BarChart({ series, rows, className = "" }: { series: readonly BarSeries[]; rows: readonly BarRow[]; className?: string }) {
  const largest = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + Math.max(value, 0), 0)));
  return (
    <div aria-hidden="true" className={`w-full max-w-3xl ${className}`}>
      {series.length > 1 ? (
        <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {series.map((entry) => (
            <li key={entry.key} className="flex items-center gap-2">
              <span className={`inline-block h-3 w-5 rounded-sm border border-slate-400 ${entry.className}`} />
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="space-y-3">
        {rows.map((row) => (
          <li key={row.label}>
            <div className="flex flex-wrap justify-between gap-x-3 text-sm">
              <span className="min-w-0 break-words">{row.label}</span>
              <span className="tabular-nums text-slate-700">{row.display}</span>
            </div>
            <div className="mt-1 flex h-4 w-full overflow-hidden rounded-sm border border-slate-400 bg-white">
              {row.values.map((value, index) =>
                value > 0 ? (
                  <div key={series[index]!.key} className={row.className ?? series[index]!.className} style={{ width: `${(value / largest) * 100}%` }} />
                ) : null,
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
