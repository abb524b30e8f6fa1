import { Link } from "@/components/ui/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { StatusTag } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import type { LoadedProject } from "@/server/pages/projects";
import {
  Day,
  dueDistance,
  formatMeasure,
  measureColumns,
  measureProgress,
  PROJECT_STATUS_LABELS,
  RagTag,
  REPORTING_FREQUENCY_LABELS,
  ReportStateTag,
} from "./project-labels";

/** The project's name, how it is doing, overdue reports and the way to post an update. */
export function ProjectHeader({ slug, project }: { slug: string; project: LoadedProject }) {
  const { viewer } = project;
  return (
    <>
      <p className="mb-2">
        <Link href={paths.projects(slug)}>Back to projects</Link>
      </p>
      <PageHeader title={project.name}>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <StatusTag>{PROJECT_STATUS_LABELS[project.status]}</StatusTag>
          {project.latest ? (
            <span className="flex flex-wrap items-center gap-2">
              <RagTag rag={project.latest.rag} />
              <span>{project.latest.percentComplete}% complete</span>
            </span>
          ) : (
            <span>No progress update yet</span>
          )}
          <span>
            <Day day={project.startsOn} /> to <Day day={project.endsOn} />
          </span>
          <span>{REPORTING_FREQUENCY_LABELS[project.reportingFrequency]}</span>
        </p>
        {project.subGroup || project.proposalId ? (
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {project.subGroup ? <Link href={paths.subGroup(slug, project.subGroup.id)}>{project.subGroup.name}</Link> : null}
            {project.proposalId ? <Link href={paths.proposal(slug, project.proposalId)}>The proposal it grew from</Link> : null}
          </p>
        ) : null}
      </PageHeader>

      {project.overdueCount > 0 ? (
        <div className="mb-8 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-4 text-red-900">
          <p className="text-lg font-semibold">
            {project.overdueCount} {project.overdueCount === 1 ? "update" : "updates"} overdue
          </p>
          <p className="mt-1">
            {viewer.isTeam
              ? "Post an update for each overdue period. Payments tied to a period wait until its update is accepted."
              : "The team has not reported on every period that is past its due date."}
          </p>
        </div>
      ) : null}

      {viewer.canPostUpdate ? (
        <p className="mb-10">
          <ButtonLink href={paths.newProgressUpdate(slug, project.id)}>Post a progress update</ButtonLink>
        </p>
      ) : null}
    </>
  );
}

export function ReportingSection({ project }: { project: LoadedProject }) {
  return (
    <Section id="reporting-heading" title="Reporting" lead="Each update is due two weeks after the period it covers ends.">
      <Table
        caption="Reporting periods"
        captionHidden
        rows={project.periods}
        rowKey={(period) => period.id}
        columns={[
          { key: "period", header: "Period", rowHeader: true, nowrap: true, cell: (period) => `Period ${period.sequence}` },
          {
            key: "covers",
            header: "Covers",
            cell: (period) => (
              <>
                <Day day={period.startsOn} /> to <Day day={period.endsOn} />
              </>
            ),
          },
          { key: "due", header: "Due", cell: (period) => <Day day={period.dueOn} /> },
          {
            key: "state",
            header: "State",
            cell: (period) => (
              <>
                <ReportStateTag state={period.state} />
                {period.state === "NOT_DUE" || period.state === "DUE_SOON" || period.state === "OVERDUE" ? (
                  <span className="ml-2 whitespace-nowrap">{dueDistance(period.daysUntilDue)}</span>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

export function MeasuresSection({ project }: { project: LoadedProject }) {
  return (
    <Section
      id="measures-heading"
      title="Success measures"
      lead={project.measures.length > 0 ? "Latest values come from the most recent submitted update." : undefined}
    >
      <Table
        caption="Success measures"
        captionHidden
        rows={project.measures}
        rowKey={(measure) => measure.id}
        empty={<p>No success measures were set for this project.</p>}
        columns={[
          ...measureColumns<LoadedProject["measures"][number]>(),
          {
            key: "latest",
            header: "Latest",
            numeric: true,
            cell: (measure) => {
              const progress = measureProgress(measure);
              return (
                <>
                  {measure.latest === null ? "No value yet" : formatMeasure(measure.latest, measure)}
                  {progress !== null ? (
                    <div className="mt-1 ml-auto h-2 w-24 max-w-full overflow-hidden rounded-sm border border-slate-400 bg-white" aria-hidden="true">
                      <div className="h-full bg-brand-800" style={{ width: `${progress}%` }} />
                    </div>
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
    </Section>
  );
}

export function MilestonesSection({ project }: { project: LoadedProject }) {
  return (
    <Section id="milestones-heading" title="Milestones">
      {project.milestones.length === 0 ? (
        <p>No milestones were set for this project.</p>
      ) : (
        <ol className="max-w-prose space-y-3">
          {project.milestones.map((milestone) => (
            <li key={milestone.id} className="border-l-2 border-slate-300 pl-4">
              <p className="font-semibold break-words">{milestone.title}</p>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                <span>
                  Due <Day day={milestone.dueOn} />
                </span>
                <span>
                  {milestone.state === "DONE" && milestone.doneOn ? (
                    <>
                      Done on <Day day={milestone.doneOn} />
                    </>
                  ) : milestone.state === "SLIPPED" ? (
                    <>
                      Slipped to <Day day={milestone.dueOn} />
                    </>
                  ) : milestone.state === "DONE" ? (
                    "Done"
                  ) : (
                    "Planned"
                  )}
                </span>
                {milestone.overdue ? <StatusTag tone="danger">Overdue</StatusTag> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
