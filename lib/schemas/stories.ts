import { z } from "zod";
import { STORY_THEMES } from "@/lib/story-themes";
import { partnershipSlug } from "./partnership";
import { id, multiLine, singleLine } from "./text";

/** Story inputs, shared by the API and the forms that send them. */

export const STORY_TITLE_MAX = 200;
export const STORY_SUMMARY_MAX = 500;
export const STORY_BODY_MAX = 20_000;
export const STORY_COMMENT_MAX = 2_000;
export const MODERATION_NOTE_MAX = 2_000;
export const STORY_LINKS_MAX = 20;

const count = (n: number) => n.toLocaleString("en-GB");

export const storyTheme = z.enum(STORY_THEMES, { error: "Choose one of the campaign's themes" });

const storyTitle = singleLine({ error: "Enter a title for your story" })
  .min(1, "Enter a title for your story")
  .max(STORY_TITLE_MAX, `Use ${count(STORY_TITLE_MAX)} characters or fewer for the title`);

/** Markdown, kept as typed (leading spaces can matter), but never blank. */
const storyBody = multiLine({ trim: false, error: "Write your story" })
  .refine((body) => body.trim().length > 0, "Write your story: it cannot be empty")
  .refine(
    (body) => body.length <= STORY_BODY_MAX,
    {
      error: (issue) =>
        `Your story is ${count(String(issue.input).length)} characters long: use ${count(STORY_BODY_MAX)} characters or fewer`,
    },
  );

const storyContent = {
  title: storyTitle,
  summary: multiLine()
    .max(STORY_SUMMARY_MAX, `Use ${count(STORY_SUMMARY_MAX)} characters or fewer for the summary`)
    .default(""),
  body: storyBody,
  themes: z
    .array(storyTheme)
    .max(STORY_THEMES.length)
    .default([])
    .transform((themes) => [...new Set(themes)]),
  /** The author's choice to show the story on the partnership's public page once published. */
  isPublic: z.boolean().default(false),
  organisationIds: z
    .array(id)
    .max(STORY_LINKS_MAX, `Link ${STORY_LINKS_MAX} organisations or fewer`)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  projectIds: z
    .array(id)
    .max(STORY_LINKS_MAX, `Link ${STORY_LINKS_MAX} projects or fewer`)
    .default([])
    .transform((ids) => [...new Set(ids)]),
};

export const createStoryInput = z.object({ partnershipSlug, ...storyContent });
export type CreateStoryInput = z.infer<typeof createStoryInput>;

export const updateStoryInput = z.object({
  storyId: id,
  /** The version the author started editing from: a save over a newer one is refused. */
  version: z.number().int().min(1),
  ...storyContent,
});
export type UpdateStoryInput = z.infer<typeof updateStoryInput>;

/** What a story says, whichever way it is saved. */
export type StoryContentInput = Omit<CreateStoryInput, "partnershipSlug">;

export const storyRefInput = z.object({ storyId: id });
export type StoryRefInput = z.infer<typeof storyRefInput>;

export const listStoriesInput = z.object({
  partnershipSlug,
  theme: storyTheme.optional(),
  /** Only stories linked to this funded project. */
  projectId: id.optional(),
  /** Only stories linked to this organisation. */
  organisationId: id.optional(),
  /** The id of the last story of the previous page. */
  cursor: id.optional(),
  limit: z.number().int().min(1).max(50).default(12),
});
export type ListStoriesInput = z.infer<typeof listStoriesInput>;

export const moderationActions = ["PUBLISH", "RETURN", "UNPUBLISH"] as const;
export type ModerationActionInput = (typeof moderationActions)[number];

export const moderateStoryInput = z
  .object({
    storyId: id,
    action: z.enum(moderationActions, { error: "Choose to publish the story or return it" }),
    note: multiLine().max(MODERATION_NOTE_MAX, `Use ${count(MODERATION_NOTE_MAX)} characters or fewer`).default(""),
  })
  .refine((input) => input.action === "PUBLISH" || input.note.length > 0, {
    message: "Tell the author what to change",
    path: ["note"],
  });
export type ModerateStoryInput = z.infer<typeof moderateStoryInput>;

export const commentOnStoryInput = z.object({
  storyId: id,
  body: multiLine()
    .min(1, "Write your comment")
    .max(STORY_COMMENT_MAX, `Use ${count(STORY_COMMENT_MAX)} characters or fewer`),
});
export type CommentOnStoryInput = z.infer<typeof commentOnStoryInput>;

export const publicStoriesInput = z.object({ partnershipSlug, theme: storyTheme.optional() });
export type PublicStoriesInput = z.infer<typeof publicStoriesInput>;

export const publicStoryInput = z.object({ partnershipSlug, storyId: id });
export type PublicStoryInput = z.infer<typeof publicStoryInput>;

/**
 * What the public story pages may show, and nothing more: the router's `.output()` strips
 * anything else. Of people, only the author's display name and organisation leave.
 */
const publicAuthor = z.object({ name: z.string(), organisationName: z.string().nullable() });
const publicPartnership = z.object({ name: z.string(), slug: z.string() });

export const publicStorySummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  themes: z.array(storyTheme),
  publishedAt: z.date(),
  author: publicAuthor,
});
export type PublicStorySummary = z.infer<typeof publicStorySummary>;

export const publicStoriesOutput = z.object({
  partnership: publicPartnership,
  stories: z.array(publicStorySummary),
});
export type PublicStoriesOutput = z.infer<typeof publicStoriesOutput>;

export const publicStoryOutput = z.object({
  partnership: publicPartnership,
  story: publicStorySummary.extend({
    /** Sanitised HTML, rendered on this read. */
    html: z.string(),
    /** Names only: organisations linked to the story, and funded projects whose award is published. */
    organisations: z.array(z.string()),
    projects: z.array(z.string()),
  }),
});
export type PublicStoryOutput = z.infer<typeof publicStoryOutput>;
