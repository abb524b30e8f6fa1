import { Link } from "@/components/ui/link";

/** Previous / next links between pages of results; each page has its own address. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pages of results",
  className = "mt-6",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Names the navigation landmark: two lists paged on one page need different names. */
  label?: string;
  className?: string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label={label} className={className}>
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
