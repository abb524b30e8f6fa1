import type { MembershipGrant } from "@/server/auth/policy";
import type { Actor } from "@/server/auth/session";
import type { Prisma } from "@/server/db/generated/client";
import type { StoryStatus } from "@/server/db/generated/enums";
import { notAllowed, notFound } from "@/server/errors";

/**
 * Who may see and change a story, beyond what the policy proved (membership of the
 * story's partnership with a role). A published story is read by the whole partnership;
 * until then it is seen only by its author and the partnership's officers, and anyone
 * else is told it does not exist. Only its author changes, submits or withdraws it.
 */

type Reader = Pick<Prisma.TransactionClient, "story">;

export type StoryViewer = { isAuthor: boolean; isOfficer: boolean };

export function viewerOf(actor: Actor, membership: MembershipGrant, story: { authorId: string }): StoryViewer {
  return { isAuthor: story.authorId === actor.userId, isOfficer: membership.role === "OFFICER" };
}

export function canSee(viewer: StoryViewer, status: StoryStatus): boolean {
  return status === "PUBLISHED" || viewer.isAuthor || viewer.isOfficer;
}

/** Observers read what is published; they take no active part. */
export function canTakePart(membership: MembershipGrant): boolean {
  return membership.role !== "OBSERVER";
}

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
 * The story, locked for the rest of the transaction when `lock` (so two moderators or two
 * tabs act one after another), if the actor may see it; otherwise NOT_FOUND.
 */
export async function loadVisibleStory(
  tx: Reader & Pick<Prisma.TransactionClient, "$queryRaw">,
  actor: Actor,
  membership: MembershipGrant,
  storyId: string,
  options: { lock?: boolean } = {},
): Promise<{ story: StoryCore; viewer: StoryViewer }> {
  if (options.lock) await tx.$queryRaw`SELECT 1 FROM "Story" WHERE "id" = ${storyId} FOR UPDATE`;
  const story = await tx.story.findFirst({
    where: { id: storyId, partnershipId: membership.partnershipId },
    select: storyCore,
  });
  if (!story) throw notFound("That story");
  const viewer = viewerOf(actor, membership, story);
  if (!canSee(viewer, story.status)) throw notFound("That story");
  return { story, viewer };
}

/** As loadVisibleStory, for what only the author may do. */
export async function loadOwnStory(
  tx: Reader & Pick<Prisma.TransactionClient, "$queryRaw">,
  actor: Actor,
  membership: MembershipGrant,
  storyId: string,
  action: string,
): Promise<StoryCore> {
  const { story, viewer } = await loadVisibleStory(tx, actor, membership, storyId, { lock: true });
  if (!viewer.isAuthor) throw notAllowed(action);
  return story;
}
