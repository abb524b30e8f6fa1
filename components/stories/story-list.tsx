import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import type { StoryListItem } from "@/server/domain/stories/queries";
import { byline, StoryDay, StoryStatusTag, ThemeTags } from "./story-labels";

/** Stories as a list of cards: title (the link), summary, byline, themes and comment count. */
export function StoryList({
  slug,
  items,
  showStatus = false,
  headingLevel = 2,
}: {
  slug: string;
  items: readonly (StoryListItem & { returnNote?: string | null })[];
  showStatus?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="space-y-4">
      {items.map((story) => (
        <li key={story.id} className="rounded-md border border-slate-300 p-4">
          <Heading className="text-xl font-semibold">
            <Link href={paths.story(slug, story.id)}>{story.title}</Link>
          </Heading>
          <p className="mt-1 text-sm text-slate-700">
            {byline(story.author)}
            {story.publishedAt ? (
              <>
                {" · "}Published <StoryDay at={story.publishedAt} />
              </>
            ) : story.status === "SUBMITTED" && story.submittedAt ? (
              <>
                {" · "}Submitted <StoryDay at={story.submittedAt} />
              </>
            ) : (
              <>
                {" · "}Last saved <StoryDay at={story.updatedAt} />
              </>
            )}
          </p>
          {showStatus ? (
            <p className="mt-2">
              <StoryStatusTag status={story.status} />
            </p>
          ) : null}
          {story.summary ? <p className="mt-2 max-w-prose [overflow-wrap:anywhere]">{story.summary}</p> : null}
          {story.returnNote && story.status === "RETURNED" ? (
            <p className="mt-2 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-2 whitespace-pre-line">
              <span className="font-semibold">Officer&rsquo;s note: </span>
              {story.returnNote}
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <ThemeTags themes={story.themes} label={`Themes of “${story.title}”`} />
            {story.status === "PUBLISHED" ? (
              <span className="text-sm text-slate-700">
                {story.commentCount === 1 ? "1 comment" : `${story.commentCount} comments`}
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
