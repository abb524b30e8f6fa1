import { Section } from "@/components/ui/section";
import type { LoadedDiscussionThread } from "@/server/pages/discussions";
import { AuthorLine } from "./author-line";
import { PostBody } from "./post-body";
import { PostComposer } from "./post-composer";

/** The replies to a conversation, oldest first; each can take focus, so a new reply is where focus lands. */
export function RepliesSection({ replies }: { replies: LoadedDiscussionThread["replies"] }) {
  return (
    <Section id="replies-heading" title={replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}>
      {replies.length > 0 ? (
        <ol className="space-y-4">
          {replies.map((reply) => (
            <li key={reply.id} id={`reply-${reply.id}`} tabIndex={-1} className="rounded-lg border border-slate-300 p-4">
              <article aria-label={`Reply by ${reply.author.name}`}>
                <AuthorLine author={reply.author} date={reply.createdAt} />
                <div className="mt-2">
                  <PostBody segments={reply.bodySegments} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

/** Where a member replies, or why nobody can any more. */
export function ReplySection({ view }: { view: LoadedDiscussionThread }) {
  if (view.viewer.canReply) {
    return (
      <Section id="reply-heading" title="Reply">
        <PostComposer mode="reply" subGroupId={view.subGroup.id} threadId={view.thread.id} />
      </Section>
    );
  }
  if (view.subGroup.archived) {
    return (
      <p className="mt-10 rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
        This sub-group has been archived, so no more replies can be added.
      </p>
    );
  }
  return null;
}
