import { z } from "zod";
import { id, multiLine } from "./text";

/** Limits shared by the forms and the API. */
export const THREAD_TITLE_MAX = 200;
export const POST_BODY_MAX = 10_000;
export const NOTE_TITLE_MAX = 120;
export const NOTE_BODY_MAX = 2_000;
export const MAX_MENTIONS = 50;

const text = (what: string, label: string, max: number) =>
  multiLine({ error: `Enter ${what}` })
    .min(1, `Enter ${what}`)
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);

/** A one-line title: runs of spaces, tabs and line breaks become one space. */
const title = (what: string, max: number) =>
  text(what, "The title", max).transform((value) => value.replace(/\s+/g, " "));

/** The people picked with "Mention someone": ids of partnership members (anyone else is ignored). */
const mentionUserIds = z.array(id).max(MAX_MENTIONS, `Mention ${MAX_MENTIONS} people or fewer`).default([]);

export const subGroupSpaceInput = z.object({ subGroupId: id });
export type SubGroupSpaceInput = z.infer<typeof subGroupSpaceInput>;

export const threadRefInput = z.object({ threadId: id });

export const startThreadInput = z.object({
  subGroupId: id,
  title: title("a title for the conversation", THREAD_TITLE_MAX),
  body: text("your message", "Your message", POST_BODY_MAX),
  mentionUserIds,
});
export type StartThreadInput = z.input<typeof startThreadInput>;

export const replyInput = z.object({
  threadId: id,
  body: text("your reply", "Your reply", POST_BODY_MAX),
  mentionUserIds,
});
export type ReplyInput = z.input<typeof replyInput>;

export const addNoteInput = z.object({
  subGroupId: id,
  title: title("a title for the note", NOTE_TITLE_MAX),
  body: text("the note", "The note", NOTE_BODY_MAX),
  pinned: z.boolean(),
});
export type AddNoteInput = z.infer<typeof addNoteInput>;

export const setNotePinnedInput = z.object({ noteId: id, pinned: z.boolean() });

export const activityFeedInput = z.object({ subGroupId: id, cursor: id.nullish() });
