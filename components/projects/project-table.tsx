"use client";

import { Link } from "@/components/ui/link";
import { Table, type Column } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { MY_TEAM_ROLE } from "@/lib/role-labels";
import type { ProjectListItem } from "@/server/domain/projects/queries";
import { Day, PROJECT_STATUS_LABELS, RagTag, ReportStateTag } from "./project-labels";

/** What a row needs: every list has these; the sub-group list has no schedule, sub-group or role. */
export type ProjectRowData = Pick<ProjectListItem, "id" | "name" | "status" | "latest" | "overdueCount" | "awardedPence" | "paidPence"> &
  Partial<Pick<ProjectListItem, "subGroupName" | "nextDue" | "myRole">>;

/** Columns a list can leave out when every row would say the same (a sub-group's own list). */
export type OptionalProjectColumn = "subGroup" | "nextDue";

/**
 * The one table of funded projects: My work, the partnership's project list and a sub-group's
 * Projects tab all show a project the same way.
 */
export function ProjectTable({
  slug,
  caption,
  rows,
  without = [],
  className = "mt-3",
}: {
  slug: string;
  caption: string;
  rows: readonly ProjectRowData[];
  without?: readonly OptionalProjectColumn[];
  className?: string;
}) {
  const columns: Column<ProjectRowData>[] = [
    {
      key: "project",
      header: "Project",
      rowHeader: true,
      cell: (project) => (
        <>
          <Link href={paths.project(slug, project.id)} className="break-words">
            {project.name}
          </Link>
          {project.myRole ? <span className="block text-sm font-normal text-slate-700">{MY_TEAM_ROLE[project.myRole]}</span> : null}
        </>
      ),
    },
    ...(without.includes("subGroup")
      ? []
      : [{ key: "subGroup", header: "Sub-group", cell: (project: ProjectRowData) => project.subGroupName ?? "None" }]),
    { key: "status", header: "Status", cell: (project) => PROJECT_STATUS_LABELS[project.status] },
    {
      key: "latest",
      header: "Latest update",
      cell: (project) =>
        project.latest ? (
          <span className="flex flex-wrap items-center gap-2">
            <RagTag rag={project.latest.rag} />
            <span className="whitespace-nowrap">{project.latest.percentComplete}% complete</span>
          </span>
        ) : (
          "None yet"
        ),
    },
    { key: "awarded", header: "Awarded", numeric: true, nowrap: true, cell: (project) => formatPence(project.awardedPence) },
    { key: "paid", header: "Paid", numeric: true, nowrap: true, cell: (project) => formatPence(project.paidPence) },
    ...(without.includes("nextDue")
      ? []
      : [
          {
            key: "nextDue",
            header: "Next report",
            cell: (project: ProjectRowData) =>
              project.nextDue ? (
                <>
                  <span className="block">
                    Period {project.nextDue.sequence}, due <Day day={project.nextDue.dueOn} />
                  </span>
                  <ReportStateTag state={project.nextDue.state} />
                </>
              ) : (
                "Nothing due"
              ),
          },
        ]),
    {
      key: "overdue",
      header: "Overdue updates",
      numeric: true,
      cell: (project) => <span className={project.overdueCount > 0 ? "font-semibold text-red-800" : ""}>{project.overdueCount}</span>,
    },
  ];
  return <Table caption={caption} captionHidden columns={columns} rows={rows} rowKey={(project) => project.id} className={className} />;
}
