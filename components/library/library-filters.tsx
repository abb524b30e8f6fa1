import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { LIBRARY_SEARCH_MAX } from "@/lib/schemas/library";
import { paths } from "@/lib/paths";

/**
 * Search by title (a plain GET form, so it works before any script loads) and the tags in
 * use, each a link that filters; the current tag is marked for assistive technology.
 */
export function LibraryFilters({
  slug,
  folderId,
  tags,
  filter,
}: {
  slug: string;
  folderId?: string;
  tags: readonly { tag: string; count: number }[];
  filter: { tag: string | null; search: string | null };
}) {
  return (
    <div className="mb-8 space-y-6">
      <form role="search" action={paths.library(slug)} method="get" className="flex max-w-xl flex-wrap items-end gap-3">
        {folderId ? <input type="hidden" name="folder" value={folderId} /> : null}
        {filter.tag ? <input type="hidden" name="tag" value={filter.tag} /> : null}
        <div className="min-w-0 flex-1">
          <label htmlFor="library-search" className="block font-semibold">
            {folderId ? "Search this folder by title" : "Search the library by title"}
          </label>
          <input
            id="library-search"
            name="q"
            type="search"
            defaultValue={filter.search ?? ""}
            maxLength={LIBRARY_SEARCH_MAX}
            className="mt-1 block w-full rounded-md border-2 border-slate-700 bg-white px-3 py-2"
          />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {tags.length > 0 ? (
        <nav aria-label="Filter by tag">
          <p className="mb-2 font-semibold">Show resources tagged</p>
          <ul className="flex flex-wrap gap-2">
            {[null, ...tags].map((entry) => {
              const current = (entry?.tag ?? null) === filter.tag;
              return (
                <li key={entry?.tag ?? "all"}>
                  <Link
                    href={paths.library(slug, { folderId, tag: entry?.tag, search: filter.search ?? undefined })}
                    aria-current={current ? "page" : undefined}
                    className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 py-1 no-underline ${current ? "border-brand-800 bg-brand-800 font-semibold text-white hover:text-white" : "border-slate-400 text-brand-800 hover:bg-brand-50"}`}
                  >
                    {entry ? `${entry.tag} (${entry.count})` : "Any tag"}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
