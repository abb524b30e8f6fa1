import { imagesMissingAlt, renderMarkdown } from "@/lib/markdown";
import { STORY_BODY_MAX, type CreateStoryInput, type StoryContentInput, type UpdateStoryInput } from "@/lib/schemas/stories";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { violatedCheckConstraint } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { loadOwnStory, type StoryAccess } from "./access";
import { storyOwnImages } from "./images";
import { storyTransition } from "./lifecycle";

type Tx = Prisma.TransactionClient;

export const STALE_VERSION_MESSAGE =
  "This story has been saved somewhere else (perhaps in another tab) since you opened it. Copy your changes, reload the page and try again.";

/** Refuses images a screen reader could not describe, naming each one. */
export function checkImagesDescribed(body: string): void {
  const missing = imagesMissingAlt(body);
  if (missing.length === 0) return;
  const list = missing.join(", ");
  const message =
    missing.length === 1
      ? `Add alt text to this image, describing it for people who cannot see it: ${list}`
      : `Add alt text to these ${missing.length} images, describing each for people who cannot see it: ${list}`;
  throw new AppError("BAD_REQUEST", message, {
    body: [`${message}. Write the description between the square brackets, like ![Volunteers at the café](${missing[0]}).`],
  });
}

/** A story links only to its own partnership's organisations and funded projects. */
async function checkLinks(tx: Tx, partnershipId: string, content: StoryContentInput): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (content.organisationIds.length > 0) {
    const found = await tx.partnershipOrganisation.count({
      where: { partnershipId, organisationId: { in: content.organisationIds } },
    });
    if (found !== content.organisationIds.length) fieldErrors.organisationIds = ["Choose organisations from this partnership's list"];
  }
  if (content.projectIds.length > 0) {
    const found = await tx.fundedProject.count({ where: { partnershipId, id: { in: content.projectIds } } });
    if (found !== content.projectIds.length) fieldErrors.projectIds = ["Choose funded projects from this partnership's list"];
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("BAD_REQUEST", "Check the organisations and projects the story is linked to.", fieldErrors);
  }
}

/** The checks a story's words must pass on every save (the form's schema has checked the rest). */
function checkContent(content: StoryContentInput): void {
  const fieldErrors: Record<string, string[]> = {};
  if (!content.title.trim()) fieldErrors.title = ["Enter a title for your story"];
  if (!content.body.trim()) fieldErrors.body = ["Write your story: it cannot be empty"];
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("BAD_REQUEST", "A story needs a title and some words before it can be saved.", fieldErrors);
  }
  checkImagesDescribed(content.body);
}

/** The database's own limits, as the author should hear about them. */
function explainRefusal(error: unknown): never {
  const constraint = violatedCheckConstraint(error);
  if (constraint === "Story_body_length") {
    const message = `Your story is too long: use ${STORY_BODY_MAX.toLocaleString("en-GB")} characters or fewer.`;
    throw new AppError("BAD_REQUEST", message, { body: [message] });
  }
  if (constraint === "Story_title_present") {
    throw new AppError("BAD_REQUEST", "Enter a title for your story.", { title: ["Enter a title for your story"] });
  }
  throw error;
}

function storyFields(content: StoryContentInput) {
  return {
    title: content.title.trim(),
    summary: content.summary.trim(),
    body: content.body,
    themes: content.themes,
    isPublic: content.isPublic,
  };
}

async function replaceLinks(tx: Tx, storyId: string, content: StoryContentInput) {
  await tx.storyOrganisation.deleteMany({ where: { storyId } });
  await tx.storyProject.deleteMany({ where: { storyId } });
  if (content.organisationIds.length > 0) {
    await tx.storyOrganisation.createMany({ data: content.organisationIds.map((organisationId) => ({ storyId, organisationId })) });
  }
  if (content.projectIds.length > 0) {
    await tx.storyProject.createMany({ data: content.projectIds.map((projectId) => ({ storyId, projectId })) });
  }
}

export type SavedStory = { id: string; version: number; status: string; html: string };

/** A new draft story by the actor, in the partnership the policy proved they belong to. */
export async function createStory(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: StoryContentInput | CreateStoryInput,
): Promise<SavedStory> {
  checkContent(input);
  try {
    return await db.$transaction(async (tx) => {
      await checkLinks(tx, membership.partnershipId, input);
      const story = await tx.story.create({
        data: { ...storyFields(input), partnershipId: membership.partnershipId, authorId: actor.userId },
        select: { id: true, version: true, status: true, body: true },
      });
      await replaceLinks(tx, story.id, input);
      return { id: story.id, version: story.version, status: story.status, html: renderMarkdown(story.body, { ownImages: await storyOwnImages(tx, story.id) }) };
    });
  } catch (error) {
    explainRefusal(error);
  }
}

/**
 * Saves the author's changes to a draft or returned story. The save names the version it
 * was based on: if the story was saved since (another tab), it is refused, not overwritten.
 */
export async function updateStory(
  db: Database,
  actor: Actor,
  access: StoryAccess,
  input: UpdateStoryInput,
): Promise<SavedStory> {
  const { membership } = access;
  checkContent(input);
  try {
    return await db.$transaction(async (tx) => {
      const story = await loadOwnStory(tx, access);
      storyTransition(story.status, "EDIT");
      if (story.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
      await checkLinks(tx, membership.partnershipId, input);
      const saved = await tx.story.updateMany({
        where: { id: story.id, version: input.version, status: story.status },
        data: { ...storyFields(input), version: { increment: 1 } },
      });
      if (saved.count !== 1) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
      await replaceLinks(tx, story.id, input);
      return { id: story.id, version: input.version + 1, status: story.status, html: renderMarkdown(input.body, { ownImages: await storyOwnImages(tx, story.id) }) };
    });
  } catch (error) {
    explainRefusal(error);
  }
}
