import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { cache } from "react";
import { StoryBody } from "@/components/stories/story-body";
import { byline, StoryDay, ThemeTags } from "@/components/stories/story-labels";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { publicStoryInput, type PublicStoryOutput } from "@/lib/schemas/stories";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; storyId: string }> };

/** Open to everyone; anything not published to the public page is simply not found. */
const loadPublicStory = cache(async (slug: string, storyId: string): Promise<PublicStoryOutput> => {
  paramOr404(partnershipSlug, slug);
  const input = paramOr404(publicStoryInput, { partnershipSlug: slug, storyId });
  const api = await getApi();
  return loadOr404(() => api.story.publicGet(input));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, storyId } = await params;
  const { story } = await loadPublicStory(slug, storyId);
  return { title: story.title };
}

export default async function PublicStoryPage({ params }: Props) {
  const { slug, storyId } = await params;
  const { partnership, story } = await loadPublicStory(slug, storyId);

  return (
    <>
      <p className="mb-4">
        <Link href={paths.publicStories(slug)}>{partnership.name}: all stories</Link>
      </p>
      <article aria-labelledby="story-title">
        <header className="mb-6">
          <h1 id="story-title" className="text-3xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere] sm:text-4xl">
            {story.title}
          </h1>
          <p className="mt-3 text-slate-700">
            By {byline(story.author)} · Published <StoryDay at={story.publishedAt} />
          </p>
          {story.summary ? <p className="mt-3 max-w-prose text-lg [overflow-wrap:anywhere]">{story.summary}</p> : null}
          <div className="mt-3">
            <ThemeTags themes={story.themes} />
          </div>
        </header>
        <StoryBody html={story.html} />
        {story.organisations.length > 0 || story.projects.length > 0 ? (
          <dl className="mt-8 max-w-prose space-y-3">
            {story.organisations.length > 0 ? (
              <div>
                <dt className="font-semibold">Organisations</dt>
                <dd>{story.organisations.join(", ")}</dd>
              </div>
            ) : null}
            {story.projects.length > 0 ? (
              <div>
                <dt className="font-semibold">Funded projects</dt>
                <dd>{story.projects.join(", ")}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </article>
    </>
  );
}
