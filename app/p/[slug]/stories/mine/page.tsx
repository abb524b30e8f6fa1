import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { Link } from "@/components/ui/link";
import { loadViewer } from "@/server/pages/stories";
import { StoriesNav } from "@/components/stories/stories-nav";
import { StoryList } from "@/components/stories/story-list";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";
import type { MyStory } from "@/server/domain/stories/queries";

export const metadata: Metadata = { title: "Your stories" };
export const dynamic = "force-dynamic";

const GROUPS: { key: string; title: string; lead: string; match: (story: MyStory) => boolean }[] = [
  {
    key: "returned",
    title: "Returned to you",
    lead: "An officer has asked for changes: read their note, edit the story and submit it again.",
    match: (story) => story.status === "RETURNED",
  },
  { key: "drafts", title: "Drafts", lead: "Only you and the partnership's officers can see these.", match: (story) => story.status === "DRAFT" },
  {
    key: "waiting",
    title: "Waiting for an officer",
    lead: "Submitted for publishing. You will be told when an officer has read it.",
    match: (story) => story.status === "SUBMITTED",
  },
  { key: "published", title: "Published", lead: "Everyone in the partnership can read these.", match: (story) => story.status === "PUBLISHED" },
  { key: "withdrawn", title: "Withdrawn", lead: "Stories you took back.", match: (story) => story.status === "WITHDRAWN" },
];

/** Everything the viewer has written here, grouped by where it stands. */
export default async function MyStoriesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await loadViewer(slug, paths.myStories(slug));
  const api = await getApi();
  const mine = !viewer.canWriteStories ? [] : await api.story.mine({ partnershipSlug: slug });

  return (
    <>
      <PageHeader title="Your stories" />
      <StoriesNav slug={slug} viewer={viewer} current="mine" />
      {mine.length === 0 ? (
        <p>
          You have not written any stories here yet.{" "}
          {viewer.canWriteStories ? <Link href={paths.newStory(slug)}>Write a story</Link> : null}
        </p>
      ) : (
        <div className="space-y-10">
          {GROUPS.map((group) => {
            const items = mine.filter(group.match);
            if (items.length === 0) return null;
            return (
              <section key={group.key} aria-labelledby={`${group.key}-heading`}>
                <h2 id={`${group.key}-heading`} className="text-2xl font-semibold">
                  {group.title} ({items.length})
                </h2>
                <p className="mb-3 text-slate-700">{group.lead}</p>
                <StoryList slug={slug} items={items} showStatus headingLevel={3} />
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
