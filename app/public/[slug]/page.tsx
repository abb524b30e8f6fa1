import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import {
  MoneyTotals,
  PriorityAreas,
  ProgressKey,
  PublicOutcomes,
  PublicProjects,
} from "@/components/portfolio/public-portfolio";
import { PublicResources } from "@/components/library/public-resources";
import { InstantDay } from "@/components/projects/project-labels";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { openDataPrefix } from "@/server/domain/transparency/open-grants";
import { getEnv } from "@/server/env";
import { loadOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Funded tests" };
export const dynamic = "force-dynamic";

/** Open to everyone, signed in or not: a partnership that does not publish looks like no partnership at all. */
export default async function PublicPortfolioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const api = await getApi();
  const { asOf, partnership, priorityAreas, projects, totals } = await loadOr404(
    () => api.transparency.portfolio({ partnershipSlug: slug }),
    { here: paths.publicPage(slug) },
  );
  const { resources } = await loadOr404(() => api.library.publicList({ partnershipSlug: slug }), { here: paths.publicPage(slug) });
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
          <a href={paths.publicPortfolioCsv(slug)} download>
            Download the portfolio (CSV)
          </a>{" "}
          or{" "}
          <a href={paths.publicPortfolioXlsx(slug)} download>
            Download the portfolio (Excel)
          </a>
        </p>
        {openDataPrefix(getEnv()) ? (
          <p className="mt-3 max-w-prose">
            Its grants as{" "}
            <a href="https://www.threesixtygiving.org/" rel="external">
              360Giving
            </a>{" "}
            open data: <a href={paths.openGrantsJson(slug)}>JSON data package</a> or{" "}
            <a href={paths.openGrantsCsv(slug)} download>
              spreadsheet (CSV)
            </a>
            , under the Creative Commons Attribution 4.0 licence.
          </p>
        ) : null}
        {resources.length > 0 ? (
          <p className="mt-3">
            <a href={paths.publicLibrary(slug)}>Guides and resources the partnership shares</a>, such as plans, flyers and contacts.
          </p>
        ) : null}
        <p className="mt-3">
          <Link href={paths.publicStories(slug)}>Read the partnership&rsquo;s stories</Link>: what working together has
          made possible, told by the people who did it.
        </p>
      </PageHeader>

      <Section id="totals" title="Money committed and paid">
        <MoneyTotals totals={totals} projectCount={projects.length} />
      </Section>
      <Section id="priorities" title="Priority areas">
        <PriorityAreas areas={priorityAreas} />
      </Section>
      <Section id="projects" title="Funded projects">
        {projects.length > 0 ? <ProgressKey /> : null}
        <PublicProjects projects={projects} />
      </Section>
      {withOutcomes.length > 0 ? (
        <Section
          id="outcomes"
          title="Outcomes"
          lead="What each project set out to change, its target, and the latest figure it reported."
        >
          <PublicOutcomes projects={withOutcomes} />
        </Section>
      ) : null}
      {resources.length > 0 ? (
        <Section id="resources" title="Resources" lead="Guides, plans and flyers the partnership shares with everyone.">
          <PublicResources resources={resources} />
        </Section>
      ) : null}
    </>
  );
}
