import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { notFound } from "next/navigation";
import { loadViewer } from "@/server/pages/stories";
import { StoriesNav } from "@/components/stories/stories-nav";
import { StoryList } from "@/components/stories/story-list";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Stories waiting for moderation" };
export const dynamic = "force-dynamic";

/** Officers: stories submitted for publishing, the longest-waiting first. */
export default async function ModerationQueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await loadViewer(slug, paths.storyModeration(slug));
  if (!viewer.canModerateStories) notFound();
  const api = await getApi();
  const queue = await api.story.moderationQueue({ partnershipSlug: slug });

  return (
    <>
      <PageHeader
        title="Stories waiting for moderation"
        lead="Read each story, then publish it or return it to its author with a note saying what to change."
      />
      <StoriesNav slug={slug} viewer={viewer} current="moderation" />
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="mb-4 text-2xl font-semibold">
          {queue.length === 1 ? "1 story waiting" : `${queue.length} stories waiting`}
        </h2>
        {queue.length === 0 ? <p>Nothing is waiting. Well done.</p> : <StoryList slug={slug} items={queue} headingLevel={3} />}
      </section>
    </>
  );
}
