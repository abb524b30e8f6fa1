import { Link } from "@/components/ui/link";
import { InstantDay } from "@/components/projects/project-labels";
import { paths } from "@/lib/paths";
import type { LibraryView } from "@/server/domain/library/queries";
import { DocumentFile, ExternalLink, VisibilityTag } from "./library-labels";

type Resource = LibraryView["resources"][number];

/**
 * The resources in view: a link goes to its website; a document shows its file's kind, size,
 * uploader and date, a thumbnail or preview, and downloads. Then its tags (which filter) and who shared it.
 */
export function ResourceList({ slug, resources, showFolder }: { slug: string; resources: readonly Resource[]; showFolder: boolean }) {
  return (
    <ul className="space-y-4">
      {resources.map((resource) => (
        <li key={resource.id} className="rounded-md border-2 border-slate-300 p-4">
          <h3 className="text-lg font-semibold">
            {resource.url ? (
              <ExternalLink url={resource.url} host={resource.host}>
                {resource.title}
              </ExternalLink>
            ) : (
              resource.title
            )}
          </h3>
          {resource.description ? <p className="mt-2 max-w-prose whitespace-pre-line">{resource.description}</p> : null}
          {resource.kind === "DOCUMENT" ? (
            resource.document ? (
              <DocumentFile title={resource.title} file={resource.document} />
            ) : (
              <p className="mt-2 text-slate-700">This document has no file yet.{resource.canChange ? " Upload it from “Change, move or remove”." : ""}</p>
            )
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <VisibilityTag visibility={resource.visibility} />
            {showFolder && resource.folder ? (
              <span className="text-sm">
                In <Link href={paths.library(slug, { folderId: resource.folder.id })}>{resource.folder.name}</Link>
              </span>
            ) : null}
          </div>
          {resource.tags.length > 0 ? (
            <p className="mt-2 text-sm">
              <span className="font-semibold">Tags: </span>
              {resource.tags.map((tag, index) => (
                <span key={tag}>
                  {index > 0 ? ", " : null}
                  <Link href={paths.library(slug, { tag })}>
                    <span className="sr-only">Show resources tagged </span>
                    {tag}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-slate-700">
            Shared by {resource.addedBy} on <InstantDay at={resource.addedAt} />
          </p>
          {resource.canChange ? (
            <p className="mt-2">
              <Link href={paths.editLibraryResource(slug, resource.id)}>
                Change, move or remove<span className="sr-only"> {resource.title}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
