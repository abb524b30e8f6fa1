import { areaMoneyColumns, moneyColumn } from "@/components/projects/money-columns";
import { Day, formatFigure, InstantDay } from "@/components/projects/project-labels";
import { StatusTag, type Tone } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import type { RagStatus } from "@/server/db/generated/enums";
import { RAG_MEANINGS, RAG_PLAIN_WORDS } from "@/lib/projects/rag";
import {
  OUTCOME_LABELS,
  PUBLIC_STATUS_LABELS,
  type PublicPortfolio,
  type PublicProject,
} from "@/server/domain/transparency/portfolio";
import { Tiles } from "./tiles";

/** The public portfolio's parts: plain words only, organisations never people. */

const RAG_TONES: Readonly<Record<RagStatus, Tone>> = { GREEN: "success", AMBER: "warning", RED: "danger" };
const RAG_ORDER: readonly RagStatus[] = ["GREEN", "AMBER", "RED"];

/** "40% of walkers", "120 visits a month", or "None yet" when there is nothing yet. */
function measureValue(value: number | null, unit: string): string {
  if (value === null) return "None yet";
  const number = formatFigure(value);
  if (!unit) return number;
  return unit.startsWith("%") ? `${number}${unit}` : `${number} ${unit}`;
}

/** How a project is doing, in the words the project's team picks from when it reports. */
export function PublicProgress({ rag }: { rag: RagStatus }) {
  return <StatusTag tone={RAG_TONES[rag]}>{RAG_PLAIN_WORDS[rag]}</StatusTag>;
}

export function MoneyTotals({ totals, projectCount }: { totals: PublicPortfolio["totals"]; projectCount: number }) {
  return (
    <>
      <Tiles
        items={[
          { label: "Committed to projects", value: formatPence(totals.committedPence) },
          { label: "Paid so far", value: formatPence(totals.paidPence) },
          { label: "Funded projects", value: projectCount.toLocaleString("en-GB") },
        ]}
      />
      {totals.byPriorityArea.length > 0 ? (
        <Table
          caption="Money committed and paid by priority area"
          captionHidden
          className="mt-4"
          rows={totals.byPriorityArea}
          rowKey={(area) => area.title ?? "none"}
          columns={areaMoneyColumns<PublicPortfolio["totals"]["byPriorityArea"][number]>({ withRemaining: false })}
        />
      ) : null}
    </>
  );
}

export function PriorityAreas({ areas }: { areas: PublicPortfolio["priorityAreas"] }) {
  if (areas.length === 0) return <p className="mt-2">No priority areas published yet.</p>;
  return (
    <ul className="mt-3 space-y-4">
      {areas.map((area) => (
        <li key={area.title} className="rounded-md border border-slate-300 p-4">
          <h3 className="text-lg font-semibold break-words">{area.title}</h3>
          <p className="mt-1 max-w-prose whitespace-pre-line break-words">{area.description}</p>
          <p className="mt-2 max-w-prose whitespace-pre-line break-words">
            <span className="font-semibold">Outcomes sought: </span>
            {area.outcomesSought}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** What each progress word means, as the project teams are asked it when they report. */
export function ProgressKey() {
  return (
    <div className="mt-2 max-w-prose text-slate-700">
      <p>Progress is how the project&rsquo;s latest checked report rated it:</p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {RAG_ORDER.map((rag) => (
          <li key={rag}>
            <span className="font-semibold">{RAG_PLAIN_WORDS[rag]}</span>: {RAG_MEANINGS[rag]}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Row = PublicProject & { index: number };

export function PublicProjects({ projects }: { projects: PublicProject[] }) {
  if (projects.length === 0) return <p className="mt-2">No funded projects published yet.</p>;
  return (
    <Table<Row>
      caption="Funded projects: money, progress and decisions"
      captionHidden
      className="mt-3"
      rows={projects.map((project, index) => ({ ...project, index }))}
      rowKey={(project) => String(project.index)}
      columns={[
        {
          key: "project",
          header: "Project",
          rowHeader: true,
          cell: (project) => (
            <>
              {project.name}
              <span className="block text-sm font-normal text-slate-700">
                {[project.organisationName, project.priorityAreaTitle].filter(Boolean).join(" · ")}
              </span>
            </>
          ),
        },
        moneyColumn<Row>("awarded", "Awarded", (project) => project.awardedPence),
        moneyColumn<Row>("paid", "Paid", (project) => project.paidPence),
        { key: "status", header: "Status", cell: (project) => PUBLIC_STATUS_LABELS[project.status] },
        {
          key: "progress",
          header: "Progress",
          cell: (project) => (
            <>
              {project.latestRag ? <PublicProgress rag={project.latestRag} /> : "No report yet"}
              {project.percentComplete !== null ? (
                <span className="block text-sm text-slate-700">{project.percentComplete}% complete</span>
              ) : null}
            </>
          ),
        },
        {
          key: "dates",
          header: "Dates",
          className: "text-sm",
          cell: (project) =>
            project.startsOn && project.endsOn ? (
              <>
                <Day day={project.startsOn} /> to <Day day={project.endsOn} />
              </>
            ) : (
              "To be set"
            ),
        },
        {
          key: "decision",
          header: "Decision",
          cell: (project) =>
            project.decision ? (
              <>
                {OUTCOME_LABELS[project.decision.outcome]}
                <span className="block text-sm text-slate-700">
                  <InstantDay at={project.decision.decidedAt} />
                </span>
              </>
            ) : (
              "Not decided yet"
            ),
        },
      ]}
    />
  );
}

export function PublicOutcomes({ projects }: { projects: PublicProject[] }) {
  return (
    <div className="mt-3 space-y-6">
      {projects.map((project, index) => (
        <div key={index}>
          <h3 className="text-lg font-semibold break-words">{project.name}</h3>
          <Table
            caption={`Outcomes of ${project.name}`}
            captionHidden
            className="mt-2"
            rows={project.outcomes.map((measure, position) => ({ ...measure, position }))}
            rowKey={(measure) => String(measure.position)}
            columns={[
              { key: "measure", header: "Measure", rowHeader: true, cell: (measure) => measure.name },
              { key: "latest", header: "Latest", numeric: true, cell: (measure) => measureValue(measure.latest, measure.unit) },
              {
                key: "target",
                header: "Target",
                numeric: true,
                cell: (measure) => (measure.target === null ? "Not set" : measureValue(measure.target, measure.unit)),
              },
            ]}
          />
        </div>
      ))}
    </div>
  );
}
