import {
  activityFeedInput,
  addNoteInput,
  replyInput,
  setNotePinnedInput,
  startThreadInput,
  subGroupSpaceInput,
  threadRefInput,
} from "@/lib/schemas/discussions";
import { router, subGroupProcedure } from "@/server/api/trpc";
import { listActivity } from "@/server/domain/discussions/activity-feed";
import { listMentionable } from "@/server/domain/discussions/mentionable";
import { addNote, setNotePinned } from "@/server/domain/discussions/notes";
import { getThread, listThreads, replyToThread, startThread } from "@/server/domain/discussions/threads";

/**
 * The sub-group space: conversations, pinned notes and the activity feed. The policy has
 * already proved the actor may act on the sub-group the input points into (ctx.subGroup);
 * every query is scoped to that sub-group.
 */
export const discussionRouter = router({
  threads: subGroupProcedure.input(subGroupSpaceInput).query(({ ctx }) => listThreads(ctx.db, ctx)),
  thread: subGroupProcedure.input(threadRefInput).query(({ ctx, input }) => getThread(ctx.db, ctx, input.threadId)),
  startThread: subGroupProcedure
    .input(startThreadInput)
    .mutation(({ ctx, input: { subGroupId: _id, ...input } }) => startThread(ctx.db, ctx.actor, ctx, input)),
  reply: subGroupProcedure.input(replyInput).mutation(({ ctx, input }) => replyToThread(ctx.db, ctx.actor, ctx, input)),
  addNote: subGroupProcedure
    .input(addNoteInput)
    .mutation(({ ctx, input: { subGroupId: _id, ...input } }) => addNote(ctx.db, ctx.actor, ctx, input)),
  setNotePinned: subGroupProcedure
    .input(setNotePinnedInput)
    .mutation(({ ctx, input }) => setNotePinned(ctx.db, ctx.actor, ctx, input)),
  activity: subGroupProcedure
    .input(activityFeedInput)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.subGroup.id, input.cursor)),
  mentionable: subGroupProcedure
    .input(subGroupSpaceInput)
    .query(({ ctx }) => listMentionable(ctx.db, ctx.actor, ctx.subGroup.partnershipId, ctx.subGroup.id)),
});
