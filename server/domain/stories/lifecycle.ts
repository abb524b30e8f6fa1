import type { StoryModerationAction, StoryStatus } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

/**
 * A story's lifecycle as an explicit transition table. Every (status, action) pair is
 * either allowed, with the status it leads to, or refused with a message that says why.
 * Who may take an action (the author, an officer) is checked by the action itself.
 *
 *   DRAFT      ─SUBMIT────▶ SUBMITTED   (the author asks for it to be published)
 *   RETURNED   ─SUBMIT────▶ SUBMITTED   (after making the changes asked for)
 *   SUBMITTED  ─PUBLISH───▶ PUBLISHED   (an officer)
 *   SUBMITTED  ─RETURN────▶ RETURNED    (an officer, with a note)
 *   PUBLISHED  ─UNPUBLISH─▶ RETURNED    (an officer, with a note)
 *   DRAFT, SUBMITTED, RETURNED, PUBLISHED ─WITHDRAW─▶ WITHDRAWN (the author; final)
 *
 * Editing: the author edits a story while it is theirs to change, in DRAFT and RETURNED.
 * A SUBMITTED story is frozen, so the officer publishes exactly what they read (moderation
 * needs no version check); a PUBLISHED story is what readers commented on, so changing it
 * means an officer unpublishes it (back to RETURNED with a note) and it is moderated again.
 * Withdrawing is the author taking the story back for good, from any state but WITHDRAWN:
 * a published story leaves the partnership's and the public pages at once.
 * Comments are taken only while a story is PUBLISHED.
 */

export type StoryAction = "EDIT" | "SUBMIT" | "PUBLISH" | "RETURN" | "UNPUBLISH" | "WITHDRAW" | "COMMENT";

export const STORY_STATUSES: readonly StoryStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED", "WITHDRAWN"];
export const STORY_ACTIONS: readonly StoryAction[] = ["EDIT", "SUBMIT", "PUBLISH", "RETURN", "UNPUBLISH", "WITHDRAW", "COMMENT"];

type Outcome = { allowed: true; to: StoryStatus } | { allowed: false; reason: string };
const to = (status: StoryStatus): Outcome => ({ allowed: true, to: status });
const refuse = (reason: string): Outcome => ({ allowed: false, reason });

const NOT_SUBMITTED = "This story has not been submitted yet, so there is nothing to moderate.";
const NOT_PUBLISHED_COMMENTS = "Comments open once the story is published.";
const NOT_PUBLISHED = "This story is not published, so it cannot be unpublished.";
const WAITING = "This story is waiting for an officer, so it cannot be changed now. Ask an officer to return it if you need to change it.";
const WITHDRAWN = "This story was withdrawn, so it can no longer change.";

export const STORY_TRANSITIONS: Readonly<Record<StoryStatus, Readonly<Record<StoryAction, Outcome>>>> = {
  DRAFT: {
    EDIT: to("DRAFT"),
    SUBMIT: to("SUBMITTED"),
    PUBLISH: refuse(NOT_SUBMITTED),
    RETURN: refuse(NOT_SUBMITTED),
    UNPUBLISH: refuse(NOT_PUBLISHED),
    WITHDRAW: to("WITHDRAWN"),
    COMMENT: refuse(NOT_PUBLISHED_COMMENTS),
  },
  SUBMITTED: {
    EDIT: refuse(WAITING),
    SUBMIT: refuse("This story has already been submitted."),
    PUBLISH: to("PUBLISHED"),
    RETURN: to("RETURNED"),
    UNPUBLISH: refuse(NOT_PUBLISHED),
    WITHDRAW: to("WITHDRAWN"),
    COMMENT: refuse(NOT_PUBLISHED_COMMENTS),
  },
  RETURNED: {
    EDIT: to("RETURNED"),
    SUBMIT: to("SUBMITTED"),
    PUBLISH: refuse("This story was returned to its author: it can be published once they submit it again."),
    RETURN: refuse("This story has already been returned to its author."),
    UNPUBLISH: refuse(NOT_PUBLISHED),
    WITHDRAW: to("WITHDRAWN"),
    COMMENT: refuse(NOT_PUBLISHED_COMMENTS),
  },
  PUBLISHED: {
    EDIT: refuse("This story is published, so it cannot be changed. An officer can unpublish it and return it to you for changes."),
    SUBMIT: refuse("This story is already published."),
    PUBLISH: refuse("This story is already published."),
    RETURN: refuse("This story is published: unpublish it to return it to its author."),
    UNPUBLISH: to("RETURNED"),
    WITHDRAW: to("WITHDRAWN"),
    COMMENT: to("PUBLISHED"),
  },
  WITHDRAWN: {
    EDIT: refuse(WITHDRAWN),
    SUBMIT: refuse(WITHDRAWN),
    PUBLISH: refuse(WITHDRAWN),
    RETURN: refuse(WITHDRAWN),
    UNPUBLISH: refuse(WITHDRAWN),
    WITHDRAW: refuse("This story has already been withdrawn."),
    COMMENT: refuse("This story was withdrawn by its author, so it no longer takes comments."),
  },
};

/** The status an action leads to; throws a clear CONFLICT when the table refuses it. */
export function storyTransition(status: StoryStatus, action: StoryAction): StoryStatus {
  const outcome = STORY_TRANSITIONS[status][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
  return outcome.to;
}

/** Whether the table allows an action (for showing or hiding a control). */
export function storyAllows(status: StoryStatus, action: StoryAction): boolean {
  return STORY_TRANSITIONS[status][action].allowed;
}

/** The line each status-changing action adds to the append-only moderation record. */
export const MODERATION_RECORD: Readonly<Partial<Record<StoryAction, StoryModerationAction>>> = {
  SUBMIT: "SUBMITTED",
  PUBLISH: "PUBLISHED",
  RETURN: "RETURNED",
  UNPUBLISH: "UNPUBLISHED",
  WITHDRAW: "WITHDRAWN",
};
