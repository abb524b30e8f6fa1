import type { CommentOnStoryInput } from "@/lib/schemas/stories";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { displayName } from "@/server/domain/discussions/people";
import { excerpt } from "@/server/domain/discussions/mentions";
import { notify } from "@/server/domain/notifications/notify";
import { loadVisibleStory, type StoryAccess } from "./access";
import { storyTransition } from "./lifecycle";
import { paths } from "@/lib/paths";

export type StoryCommentView = {
  id: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string; organisationName: string | null };
};

/** "What do you think?": a reader's comment on a published story; its author is told. */
export async function commentOnStory(
  db: Database,
  actor: Actor,
  access: StoryAccess,
  input: CommentOnStoryInput,
  now = new Date(),
): Promise<StoryCommentView> {
  return db.$transaction(async (tx) => {
    const { story } = await loadVisibleStory(tx, access);
    storyTransition(story.status, "COMMENT");
    const body = input.body.trim();
    const comment = await tx.storyComment.create({
      data: { storyId: story.id, authorId: actor.userId, body, createdAt: now },
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true, organisation: { select: { name: true } } } } },
    });
    await notify(tx, {
      userIds: [story.authorId],
      actorId: actor.userId,
      partnershipId: story.partnershipId,
      kind: "STORY_COMMENT",
      title: `${displayName(actor)} commented on your story “${story.title}”`,
      body: excerpt(body),
      linkPath: `${paths.story(story.partnership.slug, story.id)}#comments`,
    });
    return {
      id: comment.id,
      body: comment.body,
      createdAt: comment.createdAt,
      author: { id: comment.author.id, name: displayName(comment.author), organisationName: comment.author.organisation?.name ?? null },
    };
  });
}
