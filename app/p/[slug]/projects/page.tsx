import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ProjectTable } from "@/components/projects/project-table";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const metadata: Metadata = { title: "Funded projects" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The partnership's funded projects for its officers and chairs; everyone sees the projects they work on. */
export default async function ProjectsPage({ params, searchParams }: Props) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.projects(slug);
  await requireSignedIn(here);
  const { after } = await searchParams;
  const cursor = typeof after === "string" && after.length > 0 && after.length <= 64 ? after : undefined;

  const api = await getApi();
  // Both asked for at once. A member who may not see every project gets null for the list;
  // any other failure of the list is thrown once `mine` has had its say (an unknown
  // partnership is "not found" there).
  const listed = api.project.list({ partnershipSlug: slug, cursor, limit: PAGE_SIZE }).then(
    (list) => ({ list }),
    (error: unknown) => ({ error }),
  );
  const [mine, outcome] = await Promise.all([loadOr404(() => api.project.mine({ partnershipSlug: slug }), { here }), listed]);
  if ("error" in outcome && !(outcome.error instanceof TRPCError && outcome.error.code === "FORBIDDEN")) throw outcome.error;
  const all = "list" in outcome ? outcome.list : null;

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
            <ProjectTable slug={slug} rows={mine.items} caption="Your projects" />
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
            <ProjectTable slug={slug} rows={all.items} caption="All projects" />
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
                    <Link href={paths.projects(slug, { after: all.nextCursor })} rel="next">
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
