import type { Column } from "@/components/ui/table";
import { formatPence } from "@/lib/money";

/**
 * The money columns every table of awards, budgets and priority areas uses: amounts in
 * pence, shown by the Money module, on the right and on one line; and the totals row under
 * them. One set, so the dashboard, the public page and a project's budget line up alike.
 */

/** An amount of money in a table column. */
export function moneyColumn<T>(key: string, header: string, amount: (row: T) => number): Column<T> {
  return { key, header, numeric: true, nowrap: true, cell: (row) => formatPence(amount(row)) };
}

type AreaMoney = { title: string | null; committedPence: number; paidPence: number; remainingPence?: number };

/** A priority area's money: committed, paid and (for members) what remains to pay. */
export function areaMoneyColumns<T extends AreaMoney>({ withRemaining }: { withRemaining: boolean }): Column<T>[] {
  return [
    { key: "area", header: "Priority area", rowHeader: true, cell: (area) => <span className="font-normal">{area.title ?? "No priority area"}</span> },
    moneyColumn<T>("committed", "Committed", (area) => area.committedPence),
    moneyColumn<T>("paid", "Paid", (area) => area.paidPence),
    ...(withRemaining ? [moneyColumn<T>("remaining", "Remaining", (area) => area.remainingPence ?? area.committedPence - area.paidPence)] : []),
  ];
}

/** The "Total" row under a table whose first column names the row and the rest are amounts. */
export function MoneyTotalRow({ amounts, label = "Total" }: { amounts: readonly number[]; label?: string }) {
  return (
    <tr className="border-t-2 border-slate-700 font-semibold">
      <th scope="row" className="py-2 pr-2 text-left">
        {label}
      </th>
      {amounts.map((amount, index) => (
        <td key={index} className="px-2 py-2 text-right whitespace-nowrap tabular-nums last:pr-0">
          {formatPence(amount)}
        </td>
      ))}
    </tr>
  );
}
