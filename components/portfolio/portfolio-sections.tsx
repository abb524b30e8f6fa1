import Link from "next/link";
import { paths } from "@/lib/paths";
import type { ReactNode } from "react";
import { Day, PROJECT_STATUS_LABELS, RAG_LABELS } from "@/components/projects/project-labels";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import type { RagStatus } from "@/server/db/generated/enums";
import type { PortfolioSummary } from "@/server/domain/portfolio/summary";
import { OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { BarChart, SOLID, STRIPED } from "./bar-chart";

/**
 * The parts of a portfolio dashboard, shared by the partnership's dashboard and a
 * sub-group's projects page. Each chart has its figures in a table right beside it.
 */

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

export const ragLabel = (rag: RagStatus | null) => (rag ? RAG_LABELS[rag] : "No update yet");

const RAG_BARS: Record<RagStatus | "NONE", string> = {
  RED: "bg-red-800",
  AMBER: "bg-amber-900",
  GREEN: "bg-green-800",
  NONE: "bg-slate-400",
};

const th = "py-2 pr-3";
const num = "py-2 pr-3 text-right tabular-nums";

export function Section({ id, title, children, intro }: { id: string; title: string; children: ReactNode; intro?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {intro ? <p className="mt-2 max-w-prose text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

/** Summary tiles: a term and its figure. */
export function Tiles({ items }: { items: { label: string; value: string; note?: string }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-3 min-[24rem]:grid-cols-2 md:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="rounded-md bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">{item.label}</dt>
          <dd className="text-xl font-semibold tabular-nums break-words">
            {item.value}
            {item.note ? <span className="block text-sm font-normal text-slate-700">{item.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function MoneyByArea({ money }: { money: PortfolioSummary["money"] }) {
  return (
    <Section
      id="money-heading"
      title="Money by priority area"
      intro="Committed is what has been awarded; paid is what has reached the projects; remaining is committed and not yet paid."
    >
      {money.byArea.length === 0 ? (
        <p className="mt-3">No money has been awarded yet.</p>
      ) : (
        <>
          <BarChart
            className="mt-4"
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
            columns={[
              { key: "area", header: "Priority area", rowHeader: true, cell: (area) => <span className="font-normal">{area.title}</span> },
              { key: "committed", header: "Committed", numeric: true, nowrap: true, cell: (area) => formatPence(area.committedPence) },
              { key: "paid", header: "Paid", numeric: true, nowrap: true, cell: (area) => formatPence(area.paidPence) },
              { key: "remaining", header: "Remaining", numeric: true, nowrap: true, cell: (area) => formatPence(area.remainingPence) },
            ]}
            footer={
              <tr className="border-t-2 border-slate-700 font-semibold">
                <th scope="row" className="py-2 pr-2">
                  Total
                </th>
                <td className="px-2 py-2 text-right tabular-nums">{formatPence(money.committedPence)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{formatPence(money.paidPence)}</td>
                <td className="py-2 pl-2 text-right tabular-nums">{formatPence(money.remainingPence)}</td>
              </tr>
            }
          />
        </>
      )}
    </Section>
  );
}

function CountTable({ caption, heading, rows }: { caption: string; label?: string; heading: string; rows: { key: string; label: string; count: number }[] }) {
  return (
    <Table
      caption={caption}
      captionHidden
      className="mt-4 max-w-xl"
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: "label", header: heading, rowHeader: true, cell: (row) => <span className="font-normal">{row.label}</span> },
        { key: "count", header: "Projects", numeric: true, cell: (row) => row.count.toLocaleString("en-GB") },
      ]}
    />
  );
}

export function ProjectsByStatusAndRag({ projects, title = "Projects" }: { projects: PortfolioSummary["projects"]; title?: string }) {
  const statusRows = projects.byStatus.map((group) => ({ key: group.status, label: PROJECT_STATUS_LABELS[group.status], count: group.count }));
  const ragRows = projects.byRag.map((group) => ({ key: group.rag ?? "NONE", label: ragLabel(group.rag), count: group.count }));
  return (
    <Section id="projects-heading" title={title} intro={`${plural(projects.total, "funded project", "funded projects")} in all.`}>
      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          <h3 className="mt-4 text-xl font-semibold">By status</h3>
          <BarChart
            className="mt-3"
            series={[{ key: "projects", label: "Projects", className: SOLID }]}
            rows={statusRows.map((row) => ({ label: row.label, values: [row.count], display: row.count.toLocaleString("en-GB") }))}
          />
          <CountTable caption="Projects by status" label="Projects by status" heading="Status" rows={statusRows} />
        </div>
        <div>
          <h3 className="mt-4 text-xl font-semibold">By latest RAG rating</h3>
          <p className="mt-1 text-slate-700">From each project&apos;s latest submitted progress update.</p>
          <BarChart
            className="mt-3"
            series={[{ key: "projects", label: "Projects", className: SOLID }]}
            rows={ragRows.map((row) => ({
              label: row.label,
              values: [row.count],
              display: row.count.toLocaleString("en-GB"),
              className: RAG_BARS[row.key as RagStatus | "NONE"],
            }))}
          />
          <CountTable caption="Projects by latest RAG rating" label="Projects by latest RAG rating" heading="Latest RAG rating" rows={ragRows} />
        </div>
      </div>
    </Section>
  );
}

export function OverdueUpdates({ slug, overdue }: { slug: string; overdue: PortfolioSummary["overdue"] }) {
  return (
    <Section
      id="overdue-heading"
      title="Overdue updates"
      intro={
        overdue.projectCount === 0
          ? undefined
          : `${plural(overdue.periodCount, "progress update is", "progress updates are")} overdue across ${plural(overdue.projectCount, "project", "projects")}.`
      }
    >
      {overdue.projectCount === 0 ? (
        <p className="mt-3">No progress updates are overdue.</p>
      ) : (
        <>
          <ScrollRegion label="Projects with overdue updates" className="mt-4">
            <table className="w-full min-w-[40rem] border-collapse text-left">
              <caption className="sr-only">Projects with overdue progress updates, longest overdue first</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className={th}>Project</th>
                  <th scope="col" className={th}>Lead</th>
                  <th scope="col" className={`${th} text-right`}>Updates overdue</th>
                  <th scope="col" className={th}>Oldest was due</th>
                  <th scope="col" className="py-2 text-right">Days late</th>
                </tr>
              </thead>
              <tbody>
                {overdue.projects.map((project) => (
                  <tr key={project.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className={`${th} font-normal`}>
                      <Link href={paths.project(slug, project.id)} className="font-semibold break-words">
                        {project.name}
                      </Link>
                      {project.subGroupName ? <span className="block text-sm text-slate-700">{project.subGroupName}</span> : null}
                    </th>
                    <td className={th}>{project.leadName ?? "No lead"}</td>
                    <td className={`${num} font-semibold text-red-800`}>{project.overdueCount}</td>
                    <td className={th}>
                      <Day day={project.oldestDueOn} />
                    </td>
                    <td className="py-2 text-right tabular-nums">{project.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {overdue.projectCount > overdue.projects.length ? (
            <p className="mt-2 text-slate-700">
              Showing the {overdue.projects.length} longest overdue of {overdue.projectCount.toLocaleString("en-GB")} projects.
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}

export function DecisionsSoFar({ decisions }: { decisions: PortfolioSummary["decisions"] }) {
  const rows = decisions.byOutcome.map((group) => ({ key: group.outcome, label: OUTCOME_LABELS[group.outcome], count: group.count }));
  return (
    <Section
      id="decisions-heading"
      title="Decisions so far"
      intro={
        decisions.total === 0
          ? "No test has been decided yet: decisions come after each project's evaluation."
          : `The partnership has decided the future of ${plural(decisions.total, "test", "tests")}.`
      }
    >
      <BarChart
        className="mt-4"
        series={[{ key: "decisions", label: "Decisions", className: SOLID }]}
        rows={rows.map((row) => ({ label: row.label, values: [row.count], display: row.count.toLocaleString("en-GB") }))}
      />
      <ScrollRegion label="Decisions by outcome" className="mt-4">
        <table className="w-full max-w-xl border-collapse text-left">
          <caption className="sr-only">Decisions by outcome</caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className={th}>Outcome</th>
              <th scope="col" className="py-2 text-right">Projects</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-200">
                <th scope="row" className={`${th} font-normal`}>{row.label}</th>
                <td className="py-2 text-right tabular-nums">{row.count.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}

export function OutcomesAchieved({ slug, outcomes }: { slug: string; outcomes: PortfolioSummary["outcomes"] }) {
  return (
    <Section
      id="outcomes-heading"
      title="Outcomes achieved"
      intro="Each project's success measures against their targets, using the final value in the lead's evaluation or else the latest submitted update."
    >
      {outcomes.projectCount === 0 ? (
        <p className="mt-3">No project has success measures yet.</p>
      ) : (
        <>
          <p className="mt-3 text-lg">
            <strong className="tabular-nums">{outcomes.onTrackCount.toLocaleString("en-GB")}</strong> of{" "}
            {plural(outcomes.targetCount, "measure with a target has", "measures with a target have")} reached it so far.
          </p>
          <ScrollRegion label="Outcomes by project" className="mt-4">
            <table className="w-full min-w-[40rem] border-collapse text-left">
              <caption className="sr-only">Success measures by project: how many have reached their target</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className={th}>Project</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={`${th} text-right`}>Measures</th>
                  <th scope="col" className={`${th} text-right`}>With a target</th>
                  <th scope="col" className={`${th} text-right`}>Reported</th>
                  <th scope="col" className="py-2 text-right">Target reached</th>
                </tr>
              </thead>
              <tbody>
                {outcomes.projects.map((project) => (
                  <tr key={project.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className={`${th} font-normal`}>
                      <Link href={paths.project(slug, project.id)} className="font-semibold break-words">
                        {project.name}
                      </Link>
                    </th>
                    <td className={th}>{PROJECT_STATUS_LABELS[project.status]}</td>
                    <td className={num}>{project.measureCount}</td>
                    <td className={num}>{project.targetCount}</td>
                    <td className={num}>{project.reportedCount}</td>
                    <td className="py-2 text-right tabular-nums">{project.onTrackCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {outcomes.projectCount > outcomes.projects.length ? (
            <p className="mt-2 text-slate-700">
              Showing {outcomes.projects.length} of {outcomes.projectCount.toLocaleString("en-GB")} projects with success measures, by name.
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
