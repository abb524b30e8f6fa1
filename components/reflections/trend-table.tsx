import { Link } from "@/components/ui/link";
import { Table, type Column } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import type { TrendSet } from "@/server/domain/reflections/results";
import { formatIsoDay, formatMean, formatRate } from "./labels";

type Run = TrendSet["runs"][number];

/** Repeated runs of one question set, oldest first: responses, response rate and each scale's average. */
export function TrendTable({ slug, set, headingLevel = 3 }: { slug: string; set: TrendSet; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `trend-${set.questionSetId}`;
  const columns: Column<Run>[] = [
    {
      key: "run",
      header: "Run",
      rowHeader: true,
      nowrap: true,
      cell: (run) => (
        <>
          <Link href={paths.reflectionResults(slug, run.surveyId)} className="whitespace-nowrap">
            {formatIsoDay(run.openedOn)}
          </Link>
          <span className="block text-sm font-normal text-slate-700">
            {run.isOpen ? `Open until ${formatIsoDay(run.closedOn)}` : `Closed ${formatIsoDay(run.closedOn)}`}
          </span>
        </>
      ),
    },
    { key: "answered", header: "Answered", numeric: true, nowrap: true, cell: (run) => `${run.responses} of ${run.audienceSize}` },
    { key: "rate", header: "Response rate", numeric: true, cell: (run) => formatRate(run.responseRate) },
    ...set.scaleQuestions.map(
      (question): Column<Run> => ({
        key: `mean-${question.id}`,
        header: (
          <>
            <span className="sr-only">Average for </span>Q{question.position}. {question.prompt}
          </>
        ),
        numeric: true,
        className: "min-w-[10rem]",
        cell: (run) => formatMean(run.means.find((mean) => mean.questionId === question.id)?.mean ?? null),
      }),
    ),
  ];
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <Heading id={headingId} className="text-xl font-semibold break-words">
        {set.title}
      </Heading>
      <p className="mt-1 text-slate-700">
        Run {set.runs.length} {set.runs.length === 1 ? "time" : "times"}.
        {set.scaleQuestions.length > 0 ? " Averages are out of 5." : " These questions take written answers, so there are no averages."}
      </p>
      <Table
        caption={`Each run of ${set.title}, oldest first`}
        captionHidden
        className={set.scaleQuestions.length > 0 ? "mt-3" : "mt-3 max-w-xl"}
        columns={columns}
        rows={set.runs}
        rowKey={(run) => run.surveyId}
      />
    </section>
  );
}
