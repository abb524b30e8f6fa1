import { Link } from "@/components/ui/link";
import { areaMoneyColumns, MoneyTotalRow } from "@/components/projects/money-columns";
import { Day, PROJECT_STATUS_LABELS } from "@/components/projects/project-labels";
import { Section } from "@/components/ui/section";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import type { RagStatus } from "@/server/db/generated/enums";
import type { PortfolioSummary } from "@/server/domain/portfolio/summary";
import { OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { RAG_PLAIN_WORDS } from "@/lib/projects/rag";
import { BarChart, SOLID, STRIPED } from "./bar-chart";

export { Tiles } from "./tiles";

/**
 * The parts of a portfolio dashboard, shared by the partnership's dashboard and a
 * sub-group's projects page. Each chart has its figures in a table right beside it.
 */

const plural = (value: number, one: string, many: string) => `${value.toLocaleString("en-GB")} ${value === 1 ? one : many}`;

/** How a project's latest update rated it, in the plain words its team chose from. */
export const progressWords = (rag: RagStatus | null) => (rag ? RAG_PLAIN_WORDS[rag] : "No update yet");

const count = (value: number) => value.toLocaleString("en-GB");

/** Where each page of a dashboard's list is (the page's own address, with that list's page). */
export type ListPageHref = (page: number) => string;

/**
 * Which rows of how many a list's page shows, the links to its other pages, and a way back
 * from a page past the last.
 */
function ListPages({
  list,
  shown,
  total,
  page,
  pageSize,
  pageHref,
  label,
}: {
  list: string;
  shown: number;
  total: number;
  page: number;
  pageSize: number;
  pageHref: ListPageHref;
  label: string;
}) {
  if (total <= shown && page === 1) return null;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (shown === 0) {
    return (
      <p className="mt-2">
        There is no page {count(page)}: the list has {plural(pageCount, "page", "pages")}. <Link href={pageHref(1)}>Go to the first page</Link>
      </p>
    );
  }
  const first = (page - 1) * pageSize + 1;
  return (
    <>
      <p className="mt-2 text-slate-700">
        Showing {count(first)} to {count(first + shown - 1)} of {count(total)} {list}.
      </p>
      <Pagination page={page} pageCount={pageCount} hrefFor={pageHref} label={label} className="mt-2" />
    </>
  );
}

const RAG_BARS: Record<RagStatus | "NONE", string> = {
  RED: "bg-red-800",
  AMBER: "bg-amber-900",
  GREEN: "bg-green-800",
  NONE: "bg-slate-400",
};

export function MoneyByArea({ money }: { money: PortfolioSummary["money"] }) {
  return (
    <Section
      id="money-heading"
      title="Money by priority area"
      lead="Committed is what has been awarded; paid is what has reached the projects; remaining is committed and not yet paid."
    >
      {money.byArea.length === 0 ? (
        <p>No money has been awarded yet.</p>
      ) : (
        <>
          <BarChart
            series={[
              { key: "paid", label: "Paid", className: SOLID },
              { key: "remaining", label: "Remaining", className: STRIPED },
            ]}
            rows={money.byArea.map((area) => ({
              label: area.title,
              values: [area.paidPence, area.remainingPence],
              display: `${formatPence(area.committedPence)} committed`,
            }))}
          />
          <Table
            caption="Money committed, paid and remaining by priority area"
            captionHidden
            className="mt-4"
            rows={money.byArea}
            rowKey={(area) => area.priorityAreaId ?? "none"}
            columns={areaMoneyColumns<PortfolioSummary["money"]["byArea"][number]>({ withRemaining: true })}
            footer={<MoneyTotalRow amounts={[money.committedPence, money.paidPence, money.remainingPence]} />}
          />
        </>
      )}
    </Section>
  );
}

type CountRow = { key: string; label: string; count: number };

/** A count of projects (or decisions) by one property, as a table beside its chart. */
function CountTable({ caption, heading, counted = "Projects", rows }: { caption: string; heading: string; counted?: string; rows: CountRow[] }) {
  return (
    <Table
      caption={caption}
      captionHidden
      className="mt-4 max-w-3xl"
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: "label", header: heading, rowHeader: true, cell: (row) => <span className="font-normal">{row.label}</span> },
        { key: "count", header: counted, numeric: true, cell: (row) => count(row.count) },
      ]}
    />
  );
}

/** A chart of counts, one solid bar a row, with the same figures in a table beneath. */
function CountChart({ rows, caption, heading, counted, barClass }: { rows: CountRow[]; caption: string; heading: string; counted?: string; barClass?: (row: CountRow) => string }) {
  return (
    <>
      <BarChart
        className="mt-3"
        series={[{ key: "count", label: counted ?? "Projects", className: SOLID }]}
        rows={rows.map((row) => ({ label: row.label, values: [row.count], display: count(row.count), className: barClass?.(row) }))}
      />
      <CountTable caption={caption} heading={heading} counted={counted} rows={rows} />
    </>
  );
}

export function ProjectsByStatusAndRag({ projects, title = "Projects" }: { projects: PortfolioSummary["projects"]; title?: string }) {
  const statusRows = projects.byStatus.map((group) => ({ key: group.status, label: PROJECT_STATUS_LABELS[group.status], count: group.count }));
  const progressRows = projects.byRag.map((group) => ({ key: group.rag ?? "NONE", label: progressWords(group.rag), count: group.count }));
  return (
    <Section id="projects-heading" title={title} lead={`${plural(projects.total, "funded project", "funded projects")} in all.`}>
      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          <h3 className="text-xl font-semibold">By status</h3>
          <CountChart rows={statusRows} caption="Projects by status" heading="Status" />
        </div>
        <div>
          <h3 className="text-xl font-semibold">By how they are doing</h3>
          <p className="mt-1 text-slate-700">As each project&apos;s latest submitted progress update rated it.</p>
          <CountChart
            rows={progressRows}
            caption="Projects by how their latest update says they are doing"
            heading="Latest update says"
            barClass={(row) => RAG_BARS[row.key as RagStatus | "NONE"]}
          />
        </div>
      </div>
    </Section>
  );
}

type OverdueProject = PortfolioSummary["overdue"]["projects"][number];

export function OverdueUpdates({ slug, overdue, pageHref }: { slug: string; overdue: PortfolioSummary["overdue"]; pageHref: ListPageHref }) {
  return (
    <Section
      id="overdue-heading"
      title="Overdue updates"
      lead={
        overdue.projectCount === 0
          ? undefined
          : `${plural(overdue.periodCount, "progress update is", "progress updates are")} overdue across ${plural(overdue.projectCount, "project", "projects")}.`
      }
    >
      <Table<OverdueProject>
        caption="Projects with overdue progress updates, longest overdue first"
        captionHidden
        rows={overdue.projects}
        rowKey={(project) => project.id}
        empty={overdue.projectCount === 0 ? <p>No progress updates are overdue.</p> : null}
        columns={[
          {
            key: "project",
            header: "Project",
            rowHeader: true,
            cell: (project) => (
              <>
                <Link href={paths.project(slug, project.id)} className="break-words">
                  {project.name}
                </Link>
                {project.subGroupName ? <span className="block text-sm font-normal text-slate-700">{project.subGroupName}</span> : null}
              </>
            ),
          },
          { key: "lead", header: "Lead", cell: (project) => project.leadName ?? "No lead" },
          {
            key: "overdue",
            header: "Updates overdue",
            numeric: true,
            cell: (project) => <span className="font-semibold text-red-800">{count(project.overdueCount)}</span>,
          },
          { key: "oldest", header: "Oldest was due", cell: (project) => <Day day={project.oldestDueOn} /> },
          { key: "late", header: "Days late", numeric: true, cell: (project) => count(project.daysLate) },
        ]}
      />
      <ListPages
        list="projects, longest overdue first"
        shown={overdue.projects.length}
        total={overdue.projectCount}
        page={overdue.page}
        pageSize={overdue.pageSize}
        pageHref={(page) => `${pageHref(page)}#overdue-heading`}
        label="Pages of projects with overdue updates"
      />
    </Section>
  );
}

export function DecisionsSoFar({ decisions }: { decisions: PortfolioSummary["decisions"] }) {
  const rows = decisions.byOutcome.map((group) => ({ key: group.outcome, label: OUTCOME_LABELS[group.outcome], count: group.count }));
  return (
    <Section
      id="decisions-heading"
      title="Decisions so far"
      lead={
        decisions.total === 0
          ? "No test has been decided yet: decisions come after each project's evaluation."
          : `The partnership has decided the future of ${plural(decisions.total, "test", "tests")}.`
      }
    >
      <CountChart rows={rows} caption="Decisions by outcome" heading="Outcome" counted="Decisions" />
    </Section>
  );
}

type OutcomeProject = PortfolioSummary["outcomes"]["projects"][number];

export function OutcomesAchieved({ slug, outcomes, pageHref }: { slug: string; outcomes: PortfolioSummary["outcomes"]; pageHref: ListPageHref }) {
  return (
    <Section
      id="outcomes-heading"
      title="Outcomes achieved"
      lead="Each project's success measures against their targets, using the final value in the lead's evaluation or else the latest submitted update."
    >
      {outcomes.projectCount === 0 ? (
        <p>No project has success measures yet.</p>
      ) : (
        <>
          <p className="text-lg">
            <strong className="tabular-nums">{count(outcomes.onTrackCount)}</strong> of{" "}
            {plural(outcomes.targetCount, "measure with a target has", "measures with a target have")} reached it so far.
          </p>
          <Table<OutcomeProject>
            caption="Success measures by project: how many have reached their target"
            captionHidden
            className="mt-4"
            rows={outcomes.projects}
            rowKey={(project) => project.id}
            empty={null}
            columns={[
              {
                key: "project",
                header: "Project",
                rowHeader: true,
                cell: (project) => (
                  <Link href={paths.project(slug, project.id)} className="break-words">
                    {project.name}
                  </Link>
                ),
              },
              { key: "status", header: "Status", cell: (project) => PROJECT_STATUS_LABELS[project.status] },
              { key: "measures", header: "Measures", numeric: true, cell: (project) => count(project.measureCount) },
              { key: "targets", header: "With a target", numeric: true, cell: (project) => count(project.targetCount) },
              { key: "reported", header: "Reported", numeric: true, cell: (project) => count(project.reportedCount) },
              { key: "reached", header: "Target reached", numeric: true, cell: (project) => count(project.onTrackCount) },
            ]}
          />
          <ListPages
            list="projects with success measures, by name"
            shown={outcomes.projects.length}
            total={outcomes.projectCount}
            page={outcomes.page}
            pageSize={outcomes.pageSize}
            pageHref={(page) => `${pageHref(page)}#outcomes-heading`}
            label="Pages of outcomes by project"
          />
        </>
      )}
    </Section>
  );
}
