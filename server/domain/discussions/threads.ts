import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { notify } from "@/server/domain/notifications/notify";
import { notFound } from "@/server/errors";
import { can } from "@/server/auth/can";
import { loadWritableSubGroup, type SubGroupAccess } from "./access";
import { mentionCandidates, partnershipMembersAmong } from "./mentionable";
import { excerpt, segmentMentions } from "./mentions";
import { listNotes } from "./notes";
import { authorSelect, displayName, shapeAuthor } from "./people";
import { paths } from "@/lib/paths";

export type StartThreadInput = { title: string; body: string; mentionUserIds: string[] };
export type ReplyInput = { threadId: string; body: string; mentionUserIds: string[] };

/** The sub-group space: its conversations by last activity, and its notes (pinned first). */
export async function listThreads(db: Database, access: SubGroupAccess) {
  const subGroupId = access.subGroup.id;
  const [subGroup, threads, notes] = await Promise.all([
    db.subGroup.findUniqueOrThrow({
      where: { id: subGroupId },
      select: { id: true, name: true, archivedAt: true, partnership: { select: { slug: true } } },
    }),
    db.thread.findMany({
      where: { subGroupId },
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        title: true,
        createdAt: true,
        lastActivityAt: true,
        author: { select: authorSelect },
        _count: { select: { replies: true } },
      },
    }),
    listNotes(db, subGroupId),
  ]);
  const archived = subGroup.archivedAt !== null;
  return {
    subGroup: { id: subGroup.id, name: subGroup.name, archived, partnershipSlug: subGroup.partnership.slug },
    viewer: {
      canPost: !archived && can("discussion.startThread", access),
      canManageNotes: !archived && can("discussion.addNote", access),
    },
    threads: threads.map((thread) => ({
      id: thread.id,
      title: thread.title,
      author: shapeAuthor(thread.author),
      replyCount: thread._count.replies,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
    })),
    notes,
  };
}

/** One conversation with its replies in the order they were posted. */
export async function getThread(db: Database, access: SubGroupAccess, threadId: string) {
  const thread = await db.thread.findFirst({
    where: { id: threadId, subGroupId: access.subGroup.id },
    select: {
      id: true,
      title: true,
      body: true,
      createdAt: true,
      lastActivityAt: true,
      author: { select: authorSelect },
      subGroup: { select: { id: true, name: true, archivedAt: true, partnership: { select: { slug: true } } } },
      replies: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, author: { select: authorSelect } },
      },
    },
  });
  if (!thread) throw notFound("That conversation");
  const people = await mentionCandidates(db, access.subGroup.partnershipId);
  const archived = thread.subGroup.archivedAt !== null;
  return {
    subGroup: {
      id: thread.subGroup.id,
      name: thread.subGroup.name,
      archived,
      partnershipSlug: thread.subGroup.partnership.slug,
    },
    viewer: { canReply: !archived && can("discussion.reply", access) },
    thread: {
      id: thread.id,
      title: thread.title,
      body: thread.body,
      bodySegments: segmentMentions(thread.body, people),
      author: shapeAuthor(thread.author),
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
    },
    replies: thread.replies.map((reply) => ({
      id: reply.id,
      body: reply.body,
      bodySegments: segmentMentions(reply.body, people),
      author: shapeAuthor(reply.author),
      createdAt: reply.createdAt,
    })),
  };
}

/** Starts a conversation; mentioned partnership members are told (once each, never the author). */
export async function startThread(db: Database, actor: Actor, access: SubGroupAccess, input: StartThreadInput) {
  return db.$transaction(async (tx) => {
    const subGroup = await loadWritableSubGroup(tx, access.subGroup.id);
    const now = new Date();
    const thread = await tx.thread.create({
      data: {
        subGroupId: subGroup.id,
        authorId: actor.userId,
        title: input.title,
        body: input.body,
        createdAt: now,
        lastActivityAt: now,
      },
      select: { id: true },
    });
    const linkPath = paths.discussion(subGroup.partnership.slug, subGroup.id, thread.id);
    const author = displayName(actor);
    await recordActivity(tx, {
      partnershipId: subGroup.partnershipId,
      subGroupId: subGroup.id,
      actorId: actor.userId,
      kind: "THREAD_STARTED",
      summary: `${author} started a conversation: “${input.title}”`,
      linkPath,
    });
    const mentioned = await notify(tx, {
      userIds: await partnershipMembersAmong(tx, subGroup.partnershipId, input.mentionUserIds),
      actorId: actor.userId,
      partnershipId: subGroup.partnershipId,
      kind: "MENTION",
      title: `${author} mentioned you in “${input.title}”`,
      body: `${subGroup.name}: ${excerpt(input.body)}`,
      linkPath,
    });
    return { id: thread.id, linkPath, mentioned };
  });
}

/** Replies to a conversation and moves it to the top of the list. */
export async function replyToThread(db: Database, actor: Actor, access: SubGroupAccess, input: ReplyInput) {
  return db.$transaction(async (tx) => {
    const subGroup = await loadWritableSubGroup(tx, access.subGroup.id);
    const thread = await tx.thread.findFirst({
      where: { id: input.threadId, subGroupId: subGroup.id },
      select: { id: true, title: true },
    });
    if (!thread) throw notFound("That conversation");
    const now = new Date();
    const reply = await tx.reply.create({
      data: { threadId: thread.id, authorId: actor.userId, body: input.body, createdAt: now },
      select: { id: true },
    });
    await tx.thread.update({ where: { id: thread.id }, data: { lastActivityAt: now } });
    const linkPath = `${paths.discussion(subGroup.partnership.slug, subGroup.id, thread.id)}#reply-${reply.id}`;
    const author = displayName(actor);
    await recordActivity(tx, {
      partnershipId: subGroup.partnershipId,
      subGroupId: subGroup.id,
      actorId: actor.userId,
      kind: "REPLY_POSTED",
      summary: `${author} replied to “${thread.title}”`,
      linkPath,
    });
    const mentioned = await notify(tx, {
      userIds: await partnershipMembersAmong(tx, subGroup.partnershipId, input.mentionUserIds),
      actorId: actor.userId,
      partnershipId: subGroup.partnershipId,
      kind: "MENTION",
      title: `${author} mentioned you in a reply to “${thread.title}”`,
      body: `${subGroup.name}: ${excerpt(input.body)}`,
      linkPath,
    });
    return { id: reply.id, threadId: thread.id, linkPath, mentioned };
  });
}
