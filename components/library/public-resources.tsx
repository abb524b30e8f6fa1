import type { PublicLibraryOutput } from "@/lib/schemas/library";
import { DocumentFile, ExternalLink } from "./library-labels";

/** The partnership's public resources on its public page: what each is, where it goes or its download; never who shared it. */
export function PublicResources({ resources }: { resources: PublicLibraryOutput["resources"] }) {
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
          {resource.document ? <DocumentFile title={resource.title} file={resource.document} /> : null}
          {resource.folder || resource.tags.length > 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              {resource.folder ? `In ${resource.folder}` : null}
              {resource.folder && resource.tags.length > 0 ? ". " : null}
              {resource.tags.length > 0 ? `Tags: ${resource.tags.join(", ")}` : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
