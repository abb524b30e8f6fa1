import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { FolderSettings, NewFolderForm } from "@/components/library/folder-tools";
import { LibraryFilters } from "@/components/library/library-filters";
import { ResourceList } from "@/components/library/resource-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import { loadLibrary } from "@/server/pages/library";

export const metadata: Metadata = { title: "Library" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The partnership's resource library: folders, documents and links with tags, search by title. */
export default async function LibraryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const wanted = { folder: one(query.folder), tag: one(query.tag), q: one(query.q) };
  const here = paths.library(slug, { folderId: wanted.folder, tag: wanted.tag, search: wanted.q });
  const view = await loadLibrary(slug, wanted, here);
  const { folder, viewer, filter } = view;
  const filtering = Boolean(filter.tag || filter.search);
  const topFolders = view.folders.map(({ id, name }) => ({ id, name }));
  const title = folder ? folder.name : "Library";

  return (
    <>
      <PageHeader
        title={title}
        lead={
          folder
            ? undefined
            : "Guides, plans, flyers and contacts the partnership shares: each shown to members only, or also on the public page."
        }
      >
        {folder ? (
          <nav aria-label="Where this folder is" className="mt-2">
            <ol className="flex flex-wrap gap-x-2 text-sm">
              <li>
                <Link href={paths.library(slug)}>Library</Link>
              </li>
              {folder.parent ? (
                <li>
                  <span aria-hidden="true">› </span>
                  <Link href={paths.library(slug, { folderId: folder.parent.id })}>{folder.parent.name}</Link>
                </li>
              ) : null}
              <li aria-current="page">
                <span aria-hidden="true">› </span>
                {folder.name}
              </li>
            </ol>
          </nav>
        ) : null}
        {viewer.canAddLinks || viewer.canAddDocuments ? (
          <p className="mt-4 flex flex-wrap gap-3">
            {viewer.canAddDocuments ? (
              <ButtonLink href={paths.newLibraryDocument(slug, folder?.id)}>{folder ? "Add a document to this folder" : "Add a document"}</ButtonLink>
            ) : null}
            {viewer.canAddLinks ? (
              <ButtonLink href={paths.newLibraryLink(slug, folder?.id)} variant="secondary">
                {folder ? "Add a link to this folder" : "Add a link"}
              </ButtonLink>
            ) : null}
          </p>
        ) : null}
      </PageHeader>

      <LibraryFilters slug={slug} folderId={folder?.id} tags={view.tags} filter={filter} />

      {!filtering && view.subFolders.length > 0 ? (
        <Section id="folders" title={folder ? "Folders in this folder" : "Folders"}>
          <ul className="grid gap-3 sm:grid-cols-2">
            {view.subFolders.map((sub) => (
              <li key={sub.id}>
                <Link href={paths.library(slug, { folderId: sub.id })} className="block rounded-md border-2 border-slate-300 p-3 font-semibold">
                  {sub.name}
                  <span className="block text-sm font-normal text-slate-700">
                    {sub.resourceCount === 1 ? "1 resource" : `${sub.resourceCount} resources`}
                    {sub.folderCount > 0 ? `, ${sub.folderCount === 1 ? "1 folder" : `${sub.folderCount} folders`}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section
        id="resources"
        title={filtering ? `Resources${filter.tag ? ` tagged “${filter.tag}”` : ""}${filter.search ? ` with “${filter.search}” in the title` : ""}` : folder ? "In this folder" : "Not in a folder"}
      >
        {view.resources.length > 0 ? (
          <ResourceList slug={slug} resources={view.resources} showFolder={filtering || !folder} />
        ) : (
          <p className="max-w-prose">
            {view.totalResources === 0
              ? viewer.canAddLinks
                ? "The library is empty. Add a guide, a plan or a flyer your partners would find useful, as a document or a link, and it will be here for everyone in the partnership."
                : "The library is empty. When members share guides, plans or flyers, they will be here."
              : filtering
                ? "Nothing matches. Try another tag or word, or show everything."
                : folder
                  ? "Nothing is in this folder yet."
                  : "Everything is in a folder: open one above, or filter by tag."}{" "}
            {filtering ? <Link href={paths.library(slug, { folderId: folder?.id })}>Show everything</Link> : null}
          </p>
        )}
      </Section>

      {viewer.canCurate ? (
        <Section id="organise" title="Organise the library" lead="Officers and chairs look after the folders.">
          {folder ? (
            <FolderSettings
              slug={slug}
              folder={folder}
              topFolders={topFolders}
              holdsFolders={view.subFolders.length > 0}
              empty={view.subFolders.length === 0 && view.totalInFolder === 0}
            />
          ) : null}
          <h3 className="mt-8 mb-3 text-xl font-semibold">Make a folder</h3>
          <NewFolderForm slug={slug} topFolders={topFolders} startInside={folder && !folder.parentId ? folder.id : undefined} />
        </Section>
      ) : null}
    </>
  );
}
