import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatMean, SCALE_WORDS } from "./labels";

/**
 * A 1 to 5 question's answers as a table: how many chose each score, with a bar drawn for
 * sighted readers (the numbers carry the meaning; the bars are decoration).
 */
export function ScaleTable({ caption, mean, distribution }: { caption: string; mean: number | null; distribution: number[] }) {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  return (
    <div className="mt-3 space-y-2">
      <p>
        <span className="font-semibold">Average: {formatMean(mean)}</span>
        {mean !== null ? " out of 5" : ""}, from {total} {total === 1 ? "answer" : "answers"}.
      </p>
      <ScrollRegion label={`Scores for: ${caption}`}>
        <table className="w-full max-w-xl border-collapse text-left">
          <caption className="sr-only">How many people chose each score for: {caption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-2 pr-3">Score</th>
              <th scope="col" className="py-2 pr-3 text-right">Answers</th>
              <th scope="col" className="w-1/2 py-2">
                <span className="sr-only">Share of answers</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((count, index) => {
              const share = total === 0 ? 0 : Math.round((count / total) * 100);
              return (
                <tr key={index} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">{SCALE_WORDS[index]}</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{count}</td>
                  <td className="py-2">
                    <div className="flex items-center gap-2">
                      <div aria-hidden="true" className="h-4 flex-1 rounded-sm bg-slate-100">
                        <div className="h-4 rounded-sm bg-brand-800" style={{ width: `${share}%` }} />
                      </div>
                      <span className="w-12 text-right text-sm tabular-nums text-slate-700">{share}%</span>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
