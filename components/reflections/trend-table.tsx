import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TrendSet } from "@/server/domain/reflections/results";
import { formatIsoDay, formatMean, formatRate } from "./labels";


/** Repeated runs of one question set, oldest first: responses, response rate and each scale's average. */
export function TrendTable({ slug, set, headingLevel = 3 }: { slug: string; set: TrendSet; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `trend-${set.questionSetId}`;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <Heading id={headingId} className="text-xl font-semibold break-words">
        {set.title}
      </Heading>
      <p className="mt-1 text-slate-700">
        Run {set.runs.length} {set.runs.length === 1 ? "time" : "times"}.
        {set.scaleQuestions.length > 0 ? " Averages are out of 5." : " These questions take written answers, so there are no averages."}
      </p>
      <ScrollRegion label={`Trend for ${set.title}`} className="mt-3">
        <table className="w-full min-w-[36rem] border-collapse text-left">
          <caption className="sr-only">Each run of {set.title}, oldest first</caption>
          <thead>
            <tr className="border-b-2 border-slate-700 align-bottom">
              <th scope="col" className="py-2 pr-3">Run</th>
              <th scope="col" className="py-2 pr-3 text-right">Answered</th>
              <th scope="col" className="py-2 pr-3 text-right">Response rate</th>
              {set.scaleQuestions.map((question) => (
                <th key={question.id} scope="col" className="max-w-[14rem] py-2 pr-3 text-right font-semibold">
                  <span className="sr-only">Average for </span>Q{question.position}. {question.prompt}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {set.runs.map((run) => (
              <tr key={run.surveyId} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/p/${slug}/reflections/${run.surveyId}/results`} className="font-semibold break-words">
                    {formatIsoDay(run.openedOn)}
                  </Link>
                  <span className="block text-sm text-slate-700">
                    {run.isOpen ? `Open until ${formatIsoDay(run.closedOn)}` : `Closed ${formatIsoDay(run.closedOn)}`}
                  </span>
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {run.responses} of {run.audienceSize}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatRate(run.responseRate)}</td>
                {run.means.map((mean) => (
                  <td key={mean.questionId} className="py-2 pr-3 text-right tabular-nums">
                    {formatMean(mean.mean)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
