import { Day, dueDistance, InstantDay, ReportStateTag } from "@/components/projects/project-labels";
import { ProjectTable } from "@/components/projects/project-table";
import { ProposalStatusTag } from "@/components/proposals/proposal-labels";
import { MY_AUTHOR_ROLE_LONG } from "@/lib/role-labels";
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import type { MyWork } from "@/server/domain/portfolio/my-work";

/** My work's parts about the person's own projects, updates and proposals. */

export function MyProjects({ slug, projects }: { slug: string; projects: MyWork["projects"] }) {
  return (
    <Section id="projects-heading" title="My projects">
      {projects.length === 0 ? (
        <p className="mt-2">You are not on the team of any funded project in this partnership.</p>
      ) : (
        <ProjectTable slug={slug} rows={projects} caption="The funded projects you lead or work on" />
      )}
    </Section>
  );
}

export function UpdatesDue({ slug, due }: { slug: string; due: MyWork["updatesDue"] }) {
  return (
    <Section id="due-heading" title="Updates due">
      {due.length === 0 ? (
        <p className="mt-2">No progress updates are due from you in the next week, and none are overdue.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
          {due.map((period) => (
            <li key={period.periodId} className="flex flex-wrap items-start justify-between gap-3 py-4">
              <div className="min-w-0">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={paths.project(slug, period.projectId)}>{period.projectName}</Link>
                </h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                  <ReportStateTag state={period.state} />
                  <span>
                    Period {period.periodSequence}, due <Day day={period.dueOn} /> ({dueDistance(period.daysUntilDue)})
                  </span>
                </p>
              </div>
              <Link
                href={paths.newProgressUpdate(slug, period.projectId)}
                aria-label={`${period.hasDraft ? "Continue the progress update" : "Post a progress update"} for ${period.projectName}, period ${period.periodSequence}`}
              >
                {period.hasDraft ? "Continue the progress update" : "Post a progress update"}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function MyProposals({ slug, proposals }: { slug: string; proposals: MyWork["proposals"] }) {
  return (
    <Section id="proposals-heading" title="Proposals I co-author">
      {proposals.length === 0 ? (
        <p className="mt-2">You are not an author of any proposal in this partnership.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="py-4">
              <h3 className="text-lg font-semibold break-words">
                <Link href={paths.proposal(slug, proposal.id)}>{proposal.title}</Link>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
                <ProposalStatusTag status={proposal.status} />
                <span>{MY_AUTHOR_ROLE_LONG[proposal.myRole]}</span>
                <span>{proposal.subGroupName}</span>
                <span>
                  Last change <InstantDay at={proposal.updatedAt} />
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

