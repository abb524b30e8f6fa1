import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { notFound } from "@/server/errors";
import { loadWritableSubGroup, type SubGroupAccess } from "./access";
import { displayName } from "./people";
import { paths } from "@/lib/paths";

export type AddNoteInput = { title: string; body: string; pinned: boolean };

/** The sub-group's notes: pinned ones first (most recently pinned on top), then the rest, newest first. */
export async function listNotes(db: Database, subGroupId: string) {
  const notes = await db.subGroupNote.findMany({
    where: { subGroupId },
    orderBy: [{ pinnedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      body: true,
      pinnedAt: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  return notes.map((note) => ({
    id: note.id,
    title: note.title,
    body: note.body,
    pinned: note.pinnedAt !== null,
    pinnedAt: note.pinnedAt,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    author: { id: note.author.id, name: displayName(note.author) },
  }));
}

async function recordPinned(
  tx: Prisma.TransactionClient,
  actor: Actor,
  subGroup: Awaited<ReturnType<typeof loadWritableSubGroup>>,
  note: { id: string; title: string },
) {
  await recordActivity(tx, {
    partnershipId: subGroup.partnershipId,
    subGroupId: subGroup.id,
    actorId: actor.userId,
    kind: "NOTE_PINNED",
    summary: `${displayName(actor)} pinned a note: “${note.title}”`,
    linkPath: `${paths.subGroupDiscussions(subGroup.partnership.slug, subGroup.id)}#note-${note.id}`,
  });
}

/** A lead (or an officer or chair) adds a short note, pinned to the top or not. */
export async function addNote(db: Database, actor: Actor, access: SubGroupAccess, input: AddNoteInput) {
  return db.$transaction(async (tx) => {
    const subGroup = await loadWritableSubGroup(tx, access.subGroup.id);
    const note = await tx.subGroupNote.create({
      data: {
        subGroupId: subGroup.id,
        authorId: actor.userId,
        title: input.title,
        body: input.body,
        pinnedAt: input.pinned ? new Date() : null,
      },
      select: { id: true, title: true, pinnedAt: true },
    });
    if (input.pinned) await recordPinned(tx, actor, subGroup, note);
    return { id: note.id, pinned: note.pinnedAt !== null };
  });
}

/** Pins a note to the top, or unpins it. Asking for the state it is already in changes nothing. */
export async function setNotePinned(
  db: Database,
  actor: Actor,
  access: SubGroupAccess,
  input: { noteId: string; pinned: boolean },
) {
  return db.$transaction(async (tx) => {
    const subGroup = await loadWritableSubGroup(tx, access.subGroup.id);
    const note = await tx.subGroupNote.findFirst({
      where: { id: input.noteId, subGroupId: subGroup.id },
      select: { id: true, title: true, pinnedAt: true },
    });
    if (!note) throw notFound("That note");
    if ((note.pinnedAt !== null) === input.pinned) return { id: note.id, pinned: input.pinned };
    await tx.subGroupNote.update({ where: { id: note.id }, data: { pinnedAt: input.pinned ? new Date() : null } });
    if (input.pinned) await recordPinned(tx, actor, subGroup, note);
    return { id: note.id, pinned: input.pinned };
  });
}
