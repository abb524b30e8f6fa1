import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import {
  DecisionsSoFar,
  MoneyByArea,
  OutcomesAchieved,
  OverdueUpdates,
  ProjectsByStatusAndRag,
} from "@/components/portfolio/portfolio-sections";
import { ProjectTable } from "@/components/projects/project-table";
import { PROPOSAL_STATUS_LABELS } from "@/components/proposals/proposal-labels";
import { loadSubGroup } from "@/server/pages/sub-groups";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import { portfolioPagesSearch, readPortfolioPages } from "@/lib/schemas/portfolio";
import { getApi } from "@/server/api/server-caller";
import { loadOr404 } from "@/server/pages/load";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  const group = await loadSubGroup(slug, groupId);
  return { title: `Projects · ${group.name}` };
}

/** The funded projects that came from this sub-group's proposals, and how its proposals stand. */
export default async function SubGroupProjectsPage({ params, searchParams }: Props) {
  const { slug, groupId } = await params;
  const pages = readPortfolioPages(await searchParams);
  const group = await loadSubGroup(slug, groupId);
  const api = await getApi();
  // Members of the partnership who are not in the sub-group are told how to join, rather than "not found".
  const portfolio = await loadOr404(() =>
    api.portfolio.subGroup({ subGroupId: group.id, ...pages }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
  if (!portfolio) return <JoinToSeeProjects slug={slug} groupId={groupId} />;
  const { projectList, proposals } = portfolio;

  return (
    <>
      <PageHeader title="Projects" lead="The funded test projects that grew from this sub-group's proposals, and how they are doing." />

      <Section
        id="list-heading"
        title={
          projectList.length === 0
            ? "No funded projects yet"
            : `${projectList.length} funded ${projectList.length === 1 ? "project" : "projects"}`
        }
      >
        {projectList.length === 0 ? (
          <p className="text-slate-700">
            None of this sub-group&apos;s proposals has become a funded project yet.{" "}
            <Link href={paths.subGroupProposals(slug, groupId)}>See its proposals</Link>
          </p>
        ) : (
          <ProjectTable
            slug={slug}
            rows={projectList}
            caption="The sub-group's funded projects, newest first"
            without={["subGroup", "nextDue"]}
            className=""
          />
        )}
      </Section>

      {projectList.length > 0 ? (
        <>
          <MoneyByArea money={portfolio.money} />
          <ProjectsByStatusAndRag projects={portfolio.projects} title="The projects at a glance" />
          <OverdueUpdates
            slug={slug}
            overdue={portfolio.overdue}
            pageHref={(page) => paths.subGroupProjects(slug, groupId, portfolioPagesSearch({ ...pages, overduePage: page }))}
          />
          <DecisionsSoFar decisions={portfolio.decisions} />
          <OutcomesAchieved
            slug={slug}
            outcomes={portfolio.outcomes}
            pageHref={(page) => paths.subGroupProjects(slug, groupId, portfolioPagesSearch({ ...pages, outcomesPage: page }))}
          />
        </>
      ) : null}

      <Section id="proposals-status-heading" title="Proposals by status">
        {proposals.total === 0 ? (
          <p>
            Nobody in this sub-group has started a proposal. <Link href={paths.subGroupProposals(slug, groupId)}>Go to proposals</Link>
          </p>
        ) : (
          <>
            <Table
              caption="The sub-group's proposals by status"
              captionHidden
              className="max-w-xl"
              columns={[
                { key: "status", header: "Status", rowHeader: true, cell: (group) => PROPOSAL_STATUS_LABELS[group.status] },
                { key: "count", header: "Proposals", numeric: true, cell: (group) => group.count },
              ]}
              rows={proposals.byStatus}
              rowKey={(group) => group.status}
            />
            <p className="mt-3">
              <Link href={paths.subGroupProposals(slug, groupId)}>See the sub-group&apos;s proposals</Link>
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
        <Link href={paths.subGroup(slug, groupId)}>Go to the sub-group&apos;s page to ask to join</Link>
      </p>
    </>
  );
}
