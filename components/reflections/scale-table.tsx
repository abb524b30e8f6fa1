import { Table, type Column } from "@/components/ui/table";
import { formatMean, SCALE_WORDS } from "./labels";

type ScoreRow = { score: number; count: number; share: number };

/**
 * A 1 to 5 question's answers as a table: how many chose each score, with a bar drawn for
 * sighted readers (the numbers carry the meaning; the bars are decoration).
 */
export function ScaleTable({ caption, mean, distribution }: { caption: string; mean: number | null; distribution: number[] }) {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  const rows: ScoreRow[] = distribution.map((count, score) => ({
    score,
    count,
    share: total === 0 ? 0 : Math.round((count / total) * 100),
  }));
  const columns: Column<ScoreRow>[] = [
    { key: "score", header: "Score", rowHeader: true, nowrap: true, cell: (row) => SCALE_WORDS[row.score] },
    { key: "answers", header: "Answers", numeric: true, nowrap: true, cell: (row) => row.count },
    {
      key: "share",
      header: "Share",
      numeric: true,
      nowrap: true,
      // On the narrowest phones the bar gives way, so the percentage is never scrolled out of sight.
      cell: (row) => (
        <div className="flex items-center justify-end gap-2">
          <div aria-hidden="true" className="hidden h-4 w-16 rounded-sm bg-slate-100 min-[360px]:block sm:w-48">
            <div className="h-4 rounded-sm bg-brand-800" style={{ width: `${row.share}%` }} />
          </div>
          <span className="w-11 text-sm text-slate-700">{row.share}%</span>
        </div>
      ),
    },
  ];
  return (
    <div className="mt-3 max-w-xl space-y-2">
      <p>
        <span className="font-semibold">Average: {formatMean(mean)}</span>
        {mean !== null ? " out of 5" : ""}, from {total} {total === 1 ? "answer" : "answers"}.
      </p>
      <Table caption={`Scores for: ${caption}`} captionHidden columns={columns} rows={rows} rowKey={(row) => String(row.score)} />
    </div>
  );
}
