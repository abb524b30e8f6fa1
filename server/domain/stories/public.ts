import { storyOwnImages } from "./images";
import { renderMarkdown } from "@/lib/markdown";
import type { PublicStoriesOutput, PublicStoryOutput } from "@/lib/schemas/stories";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { StoryTheme } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notFound } from "@/server/errors";
import { storySummary } from "./queries";

/**
 * Stories on a partnership's public page, for anyone, signed in or not. Only a published
 * story whose author chose to make it public appears, and only when the partnership
 * publishes its page at all. Each field is copied by hand into the allow-listed shape:
 * the author's display name and organisation, never an email, an id or a comment.
 */

/** Unknown and unpublished partnerships answer alike, so nobody can tell which exist. */
async function publishingPartnership(db: Database, slug: string) {
  const partnership = await db.partnership.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, publishesPortfolio: true },
  });
  if (!partnership?.publishesPortfolio) throw notFound();
  return partnership;
}

const publicWhere = (partnershipId: string): Prisma.StoryWhereInput => ({ partnershipId, status: "PUBLISHED", isPublic: true });

const summarySelect = {
  id: true,
  title: true,
  summary: true,
  body: true,
  themes: true,
  publishedAt: true,
  updatedAt: true,
  author: { select: { name: true, organisation: { select: { name: true } } } },
} as const satisfies Prisma.StorySelect;

function shapeSummary(row: Prisma.StoryGetPayload<{ select: typeof summarySelect }>) {
  return {
    id: row.id,
    title: row.title,
    summary: storySummary(row),
    themes: row.themes,
    publishedAt: row.publishedAt ?? row.updatedAt,
    author: { name: displayName(row.author), organisationName: row.author.organisation?.name ?? null },
  };
}

export async function publicStories(db: Database, slug: string, theme?: StoryTheme): Promise<PublicStoriesOutput> {
  const partnership = await publishingPartnership(db, slug);
  const rows = await db.story.findMany({
    where: { ...publicWhere(partnership.id), ...(theme ? { themes: { has: theme } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: summarySelect,
  });
  return { partnership: { name: partnership.name, slug: partnership.slug }, stories: rows.map(shapeSummary) };
}

export async function publicStory(db: Database, slug: string, storyId: string): Promise<PublicStoryOutput> {
  const partnership = await publishingPartnership(db, slug);
  const row = await db.story.findFirst({
    where: { id: storyId, ...publicWhere(partnership.id) },
    select: {
      ...summarySelect,
      organisations: { select: { organisation: { select: { name: true } } }, orderBy: { organisation: { name: "asc" } } },
      projects: {
        // A project's name is public only once its award is.
        where: { project: { award: { publishedAt: { not: null } } } },
        select: { project: { select: { name: true } } },
        orderBy: { project: { name: "asc" } },
      },
    },
  });
  if (!row) throw notFound("That story");
  return {
    partnership: { name: partnership.name, slug: partnership.slug },
    story: {
      ...shapeSummary(row),
      html: renderMarkdown(row.body, { ownImages: await storyOwnImages(db, row.id) }),
      organisations: row.organisations.map((link) => link.organisation.name),
      projects: row.projects.map((link) => link.project.name),
    },
  };
}
