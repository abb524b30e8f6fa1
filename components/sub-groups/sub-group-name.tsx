"use client";

import { usePathname } from "next/navigation";

/**
 * The sub-group's name at the top of each of its pages. On a page that is one of its tabs
 * (listed in `headedPaths`) the name is the page's h1 and the tab is the subheading; deeper
 * pages (a conversation) have their own h1, so the name is shown as plain text above it.
 */
export function SubGroupName({ name, headedPaths }: { name: string; headedPaths: readonly string[] }) {
  const pathname = usePathname();
  const Heading = headedPaths.includes(pathname) ? "h1" : "p";
  return <Heading className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{name}</Heading>;
}
