import Link from "next/link";

/** Previous / next links between pages of results; each page has its own address. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="mt-6">
      <ul className="flex flex-wrap items-center gap-4">
        {page > 1 ? (
          <li>
            <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        <li>
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
