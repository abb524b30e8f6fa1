import type { ModerateStoryInput } from "@/lib/schemas/stories";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { StoryStatus } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { excerpt } from "@/server/domain/discussions/mentions";
import { notify } from "@/server/domain/notifications/notify";
import { AppError } from "@/server/errors";
import { loadOwnStory, loadVisibleStory, type StoryAccess, type StoryCore } from "./access";
import { checkImagesDescribed } from "./authoring";
import { MODERATION_RECORD, storyTransition, type StoryAction } from "./lifecycle";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

export type MovedStory = { id: string; status: StoryStatus };

/**
 * Moves a locked story on and adds the line to its moderation record (append-only: rows
 * are added, never changed). The status in the WHERE clause makes a move that lost a race
 * fail loudly rather than apply twice.
 */
async function move(
  tx: Tx,
  actor: Actor,
  story: StoryCore,
  action: StoryAction,
  data: Prisma.StoryUpdateManyMutationInput,
  note: string | null = null,
): Promise<MovedStory> {
  const to = storyTransition(story.status, action);
  const moved = await tx.story.updateMany({ where: { id: story.id, status: story.status }, data: { ...data, status: to } });
  if (moved.count !== 1) throw new AppError("CONFLICT", "This story changed while you were looking at it. Reload the page to see where it is now.");
  const record = MODERATION_RECORD[action];
  if (record) await tx.storyModeration.create({ data: { storyId: story.id, actorId: actor.userId, action: record, note } });
  return { id: story.id, status: to };
}

/** A story is ready for an officer once it is tagged and every image is described. */
function checkReadyToSubmit(story: StoryCore): void {
  const fieldErrors: Record<string, string[]> = {};
  if (!story.title.trim()) fieldErrors.title = ["Enter a title for your story"];
  if (!story.body.trim()) fieldErrors.body = ["Write your story: it cannot be empty"];
  if (story.themes.length === 0) fieldErrors.themes = ["Choose at least one theme the story shows"];
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("BAD_REQUEST", "This story is not ready to submit yet. Your draft is saved.", fieldErrors);
  }
  checkImagesDescribed(story.body);
}

/** The author asks for their story to be published; the partnership's officers are told. */
export async function submitStory(
  db: Database,
  actor: Actor,
  access: StoryAccess,
  now = new Date(),
): Promise<MovedStory> {
  return db.$transaction(async (tx) => {
    const story = await loadOwnStory(tx, access);
    storyTransition(story.status, "SUBMIT");
    checkReadyToSubmit(story);
    const moved = await move(tx, actor, story, "SUBMIT", { submittedAt: now });
    const officers = await tx.membership.findMany({
      where: { partnershipId: story.partnershipId, role: "OFFICER" },
      select: { userId: true },
    });
    await notify(tx, {
      userIds: officers.map((officer) => officer.userId),
      actorId: actor.userId,
      partnershipId: story.partnershipId,
      kind: "STORY_SUBMITTED",
      title: `${displayName(actor)} submitted a story for publishing: “${story.title}”`,
      body: "Read it, then publish it or return it with a note.",
      linkPath: paths.story(story.partnership.slug, story.id),
    });
    return moved;
  });
}

/** The author takes their story back for good; a published story leaves every page at once. */
export async function withdrawStory(db: Database, actor: Actor, access: StoryAccess): Promise<MovedStory> {
  return db.$transaction(async (tx) => {
    const story = await loadOwnStory(tx, access);
    return move(tx, actor, story, "WITHDRAW", {});
  });
}

const MODERATION_NOTICE: Readonly<Record<ModerateStoryInput["action"], (title: string) => string>> = {
  PUBLISH: (title) => `Your story “${title}” has been published`,
  RETURN: (title) => `Your story “${title}” has been returned to you for changes`,
  UNPUBLISH: (title) => `Your story “${title}” has been unpublished and returned to you`,
};

/**
 * An officer publishes a submitted story, returns it to its author with a note, or
 * unpublishes a published one (back to the author, with a note). The note is kept in the
 * moderation record and, for a return, on the story for the author to act on. The author
 * is told either way.
 */
export async function moderateStory(
  db: Database,
  actor: Actor,
  access: StoryAccess,
  input: ModerateStoryInput,
  now = new Date(),
): Promise<MovedStory> {
  const note = input.note.trim();
  if (input.action !== "PUBLISH" && !note) {
    throw new AppError("BAD_REQUEST", "Tell the author what to change.", { note: ["Tell the author what to change"] });
  }
  return db.$transaction(async (tx) => {
    const { story } = await loadVisibleStory(tx, access, { lock: true });
    const data: Prisma.StoryUpdateManyMutationInput =
      input.action === "PUBLISH" ? { publishedAt: now, returnNote: null } : { returnNote: note, publishedAt: null };
    if (input.action === "PUBLISH") checkImagesDescribed(story.body);
    const moved = await move(tx, actor, story, input.action, data, note || null);
    await notify(tx, {
      userIds: [story.authorId],
      actorId: actor.userId,
      partnershipId: story.partnershipId,
      kind: "STORY_MODERATED",
      title: MODERATION_NOTICE[input.action](story.title),
      body: note ? excerpt(note) : null,
      linkPath: paths.story(story.partnership.slug, story.id),
    });
    return moved;
  });
}
