import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { byline, StoryDay, ThemeTags } from "@/components/stories/story-labels";
import { PageHeader } from "@/components/ui/page-header";
import type { PublicStoriesOutput } from "@/lib/schemas/stories";
import { isStoryTheme, STORY_THEME_LABELS, STORY_THEMES } from "@/lib/story-themes";
import type { StoryTheme } from "@/server/db/generated/enums";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Stories" };
export const dynamic = "force-dynamic";

/** Open to everyone: a partnership that does not publish looks like no partnership at all. */
async function loadStories(slug: string, theme: StoryTheme | undefined): Promise<PublicStoriesOutput> {
  const api = await getApi();
  return loadOr404(() => api.story.publicList({ partnershipSlug: slug, theme }));
}

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PublicStoriesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const theme = typeof query.theme === "string" && isStoryTheme(query.theme) ? query.theme : undefined;
  const { partnership, stories } = await loadStories(slug, theme);
  const here = paths.publicStories(slug);

  return (
    <>
      <p className="mb-4">
        <Link href={paths.publicPage(slug)}>{partnership.name}: funded tests</Link>
      </p>
      <PageHeader
        title={`${partnership.name}: stories`}
        lead="#PositivePartnerships: what working together across sectors has made possible, told by the people who did it."
      />

      <nav aria-label="Filter stories by theme" className="mb-8">
        <p className="mb-2 font-semibold">Show stories of</p>
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...STORY_THEMES].map((value) => {
            const current = value === theme;
            return (
              <li key={value ?? "all"}>
                <Link
                  href={value ? paths.publicStoriesOfTheme(slug, value) : here}
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
          {theme ? `Stories of ${STORY_THEME_LABELS[theme].toLowerCase()}` : "All stories"}
        </h2>
        {stories.length === 0 ? (
          <p>{theme ? "No stories with this theme have been published yet." : "No stories have been published here yet."}</p>
        ) : (
          <ul className="space-y-4">
            {stories.map((story) => (
              <li key={story.id} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-xl font-semibold">
                  <Link href={paths.publicStory(slug, story.id)}>{story.title}</Link>
                </h3>
                <p className="mt-1 text-sm text-slate-700">
                  {byline(story.author)} · <StoryDay at={story.publishedAt} />
                </p>
                {story.summary ? <p className="mt-2 max-w-prose [overflow-wrap:anywhere]">{story.summary}</p> : null}
                <div className="mt-3">
                  <ThemeTags themes={story.themes} label={`Themes of “${story.title}”`} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
