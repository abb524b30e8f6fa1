import { partnershipRefInput } from "@/lib/schemas/partnership";
import {
  commentOnStoryInput,
  createStoryInput,
  listStoriesInput,
  moderateStoryInput,
  publicStoriesInput,
  publicStoriesOutput,
  publicStoryInput,
  publicStoryOutput,
  storyRefInput,
  updateStoryInput,
} from "@/lib/schemas/stories";
import { partnershipProcedure, publicProcedure, router, storyProcedure } from "@/server/api/trpc";
import { createStory, updateStory } from "@/server/domain/stories/authoring";
import { commentOnStory } from "@/server/domain/stories/comments";
import { moderateStory, submitStory, withdrawStory } from "@/server/domain/stories/moderation";
import { publicStories, publicStory } from "@/server/domain/stories/public";
import { getStory, listStories, moderationQueue, myStories, storyLinkOptions } from "@/server/domain/stories/queries";

/**
 * Stories (#PositivePartnerships): written by members, moderated by officers, published to
 * the partnership and, when the author chooses and the partnership publishes, to everyone.
 * The policy has proved membership, authorship and visibility (ctx.grant.story).
 */
export const storyRouter = router({
  list: partnershipProcedure.input(listStoriesInput).query(({ ctx, input }) => listStories(ctx.db, ctx.membership, input)),
  mine: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => myStories(ctx.db, ctx.actor, ctx.membership)),
  moderationQueue: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => moderationQueue(ctx.db, ctx.membership)),
  linkOptions: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => storyLinkOptions(ctx.db, ctx.membership)),
  get: storyProcedure.input(storyRefInput).query(({ ctx }) => getStory(ctx.db, ctx.grant)),
  create: partnershipProcedure.input(createStoryInput).mutation(({ ctx, input }) => createStory(ctx.db, ctx.actor, ctx.membership, input)),
  update: storyProcedure.input(updateStoryInput).mutation(({ ctx, input }) => updateStory(ctx.db, ctx.actor, ctx.grant, input)),
  submit: storyProcedure.input(storyRefInput).mutation(({ ctx }) => submitStory(ctx.db, ctx.actor, ctx.grant)),
  withdraw: storyProcedure.input(storyRefInput).mutation(({ ctx }) => withdrawStory(ctx.db, ctx.actor, ctx.grant)),
  moderate: storyProcedure.input(moderateStoryInput).mutation(({ ctx, input }) => moderateStory(ctx.db, ctx.actor, ctx.grant, input)),
  comment: storyProcedure.input(commentOnStoryInput).mutation(({ ctx, input }) => commentOnStory(ctx.db, ctx.actor, ctx.grant, input)),
  publicList: publicProcedure
    .input(publicStoriesInput)
    .output(publicStoriesOutput)
    .query(({ ctx, input }) => publicStories(ctx.db, input.partnershipSlug, input.theme)),
  publicGet: publicProcedure
    .input(publicStoryInput)
    .output(publicStoryOutput)
    .query(({ ctx, input }) => publicStory(ctx.db, input.partnershipSlug, input.storyId)),
});
