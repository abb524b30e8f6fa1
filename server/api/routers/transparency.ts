import { publicPortfolioInput, setPublishedInput } from "@/lib/schemas/transparency";
import { partnershipProcedure, publicProcedure, router } from "@/server/api/trpc";
import { publicPortfolio, setPublished } from "@/server/domain/transparency/portfolio";

/** The public page of a partnership that chooses to publish its portfolio. */
export const transparencyRouter = router({
  portfolio: publicProcedure
    .input(publicPortfolioInput)
    .query(({ ctx, input }) => publicPortfolio(ctx.db, input.partnershipSlug, new Date())),
  setPublished: partnershipProcedure
    .input(setPublishedInput)
    .mutation(({ ctx, input }) => setPublished(ctx.db, ctx.actor, ctx.membership.partnershipId, input.published)),
});
