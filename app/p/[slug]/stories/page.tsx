import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { Link } from "@/components/ui/link";
import { loadViewer } from "@/server/pages/stories";
import { StoriesNav } from "@/components/stories/stories-nav";
import { StoryList } from "@/components/stories/story-list";
import { PageHeader } from "@/components/ui/page-header";
import { isStoryTheme, STORY_THEME_LABELS, STORY_THEMES } from "@/lib/story-themes";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Stories" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 12;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** #PositivePartnerships: the partnership's published stories, by theme, newest first. */
export default async function StoriesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const here = paths.stories(slug);
  const viewer = await loadViewer(slug, here);
  const query = await searchParams;
  const theme = typeof query.theme === "string" && isStoryTheme(query.theme) ? query.theme : undefined;
  const cursor = typeof query.after === "string" && query.after.length > 0 && query.after.length <= 64 ? query.after : undefined;

  const api = await getApi();
  const page = await api.story.list({ partnershipSlug: slug, theme, cursor, limit: PAGE_SIZE });
  const filterHref = (value?: string) => (value ? `${here}?theme=${value}` : here);
  const heading = theme ? `Stories of ${STORY_THEME_LABELS[theme].toLowerCase()}` : "All published stories";

  return (
    <>
      <PageHeader
        title="Stories"
        lead="#PositivePartnerships: what working together across sectors has made possible, told by the people who did it."
      />
      <StoriesNav slug={slug} viewer={viewer} current="published" />

      <nav aria-label="Filter stories by theme" className="mb-8">
        <p className="mb-2 font-semibold">Show stories of</p>
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...STORY_THEMES].map((value) => {
            const current = value === theme;
            return (
              <li key={value ?? "all"}>
                <Link
                  href={filterHref(value)}
                  aria-current={current ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 py-1 no-underline ${current ? "border-brand-800 bg-brand-800 font-semibold text-white hover:text-white" : "border-slate-400 text-brand-800 hover:bg-brand-50"}`}
                >
                  {value ? STORY_THEME_LABELS[value] : "Every theme"}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="stories-heading">
        <h2 id="stories-heading" className="mb-4 text-2xl font-semibold">
          {heading}
        </h2>
        {page.items.length === 0 ? (
          <p>
            {cursor
              ? "There are no more stories."
              : theme
                ? "No published stories have this theme yet."
                : "No stories have been published yet."}{" "}
            {viewer.canWriteStories ? <Link href={paths.newStory(slug)}>Write the first one</Link> : null}
          </p>
        ) : (
          <StoryList slug={slug} items={page.items} headingLevel={3} />
        )}
        {cursor || page.nextCursor ? (
          <nav aria-label="Pages of stories" className="mt-6">
            <ul className="flex flex-wrap items-center gap-4">
              {cursor ? (
                <li>
                  <Link href={filterHref(theme)}>First page</Link>
                </li>
              ) : null}
              {page.nextCursor ? (
                <li>
                  <Link
                    href={`${here}?${new URLSearchParams({ ...(theme ? { theme } : {}), after: page.nextCursor }).toString()}`}
                    rel="next"
                  >
                    Next page
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>
  );
}
