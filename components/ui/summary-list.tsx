import type { ReactNode } from "react";

export type SummaryRow = { key: ReactNode; value: ReactNode; action?: ReactNode; id?: string };

/**
 * Facts as key and value pairs (GOV.UK summary list): stacked on a phone, two columns (and
 * an action column when any row has one) from 640 px. Rows with no value are left out.
 */
export function SummaryList({ rows, label, className = "" }: { rows: readonly (SummaryRow | null | false | undefined)[]; label?: string; className?: string }) {
  const shown = rows.filter((row): row is SummaryRow => Boolean(row) && (row as SummaryRow).value !== null && (row as SummaryRow).value !== undefined);
  const withActions = shown.some((row) => row.action);
  return (
    <dl aria-label={label} className={`divide-y divide-slate-300 border-y border-slate-300 ${className}`}>
      {shown.map((row, index) => (
        <div
          key={row.id ?? index}
          className={`grid gap-1 py-3 sm:gap-4 ${withActions ? "sm:grid-cols-[minmax(8rem,1fr)_2fr_auto]" : "sm:grid-cols-[minmax(8rem,1fr)_2fr]"}`}
        >
          <dt className="font-semibold">{row.key}</dt>
          <dd className="min-w-0 break-words">{row.value}</dd>
          {withActions ? <dd className="sm:text-right">{row.action ?? null}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
