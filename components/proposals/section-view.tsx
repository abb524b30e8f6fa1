import { Table, type Column } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { budgetTotalPence, sectionToText } from "@/lib/proposals/section-text";
import type { ProposalSectionKey, SectionContent } from "@/lib/schemas/proposals";

/** One section of a proposal as a reader sees it. */
export function SectionView<K extends ProposalSectionKey>({
  sectionKey,
  content,
  organisationName,
}: {
  sectionKey: K;
  content: SectionContent[K];
  organisationName: (id: string) => string;
}) {
  const empty = <p className="text-slate-700 italic">Not written yet.</p>;
  if (sectionKey === "budget") {
    const budget = content as SectionContent["budget"];
    if (budget.lines.length === 0) return empty;
    type Line = (typeof budget.lines)[number];
    // Who spends each line sits under it, so the amounts stay in view on a phone.
    const columns: Column<Line>[] = [
      {
        key: "item",
        header: "Item",
        cell: (line) => (
          <>
            <span className="block">{line.item || "(no item)"}</span>
            <span className="block text-sm text-slate-700">
              Spent by {line.organisationId ? organisationName(line.organisationId) : "a partner not yet chosen"}
            </span>
          </>
        ),
      },
      { key: "amount", header: "Amount", numeric: true, nowrap: true, cell: (line) => formatPence(line.amountPence) },
    ];
    return (
      <Table
        caption="Budget lines"
        captionHidden
        columns={columns}
        rows={budget.lines}
        rowKey={(line) => line.id}
        footer={
          <tr>
            <th scope="row" className="py-2 pr-2 text-left">
              Total requested
            </th>
            <td className="py-2 text-right font-semibold whitespace-nowrap tabular-nums">{formatPence(budgetTotalPence(budget))}</td>
          </tr>
        }
      />
    );
  }
  const text = sectionToText(sectionKey, content, organisationName);
  if (!text.trim()) return empty;
  if (sectionKey === "measures" || sectionKey === "activities" || sectionKey === "partners") {
    return (
      <ul className="list-disc space-y-1 pl-6">
        {text.split("\n").map((line, index) => (
          <li key={index} className="break-words">
            {line}
          </li>
        ))}
      </ul>
    );
  }
  return <p className="max-w-prose whitespace-pre-line break-words">{text}</p>;
}
