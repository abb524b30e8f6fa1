import { publicPortfolioInput, setPublishedInput } from "@/lib/schemas/transparency";
import { partnershipProcedure, publicProcedure, router } from "@/server/api/trpc";
import { openGrantsPackage } from "@/server/domain/transparency/open-grants";
import { publicPortfolio, setPublished } from "@/server/domain/transparency/portfolio";
import { getEnv } from "@/server/env";
import { configuredOrigin } from "@/server/site-address";

/** The public page of a partnership that chooses to publish its portfolio. */
export const transparencyRouter = router({
  portfolio: publicProcedure
    .input(publicPortfolioInput)
    .query(({ ctx, input }) => publicPortfolio(ctx.db, input.partnershipSlug, new Date())),
  /** Its grants as 360Giving open data, published with the public page. */
  openGrants: publicProcedure.input(publicPortfolioInput).query(({ ctx, input }) => {
    const env = getEnv();
    return openGrantsPackage(ctx.db, input.partnershipSlug, { env, origin: ctx.siteOrigin ?? configuredOrigin(env) });
  }),
  setPublished: partnershipProcedure
    .input(setPublishedInput)
    .mutation(({ ctx, input }) => setPublished(ctx.db, ctx.actor, ctx.membership.partnershipId, input.published)),
});
