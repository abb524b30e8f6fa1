import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";
import type { LoadedDiscussionSpace } from "@/server/pages/discussions";
import { ActivityList } from "./activity-list";
import { AuthorLine } from "./author-line";
import { PostComposer } from "./post-composer";
import { TimeStamp } from "./time-stamp";

/** The sub-group's conversations, most recently active first, and (for those who may post) where to start one. */
export function ThreadsSection({ slug, space }: { slug: string; space: LoadedDiscussionSpace }) {
  const { subGroup, threads, viewer } = space;
  return (
    <>
      <Section id="threads-heading" title="Conversations">
        {threads.length === 0 ? (
          <p className="text-slate-700">No conversations yet.{viewer.canPost ? " Start the first one below." : ""}</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {threads.map((thread) => (
              <li key={thread.id} className="py-3">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={paths.discussion(slug, subGroup.id, thread.id)}>{thread.title}</Link>
                </h3>
                <AuthorLine author={thread.author} date={thread.createdAt} verb="Started by" />
                <p className="text-sm text-slate-700">
                  {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"} · Last activity{" "}
                  <TimeStamp date={thread.lastActivityAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {viewer.canPost ? (
        <Section id="start-heading" title="Start a conversation">
          <PostComposer mode="thread" subGroupId={subGroup.id} />
        </Section>
      ) : null}
    </>
  );
}

type ActivityPage = { items: Parameters<typeof ActivityList>[0]["items"]; nextCursor: string | null };

/** What has happened in the sub-group lately, a page at a time. */
export function ActivitySection({
  slug,
  groupId,
  activity,
  cursor,
}: {
  slug: string;
  groupId: string;
  activity: { page: ActivityPage; stale: boolean };
  cursor: string | undefined;
}) {
  return (
    <Section id="activity-heading" title={cursor && !activity.stale ? "Earlier activity" : "Recent activity"}>
      {activity.stale ? <p className="text-slate-700">The feed has changed, so here is the newest activity.</p> : null}
      <ActivityList items={activity.page.items} />
      <nav aria-label="Activity pages" className="mt-3 flex flex-wrap gap-4">
        {cursor ? <Link href={paths.subGroupActivity(slug, groupId)}>Newest activity</Link> : null}
        {activity.page.nextCursor ? <Link href={paths.subGroupActivity(slug, groupId, activity.page.nextCursor)}>Older activity</Link> : null}
      </nav>
    </Section>
  );
}
