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
 * The few classes a column adds to the table's own cell styles (`.data-table` in
 * app/globals.css), as props: none at all when there are none, so a long table's page
 * payload does not carry an empty class for every cell.
 */
function columnClass<T>(column: Column<T>, own?: string): { className?: string } {
  const className = [column.numeric ? "num" : "", column.nowrap ? "nowrap" : "", own ?? ""].filter(Boolean).join(" ");
  return className ? { className } : {};
}
const headerClass = <T,>(column: Column<T>) => columnClass(column);
const cellClass = <T,>(column: Column<T>) => columnClass(column, column.className);

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
      <table className="data-table w-full border-collapse text-left">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-lg font-semibold"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" {...headerClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row)} {...(rowClassName?.(row, index) ? { className: rowClassName(row, index) } : {})}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" {...cellClass(column)}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.key} {...cellClass(column)}>
                    {column.cell(row, index)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </ScrollRegion>
  );
}
