import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { DirectorySearchForm } from "@/components/directory/directory-search-form";
import { DirectoryTabs } from "@/components/directory/directory-tabs";
import { OrganisationCard } from "@/components/directory/organisation-card";
import { Pagination } from "@/components/ui/pagination";
import { PersonCard } from "@/components/directory/person-card";
import { PageHeader } from "@/components/ui/page-header";
import { directoryHref, readDirectorySearch, type DirectorySearch } from "@/lib/schemas/directory";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Directory" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function load(slug: string, search: DirectorySearch) {
  const api = await getApi();
  const { sector, interest, view: _view, ...common } = search;
  return loadOr404(async () => {
    const options = await api.directory.filterOptions({ partnershipSlug: slug });
    if (search.view === "people") {
      const result = await api.directory.people({ partnershipSlug: slug, ...common, sector, interest });
      return { options, kind: "people" as const, result };
    }
    const result = await api.directory.organisations({
      partnershipSlug: slug,
      ...common,
      sector: sector === "INDIVIDUAL" ? undefined : sector,
    });
    return { options, kind: "organisations" as const, result };
  }, { here: paths.directory(slug) });
}

export default async function DirectoryPage({ params, searchParams }: Props) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  await requireSignedIn(paths.directory(slug));
  const search = readDirectorySearch(await searchParams);
  const data = await load(slug, search);
  const { result } = data;
  const found =
    data.kind === "people"
      ? count(data.result.total, "person found", "people found")
      : count(data.result.total, "organisation found", "organisations found");
  const first = (result.page - 1) * result.pageSize + 1;
  const shown = data.kind === "people" ? data.result.people.length : data.result.organisations.length;

  return (
    <>
      <PageHeader
        title="Directory"
        lead={`Find people and organisations from every sector in ${data.options.partnership.name}, and who is working on what.`}
      />
      <DirectoryTabs slug={slug} search={search} />
      <DirectorySearchForm slug={slug} search={search} options={data.options} />

      <section aria-labelledby="results-heading" className="mt-8">
        <h2 id="results-heading" className="text-2xl font-semibold">
          {found}
        </h2>
        {result.total > shown && shown > 0 ? (
          <p className="mt-1 text-slate-700">
            Showing {first} to {first + shown - 1} of {result.total}.
          </p>
        ) : null}
        {shown === 0 ? (
          <p className="mt-3">
            {result.total > 0 ? (
              <>
                There are no results on this page.{" "}
                <Link href={directoryHref(slug, { ...search, page: 1 })}>Go to the first page</Link>.
              </>
            ) : data.kind === "people" ? (
              "No one matches this search. Try fewer words, or clear a filter. People who chose not to be listed do not appear."
            ) : (
              "No organisation matches this search. Try fewer words, or clear a filter."
            )}
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {data.kind === "people"
              ? data.result.people.map((person) => (
                  <li key={person.userId}>
                    <PersonCard person={person} slug={slug} />
                  </li>
                ))
              : data.result.organisations.map((organisation) => (
                  <li key={organisation.id}>
                    <OrganisationCard organisation={organisation} slug={slug} />
                  </li>
                ))}
          </ul>
        )}
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          hrefFor={(page) => directoryHref(slug, { ...search, page })}
        />
      </section>
    </>
  );
}
