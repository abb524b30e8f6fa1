import { MY_TEAM_ROLE } from "@/lib/role-labels";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import {
  Day,
  PROJECT_STATUS_LABELS,
  RagTag,
  ReportStateTag,
} from "@/components/projects/project-labels";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import type { ProjectListItem } from "@/server/domain/projects/queries";

export const metadata: Metadata = { title: "Funded projects" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The partnership's funded projects for its officers and chairs; everyone sees the projects they work on. */
export default async function ProjectsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const here = `/p/${slug}/projects`;
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const { after } = await searchParams;
  const cursor = typeof after === "string" && after.length > 0 && after.length <= 64 ? after : undefined;

  const api = await getApi();
  const mine = await api.project.mine({ partnershipSlug: slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const all = await api.project.list({ partnershipSlug: slug, cursor, limit: PAGE_SIZE }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  });

  return (
    <>
      <PageHeader
        title="Funded projects"
        lead={
          all
            ? "The test projects the partnership has funded: how each is doing, its reports and its payments."
            : "The funded test projects you lead or work on."
        }
      />

      {!all || (mine.items.length > 0 && !cursor) ? (
        <section aria-labelledby="mine-heading" className="mb-12">
          <h2 id="mine-heading" className="text-2xl font-semibold">
            Your projects
          </h2>
          {mine.items.length === 0 ? (
            <p className="mt-2">You are not on the team of any funded project in this partnership.</p>
          ) : (
            <ProjectTable slug={slug} items={mine.items} label="Your projects" />
          )}
        </section>
      ) : null}

      {all ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading" className="text-2xl font-semibold">
            All projects
          </h2>
          {all.items.length === 0 ? (
            <p className="mt-2">{cursor ? "There are no more projects." : "No projects have been set up from awards yet."}</p>
          ) : (
            <ProjectTable slug={slug} items={all.items} label="All projects" />
          )}
          {cursor || all.nextCursor ? (
            <nav aria-label="Pages of projects" className="mt-6">
              <ul className="flex flex-wrap items-center gap-4">
                {cursor ? (
                  <li>
                    <Link href={here}>First page</Link>
                  </li>
                ) : null}
                {all.nextCursor ? (
                  <li>
                    <Link href={`${here}?after=${encodeURIComponent(all.nextCursor)}`} rel="next">
                      Next page
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function ProjectTable({ slug, items, label }: { slug: string; items: ProjectListItem[]; label: string }) {
  return (
    <ScrollRegion label={label} className="mt-3">
      <table className="w-full min-w-[60rem] border-collapse text-left">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="py-2 pr-3">Project</th>
            <th scope="col" className="py-2 pr-3">Sub-group</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2 pr-3">Latest update</th>
            <th scope="col" className="py-2 pr-3 text-right">Awarded</th>
            <th scope="col" className="py-2 pr-3 text-right">Paid</th>
            <th scope="col" className="py-2 pr-3">Next report</th>
            <th scope="col" className="py-2 text-right">Overdue</th>
          </tr>
        </thead>
        <tbody>
          {items.map((project) => (
            <tr key={project.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/p/${slug}/projects/${project.id}`} className="font-semibold">
                  {project.name}
                </Link>
                {project.myRole ? (
                  <span className="block text-sm text-slate-700">{project.myRole ? MY_TEAM_ROLE[project.myRole] : null}</span>
                ) : null}
              </th>
              <td className="py-2 pr-3">{project.subGroupName ?? "None"}</td>
              <td className="py-2 pr-3">{PROJECT_STATUS_LABELS[project.status]}</td>
              <td className="py-2 pr-3">
                {project.latest ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <RagTag rag={project.latest.rag} />
                    <span className="whitespace-nowrap">{project.latest.percentComplete}% complete</span>
                  </span>
                ) : (
                  "None yet"
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatPence(project.awardedPence)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatPence(project.paidPence)}</td>
              <td className="py-2 pr-3">
                {project.nextDue ? (
                  <>
                    <span className="block">
                      Period {project.nextDue.sequence}, due <Day day={project.nextDue.dueOn} />
                    </span>
                    <ReportStateTag state={project.nextDue.state} />
                  </>
                ) : (
                  "Nothing due"
                )}
              </td>
              <td className={`py-2 text-right tabular-nums ${project.overdueCount > 0 ? "font-semibold text-red-800" : ""}`}>
                {project.overdueCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
