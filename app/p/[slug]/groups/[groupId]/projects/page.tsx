import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  DecisionsSoFar,
  MoneyByArea,
  OutcomesAchieved,
  OverdueUpdates,
  ProjectsByStatusAndRag,
  Section,
} from "@/components/portfolio/portfolio-sections";
import { PROJECT_STATUS_LABELS, RagTag } from "@/components/projects/project-labels";
import { PROPOSAL_STATUS_LABELS } from "@/components/proposals/proposal-labels";
import { loadSubGroup } from "@/components/sub-groups/load-sub-group";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  return { title: `Projects · ${group.name}` };
}

const th = "py-2 pr-3";
const num = "py-2 pr-3 text-right tabular-nums";

/** The funded projects that came from this sub-group's proposals, and how its proposals stand. */
export default async function SubGroupProjectsPage({ params }: Props) {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  const api = await getApi();
  let portfolio;
  try {
    portfolio = await api.portfolio.subGroup({ subGroupId: group.id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return <JoinToSeeProjects slug={slug} groupId={groupId} />;
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
  const { projectList, proposals } = portfolio;

  return (
    <>
      <PageHeader title="Projects" lead="The funded test projects that grew from this sub-group's proposals, and how they are doing." />

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-2xl font-semibold">
          {projectList.length === 0
            ? "No funded projects yet"
            : `${projectList.length} funded ${projectList.length === 1 ? "project" : "projects"}`}
        </h2>
        {projectList.length === 0 ? (
          <p className="mt-2 text-slate-700">
            None of this sub-group&apos;s proposals has become a funded project yet.{" "}
            <Link href={`/p/${slug}/groups/${groupId}/proposals`}>See its proposals</Link>
          </p>
        ) : (
          <ScrollRegion label="The sub-group's funded projects" className="mt-3">
            <table className="w-full min-w-[44rem] border-collapse text-left">
              <caption className="sr-only">The sub-group&apos;s funded projects, newest first</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className={th}>Project</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={th}>Latest update</th>
                  <th scope="col" className={`${th} text-right`}>Awarded</th>
                  <th scope="col" className={`${th} text-right`}>Paid</th>
                  <th scope="col" className="py-2 text-right">Overdue updates</th>
                </tr>
              </thead>
              <tbody>
                {projectList.map((project) => (
                  <tr key={project.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className={`${th} font-normal`}>
                      <Link href={`/p/${slug}/projects/${project.id}`} className="font-semibold break-words">
                        {project.name}
                      </Link>
                    </th>
                    <td className={th}>{PROJECT_STATUS_LABELS[project.status]}</td>
                    <td className={th}>
                      {project.latest ? (
                        <span className="flex flex-wrap items-center gap-2">
                          <RagTag rag={project.latest.rag} />
                          <span className="whitespace-nowrap">{project.latest.percentComplete}% complete</span>
                        </span>
                      ) : (
                        "None yet"
                      )}
                    </td>
                    <td className={num}>{formatPence(project.awardedPence)}</td>
                    <td className={num}>{formatPence(project.paidPence)}</td>
                    <td className={`py-2 text-right tabular-nums ${project.overdueCount > 0 ? "font-semibold text-red-800" : ""}`}>
                      {project.overdueCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {projectList.length > 0 ? (
        <>
          <MoneyByArea money={portfolio.money} />
          <ProjectsByStatusAndRag projects={portfolio.projects} title="How the projects are doing" />
          <OverdueUpdates slug={slug} overdue={portfolio.overdue} />
          <DecisionsSoFar decisions={portfolio.decisions} />
          <OutcomesAchieved slug={slug} outcomes={portfolio.outcomes} />
        </>
      ) : null}

      <Section id="proposals-status-heading" title="Proposals by status">
        {proposals.total === 0 ? (
          <p className="mt-2">
            Nobody in this sub-group has started a proposal. <Link href={`/p/${slug}/groups/${groupId}/proposals`}>Go to proposals</Link>
          </p>
        ) : (
          <>
            <ScrollRegion label="Proposals by status" className="mt-3">
              <table className="w-full max-w-xl border-collapse text-left">
                <caption className="sr-only">The sub-group&apos;s proposals by status</caption>
                <thead>
                  <tr className="border-b-2 border-slate-700">
                    <th scope="col" className={th}>Status</th>
                    <th scope="col" className="py-2 text-right">Proposals</th>
                  </tr>
                </thead>
                <tbody>
                  {proposals.byStatus.map((group) => (
                    <tr key={group.status} className="border-b border-slate-200">
                      <th scope="row" className={`${th} font-normal`}>{PROPOSAL_STATUS_LABELS[group.status]}</th>
                      <td className="py-2 text-right tabular-nums">{group.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <p className="mt-3">
              <Link href={`/p/${slug}/groups/${groupId}/proposals`}>See the sub-group&apos;s proposals</Link>
            </p>
          </>
        )}
      </Section>
    </>
  );
}

function JoinToSeeProjects({ slug, groupId }: { slug: string; groupId: string }) {
  return (
    <>
      <PageHeader title="Projects" lead="Join this sub-group to follow the projects that grew from its proposals." />
      <p>
        <Link href={`/p/${slug}/groups/${groupId}`}>Go to the sub-group&apos;s page to ask to join</Link>
      </p>
    </>
  );
}
