import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import {
  DecisionsSoFar,
  MoneyByArea,
  OutcomesAchieved,
  OverdueUpdates,
  ProjectsByStatusAndRag,
  Tiles,
} from "@/components/portfolio/portfolio-sections";
import { formatInstantDay } from "@/lib/uk-time";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { portfolioPagesSearch, readPortfolioPages } from "@/lib/schemas/portfolio";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Portfolio dashboard" };
export const dynamic = "force-dynamic";

/** The partnership's funded projects at a glance, for its officers and chairs. */
export default async function PortfolioDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const pages = readPortfolioPages(await searchParams);
  const here = paths.dashboard(slug);
  await requireSignedIn(here);
  const api = await getApi();
  // Members who are not officers or chairs are told what the page is, rather than "not found".
  const portfolio = await loadOr404(
    () =>
      api.portfolio.overview({ partnershipSlug: slug, ...pages }).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
        throw error;
      }),
    { here },
  );
  if (!portfolio) return <NotForYou slug={slug} />;

  const { money, projects, overdue, decisions, outcomes } = portfolio;
  const tiles = [
    ...(money.funds
      ? [
          { label: "In the funds", value: formatPence(money.funds.totalPence), note: `${money.funds.count} ${money.funds.count === 1 ? "fund" : "funds"}` },
          { label: "Available to award", value: formatPence(money.funds.availablePence) },
        ]
      : []),
    { label: "Committed", value: formatPence(money.committedPence) },
    { label: "Paid", value: formatPence(money.paidPence) },
    { label: "Remaining to pay", value: formatPence(money.remainingPence) },
    { label: "Funded projects", value: projects.total.toLocaleString("en-GB") },
    {
      label: "Projects with overdue updates",
      value: overdue.projectCount.toLocaleString("en-GB"),
      note: overdue.periodCount > 0 ? `${overdue.periodCount.toLocaleString("en-GB")} updates overdue` : undefined,
    },
    { label: "Decisions so far", value: decisions.total.toLocaleString("en-GB") },
    {
      label: "Measures at target",
      value: `${outcomes.onTrackCount.toLocaleString("en-GB")} of ${outcomes.targetCount.toLocaleString("en-GB")}`,
    },
  ];

  return (
    <>
      <PageHeader
        title="Portfolio dashboard"
        lead={`How the partnership's funded test projects are doing, as at ${formatInstantDay(portfolio.at)}.`}
      >
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={paths.projects(slug)}>All funded projects</Link>
          <Link href={paths.myWork(slug)}>My work</Link>
        </p>
      </PageHeader>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <Tiles items={tiles} />
      </section>

      <MoneyByArea money={money} />
      <ProjectsByStatusAndRag projects={projects} />
      <OverdueUpdates slug={slug} overdue={overdue} pageHref={(page) => paths.dashboard(slug, portfolioPagesSearch({ ...pages, overduePage: page }))} />
      <DecisionsSoFar decisions={decisions} />
      <OutcomesAchieved slug={slug} outcomes={outcomes} pageHref={(page) => paths.dashboard(slug, portfolioPagesSearch({ ...pages, outcomesPage: page }))} />
    </>
  );
}

function NotForYou({ slug }: { slug: string }) {
  return (
    <>
      <PageHeader
        title="Portfolio dashboard"
        lead="The portfolio dashboard is for the partnership's officers and chairs."
      />
      <p>
        <Link href={paths.myWork(slug)}>See your own work: your projects, updates due and proposals</Link>
      </p>
    </>
  );
}
