import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every link from one of Tandem's pages to another: a client-side navigation when followed,
 * as next/link gives, but nothing fetched before it is followed. Every page is rendered for
 * its viewer, so next/link's default of prefetching each link that scrolls into view asked
 * the server for one render per link: 56 for the project list's first page, about ten times
 * the server time of the page itself, nearly all for pages the viewer never opens.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
