import { can } from "@/server/auth/can";
import type { MemberGrant, StoryGrant } from "@/server/auth/grants";
import type { Prisma } from "@/server/db/generated/client";
import { notFound } from "@/server/errors";

/**
 * Who may see and change a story is decided by the policy (server/auth/rules.ts): a
 * published story is read by the whole partnership; until then only its author and the
 * partnership's officers see it, and anyone else is told it does not exist. Only its author
 * changes, submits or withdraws it; officers moderate.
 */

type Reader = Pick<Prisma.TransactionClient, "story">;

/** What the policy proved about the actor and the story the input names (ctx.grant). */
export type StoryAccess = MemberGrant & { story: StoryGrant };

const storyCore = {
  id: true,
  partnershipId: true,
  authorId: true,
  title: true,
  status: true,
  version: true,
  body: true,
  themes: true,
  partnership: { select: { slug: true } },
} as const;

export type StoryCore = Prisma.StoryGetPayload<{ select: typeof storyCore }>;

/**
 * The story the policy let the actor at, locked for the rest of the transaction when `lock`
 * (so two moderators or two tabs act one after another). Seen again after the lock: a story
 * unpublished in the meantime is no longer there for someone who may not see drafts.
 */
export async function loadVisibleStory(
  tx: Reader & Pick<Prisma.TransactionClient, "$queryRaw">,
  access: StoryAccess,
  options: { lock?: boolean } = {},
): Promise<{ story: StoryCore; access: StoryAccess }> {
  if (options.lock) await tx.$queryRaw`SELECT 1 FROM "Story" WHERE "id" = ${access.story.id} FOR UPDATE`;
  const story = await tx.story.findFirst({
    where: { id: access.story.id, partnershipId: access.membership.partnershipId },
    select: storyCore,
  });
  if (!story) throw notFound("That story");
  const now: StoryAccess = { ...access, story: { ...access.story, status: story.status } };
  if (!can("story.get", now)) throw notFound("That story");
  return { story, access: now };
}

/** As loadVisibleStory, locked, for what only the author may do (the policy proved authorship). */
export async function loadOwnStory(
  tx: Reader & Pick<Prisma.TransactionClient, "$queryRaw">,
  access: StoryAccess,
): Promise<StoryCore> {
  const { story } = await loadVisibleStory(tx, access, { lock: true });
  return story;
}
