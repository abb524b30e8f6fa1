import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type Column<T> = {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Numbers and money line up on the right. */
  numeric?: boolean;
  /** The cell that names the row (a <th scope="row">); usually the first column. */
  rowHeader?: boolean;
  /** Actions and short values stay on one line so the column is never squeezed away. */
  nowrap?: boolean;
  className?: string;
};

/**
 * A data table: always captioned, headers scoped, numbers aligned. It scrolls sideways inside a
 * named, focusable region rather than widening the page, so its last column is never clipped
 * and the page still reflows at 320 px (WCAG 1.4.10); long text wraps inside its cell.
 */
export function Table<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  className = "",
  rowClassName,
}: {
  /** Names the table and its scroll region; the region's name must be text. */
  caption: string;
  /** The caption is still read out, but not shown (when a heading just above says the same). */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** Marks some rows out (a group's heading row among its members' rows). */
  rowClassName?: (row: T, index: number) => string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ScrollRegion label={caption} className={className}>
      <table className="w-full border-collapse text-left">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-lg font-semibold"}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`px-2 py-2 align-bottom font-semibold first:pl-0 last:pr-0 ${column.numeric ? "text-right" : ""} ${column.nowrap ? "whitespace-nowrap" : ""}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row)} className={`border-b border-slate-300 align-top ${rowClassName?.(row, index) ?? ""}`}>
              {columns.map((column) => {
                const Cell = column.rowHeader ? "th" : "td";
                return (
                  <Cell
                    key={column.key}
                    scope={column.rowHeader ? "row" : undefined}
                    className={`px-2 py-2 first:pl-0 last:pr-0 ${column.rowHeader ? "font-semibold" : ""} ${column.numeric ? "text-right tabular-nums" : ""} ${column.nowrap ? "whitespace-nowrap" : "min-w-[8rem] break-words"} ${column.className ?? ""}`}
                  >
                    {column.cell(row, index)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </ScrollRegion>
  );
}
