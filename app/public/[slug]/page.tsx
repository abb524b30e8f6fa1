import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Day, InstantDay } from "@/components/projects/project-labels";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";
import {
  OUTCOME_LABELS,
  PUBLIC_STATUS_LABELS,
  RAG_WORDS,
  type PublicMeasure,
  type PublicPortfolio,
} from "@/server/domain/transparency/portfolio";

export const metadata: Metadata = { title: "Funded tests" };
export const dynamic = "force-dynamic";

/** Open to everyone, signed in or not: a partnership that does not publish looks like no partnership at all. */
async function loadPortfolio(slug: string): Promise<PublicPortfolio> {
  const api = await getApi();
  try {
    return await api.transparency.portfolio({ partnershipSlug: slug });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
}

/** "40% of walkers", "120 visits a month", or a dash when there is nothing yet. */
function measureValue(value: number | null, unit: string): string {
  if (value === null) return "None yet";
  const number = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (!unit) return number;
  return unit.startsWith("%") ? `${number}${unit}` : `${number} ${unit}`;
}

function MeasuresTable({ projectName, measures }: { projectName: string; measures: PublicMeasure[] }) {
  return (
    <ScrollRegion label={`Outcomes of ${projectName}`} className="mt-2">
      <table className="w-full min-w-[28rem] border-collapse text-left">
        <caption className="sr-only">Outcomes of {projectName}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="py-2 pr-3">Measure</th>
            <th scope="col" className="py-2 pr-3 text-right">Latest</th>
            <th scope="col" className="py-2 text-right">Target</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure, index) => (
            <tr key={index} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-3 font-normal">{measure.name}</th>
              <td className="py-2 pr-3 text-right tabular-nums">{measureValue(measure.latest, measure.unit)}</td>
              <td className="py-2 text-right tabular-nums">{measure.target === null ? "Not set" : measureValue(measure.target, measure.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default async function PublicPortfolioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { asOf, partnership, priorityAreas, projects, totals } = await loadPortfolio(slug);
  const withOutcomes = projects.filter((project) => project.outcomes.length > 0);

  return (
    <>
      <PageHeader
        title={`${partnership.name} — funded tests`}
        lead={partnership.description ?? `The tests of change ${partnership.name} funds, and how they are going.`}
      >
        <p className="mt-3 max-w-prose text-slate-700">
          {partnership.area ? `Area: ${partnership.area}. ` : ""}
          Figures as at <InstantDay at={asOf} />. Progress comes from reports the partnership has checked. This page
          names organisations, never people, and holds no personal information.
        </p>
        <p className="mt-3">
          <a href={`/public/${slug}/portfolio.csv`} download>
            Download the portfolio (CSV)
          </a>
        </p>
        <p className="mt-3">
          <Link href={`/public/${slug}/stories`}>Read the partnership&rsquo;s stories</Link>: what working together has
          made possible, told by the people who did it.
        </p>
      </PageHeader>

      <div className="space-y-12">
        <section aria-labelledby="totals">
          <h2 id="totals" className="text-2xl font-semibold">
            Money committed and paid
          </h2>
          <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
            {[
              ["Committed to projects", formatPence(totals.committedPence)],
              ["Paid so far", formatPence(totals.paidPence)],
              ["Funded projects", String(projects.length)],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-700">{label}</dt>
                <dd className="text-xl font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          {totals.byPriorityArea.length > 0 ? (
            <ScrollRegion label="Money by priority area" className="mt-4">
              <table className="w-full min-w-[28rem] border-collapse text-left">
                <caption className="sr-only">Money committed and paid by priority area</caption>
                <thead>
                  <tr className="border-b-2 border-slate-700">
                    <th scope="col" className="py-2 pr-3">Priority area</th>
                    <th scope="col" className="py-2 pr-3 text-right">Committed</th>
                    <th scope="col" className="py-2 text-right">Paid</th>
                  </tr>
                </thead>
                <tbody>
                  {totals.byPriorityArea.map((area) => (
                    <tr key={area.title ?? "none"} className="border-b border-slate-200">
                      <th scope="row" className="py-2 pr-3 font-normal">{area.title ?? "No priority area"}</th>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatPence(area.committedPence)}</td>
                      <td className="py-2 text-right tabular-nums">{formatPence(area.paidPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
        </section>

        <section aria-labelledby="priorities">
          <h2 id="priorities" className="text-2xl font-semibold">
            Priority areas
          </h2>
          {priorityAreas.length === 0 ? <p className="mt-2">No priority areas published yet.</p> : null}
          <ul className="mt-3 space-y-4">
            {priorityAreas.map((area) => (
              <li key={area.title} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-lg font-semibold">{area.title}</h3>
                <p className="mt-1 max-w-prose whitespace-pre-line">{area.description}</p>
                <p className="mt-2 max-w-prose whitespace-pre-line">
                  <span className="font-semibold">Outcomes sought: </span>
                  {area.outcomesSought}
                </p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="projects">
          <h2 id="projects" className="text-2xl font-semibold">
            Funded projects
          </h2>
          {projects.length === 0 ? (
            <p className="mt-2">No funded projects published yet.</p>
          ) : (
            <ScrollRegion label="Funded projects" className="mt-3">
              <table className="w-full min-w-[48rem] border-collapse text-left">
                <caption className="sr-only">Funded projects: money, progress and decisions</caption>
                <thead>
                  <tr className="border-b-2 border-slate-700">
                    <th scope="col" className="py-2 pr-3">Project</th>
                    <th scope="col" className="py-2 pr-3 text-right">Awarded</th>
                    <th scope="col" className="py-2 pr-3 text-right">Paid</th>
                    <th scope="col" className="py-2 pr-3">Status</th>
                    <th scope="col" className="py-2 pr-3">Progress</th>
                    <th scope="col" className="py-2 pr-3">Dates</th>
                    <th scope="col" className="py-2">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((project, index) => (
                    <tr key={index} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="font-semibold">{project.name}</span>
                        <span className="block text-sm text-slate-700">
                          {[project.organisationName, project.priorityAreaTitle].filter(Boolean).join(" · ")}
                        </span>
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatPence(project.awardedPence)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatPence(project.paidPence)}</td>
                      <td className="py-2 pr-3">{PUBLIC_STATUS_LABELS[project.status]}</td>
                      <td className="py-2 pr-3">
                        {project.latestRag ? `RAG: ${RAG_WORDS[project.latestRag]}` : "No report yet"}
                        {project.percentComplete !== null ? (
                          <span className="block text-sm text-slate-700">{project.percentComplete}% complete</span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 text-sm">
                        {project.startsOn && project.endsOn ? (
                          <>
                            <Day day={project.startsOn} /> to <Day day={project.endsOn} />
                          </>
                        ) : (
                          "To be set"
                        )}
                      </td>
                      <td className="py-2">
                        {project.decision ? (
                          <>
                            {OUTCOME_LABELS[project.decision.outcome]}
                            <span className="block text-sm text-slate-700">
                              <InstantDay at={project.decision.decidedAt} />
                            </span>
                          </>
                        ) : (
                          "Not decided yet"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>

        {withOutcomes.length > 0 ? (
          <section aria-labelledby="outcomes">
            <h2 id="outcomes" className="text-2xl font-semibold">
              Outcomes
            </h2>
            <p className="mt-1 max-w-prose text-slate-700">
              What each project set out to change, its target, and the latest figure it reported.
            </p>
            <div className="mt-3 space-y-6">
              {withOutcomes.map((project, index) => (
                <div key={index}>
                  <h3 className="text-lg font-semibold">{project.name}</h3>
                  <MeasuresTable projectName={project.name} measures={project.outcomes} />
                </div>
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
