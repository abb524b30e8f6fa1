import { storyOwnImages } from "./images";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown";
import type { ListStoriesInput } from "@/lib/schemas/stories";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { StoryModerationAction, StoryStatus, StoryTheme } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notFound } from "@/server/errors";
import { can } from "@/server/auth/can";
import type { StoryAccess } from "./access";
import type { StoryCommentView } from "./comments";
import { storyAllows } from "./lifecycle";

/** Reading stories inside a partnership. Markdown is rendered through the sanitiser on every read. */

export const SUMMARY_FALLBACK_LENGTH = 240;

const authorSelect = { id: true, name: true, organisation: { select: { name: true } } } as const;
type AuthorRow = { id: string; name: string | null; organisation: { name: string } | null };

export type StoryAuthorView = { id: string; name: string; organisationName: string | null };

export function shapeStoryAuthor(author: AuthorRow): StoryAuthorView {
  return { id: author.id, name: displayName(author), organisationName: author.organisation?.name ?? null };
}

/** The author's summary, or the opening words of the story when they wrote none. */
export function storySummary(story: { summary: string; body: string }): string {
  return story.summary.trim() || markdownToPlainText(story.body, SUMMARY_FALLBACK_LENGTH);
}

const listSelect = {
  id: true,
  title: true,
  summary: true,
  body: true,
  themes: true,
  status: true,
  isPublic: true,
  publishedAt: true,
  submittedAt: true,
  updatedAt: true,
  returnNote: true,
  version: true,
  authorId: true,
  _count: { select: { comments: true } },
} as const satisfies Prisma.StorySelect;

type StoryRow = Prisma.StoryGetPayload<{ select: typeof listSelect }>;
type ListRow = StoryRow & { author: AuthorRow; organisations: { organisation: { id: string; name: string } }[] };

/**
 * The stories' authors and linked organisations, for all of them in one statement (none at
 * all when there are no stories), rather than a statement per relation.
 */
async function withAuthorsAndOrganisations(db: Database, stories: StoryRow[]): Promise<ListRow[]> {
  if (stories.length === 0) return [];
  const named = await db.$queryRaw<{ id: string; authorName: string | null; authorOrganisationName: string | null; organisations: { id: string; name: string }[] }[]>`
    SELECT s."id", u."name" AS "authorName", o."name" AS "authorOrganisationName",
           COALESCE((SELECT json_agg(json_build_object('id', linked."id", 'name', linked."name") ORDER BY linked."name", linked."id")
                     FROM "StoryOrganisation" so JOIN "Organisation" linked ON linked."id" = so."organisationId"
                     WHERE so."storyId" = s."id"), '[]'::json) AS "organisations"
    FROM "Story" s
    JOIN "User" u ON u."id" = s."authorId"
    LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE s."id" = ANY(${stories.map((story) => story.id)}::text[])`;
  const byId = new Map(named.map((row) => [row.id, row]));
  return stories.map((story) => {
    const row = byId.get(story.id);
    return {
      ...story,
      author: {
        id: story.authorId,
        name: row?.authorName ?? null,
        organisation: row?.authorOrganisationName == null ? null : { name: row.authorOrganisationName },
      },
      organisations: (row?.organisations ?? []).map((organisation) => ({ organisation })),
    };
  });
}

export type StoryListItem = {
  id: string;
  title: string;
  summary: string;
  themes: StoryTheme[];
  status: StoryStatus;
  isPublic: boolean;
  publishedAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date;
  author: StoryAuthorView;
  organisations: { id: string; name: string }[];
  commentCount: number;
};

function shapeListItem(row: ListRow): StoryListItem {
  return {
    id: row.id,
    title: row.title,
    summary: storySummary(row),
    themes: row.themes,
    status: row.status,
    isPublic: row.isPublic,
    publishedAt: row.publishedAt,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    author: shapeStoryAuthor(row.author),
    organisations: row.organisations.map((link) => link.organisation),
    commentCount: row._count.comments,
  };
}

/** The partnership's published stories, newest first, a page at a time (cursor: the last id seen). */
export async function listStories(db: Database, membership: MembershipGrant, input: ListStoriesInput) {
  const rows = await db.story.findMany({
    where: {
      partnershipId: membership.partnershipId,
      status: "PUBLISHED",
      ...(input.theme ? { themes: { has: input.theme } } : {}),
      ...(input.projectId ? { projects: { some: { projectId: input.projectId } } } : {}),
      ...(input.organisationId ? { organisations: { some: { organisationId: input.organisationId } } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: listSelect,
  });
  const page = await withAuthorsAndOrganisations(db, rows.slice(0, input.limit));
  return { items: page.map(shapeListItem), nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}

export type MyStory = StoryListItem & { returnNote: string | null; version: number };

/** Everything the actor has written in this partnership, whatever its state, latest first. */
export async function myStories(db: Database, actor: Actor, membership: MembershipGrant): Promise<MyStory[]> {
  const rows = await db.story.findMany({
    where: { partnershipId: membership.partnershipId, authorId: actor.userId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: listSelect,
  });
  return (await withAuthorsAndOrganisations(db, rows)).map((row) => ({ ...shapeListItem(row), returnNote: row.returnNote, version: row.version }));
}

/** Stories waiting for an officer, the longest-waiting first. */
export async function moderationQueue(db: Database, membership: MembershipGrant): Promise<StoryListItem[]> {
  const rows = await db.story.findMany({
    where: { partnershipId: membership.partnershipId, status: "SUBMITTED" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: listSelect,
  });
  return (await withAuthorsAndOrganisations(db, rows)).map(shapeListItem);
}

/**
 * The partnership's organisations and funded projects a story may be linked to, and whether
 * the partnership has a public page (so the form can say what "public" means).
 */
export async function storyLinkOptions(db: Database, membership: MembershipGrant) {
  const [partnership, organisations, projects] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: membership.partnershipId }, select: { publishesPortfolio: true } }),
    db.partnershipOrganisation.findMany({
      where: { partnershipId: membership.partnershipId },
      orderBy: { organisation: { name: "asc" } },
      select: { organisation: { select: { id: true, name: true } } },
    }),
    db.fundedProject.findMany({
      where: { partnershipId: membership.partnershipId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    organisations: organisations.map((row) => row.organisation),
    projects,
    publishesPortfolio: partnership.publishesPortfolio,
  };
}

export type StoryModerationView = {
  action: StoryModerationAction;
  note: string | null;
  createdAt: Date;
  actorName: string;
};

export type StoryView = {
  id: string;
  partnership: { slug: string; name: string; publishesPortfolio: boolean };
  title: string;
  summary: string;
  /** The Markdown as written: only for the author, who edits it. */
  body: string | null;
  /** The story as sanitised HTML, rendered now. */
  html: string;
  themes: StoryTheme[];
  status: StoryStatus;
  isPublic: boolean;
  version: number;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  author: StoryAuthorView;
  organisations: { id: string; name: string }[];
  projects: { id: string; name: string }[];
  /** The officer's latest note to the author (author and officers only). */
  returnNote: string | null;
  moderation: StoryModerationView[];
  comments: StoryCommentView[];
  viewer: {
    isAuthor: boolean;
    /** Sees the moderation record and the officer's note (the author and those who moderate). */
    canSeeModeration: boolean;
    canEdit: boolean;
    canSubmit: boolean;
    canWithdraw: boolean;
    canPublish: boolean;
    canReturn: boolean;
    canUnpublish: boolean;
    canComment: boolean;
  };
};

/** One story, if the actor may see it (published, or theirs, or they are an officer); NOT_FOUND otherwise. */
export async function getStory(db: Database, access: StoryAccess): Promise<StoryView> {
  const { membership } = access;
  const story = await db.story.findFirst({
    where: { id: access.story.id, partnershipId: membership.partnershipId },
    select: {
      id: true,
      authorId: true,
      title: true,
      summary: true,
      body: true,
      themes: true,
      status: true,
      isPublic: true,
      version: true,
      returnNote: true,
      submittedAt: true,
      publishedAt: true,
      updatedAt: true,
      partnership: { select: { slug: true, name: true, publishesPortfolio: true } },
      author: { select: authorSelect },
      organisations: { select: { organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { name: "asc" } } },
      projects: { select: { project: { select: { id: true, name: true } } }, orderBy: { project: { name: "asc" } } },
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, author: { select: authorSelect } },
      },
      moderation: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { action: true, note: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!story) throw notFound("That story");
  const isAuthor = access.story.isAuthor;
  const canModerate = can("story.moderate", access);
  const insider = isAuthor || canModerate;
  return {
    id: story.id,
    partnership: story.partnership,
    title: story.title,
    summary: story.summary,
    body: isAuthor ? story.body : null,
    html: renderMarkdown(story.body, { ownImages: await storyOwnImages(db, story.id) }),
    themes: story.themes,
    status: story.status,
    isPublic: story.isPublic,
    version: story.version,
    submittedAt: story.submittedAt,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    author: shapeStoryAuthor(story.author),
    organisations: story.organisations.map((link) => link.organisation),
    projects: story.projects.map((link) => link.project),
    returnNote: insider ? story.returnNote : null,
    moderation: insider
      ? story.moderation.map((row) => ({ action: row.action, note: row.note, createdAt: row.createdAt, actorName: displayName(row.actor) }))
      : [],
    comments: story.comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      createdAt: comment.createdAt,
      author: shapeStoryAuthor(comment.author),
    })),
    viewer: {
      isAuthor,
      canSeeModeration: insider,
      canEdit: can("story.update", access) && storyAllows(story.status, "EDIT"),
      canSubmit: can("story.submit", access) && storyAllows(story.status, "SUBMIT"),
      canWithdraw: can("story.withdraw", access) && storyAllows(story.status, "WITHDRAW"),
      canPublish: canModerate && storyAllows(story.status, "PUBLISH"),
      canReturn: canModerate && storyAllows(story.status, "RETURN"),
      canUnpublish: canModerate && storyAllows(story.status, "UNPUBLISH"),
      canComment: can("story.comment", access) && storyAllows(story.status, "COMMENT"),
    },
  };
}
