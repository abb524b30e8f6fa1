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
    return (
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Budget lines</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="py-2 pr-3">Item</th>
            <th scope="col" className="py-2 pr-3">Spent by</th>
            <th scope="col" className="py-2 text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {budget.lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-200">
              <td className="py-2 pr-3 break-words">{line.item || "(no item)"}</td>
              <td className="py-2 pr-3 break-words">{line.organisationId ? organisationName(line.organisationId) : "Not said"}</td>
              <td className="py-2 text-right tabular-nums">{formatPence(line.amountPence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="py-2 pr-3 text-left">
              Total requested
            </th>
            <td className="py-2 text-right font-semibold tabular-nums">{formatPence(budgetTotalPence(budget))}</td>
          </tr>
        </tfoot>
      </table>
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
