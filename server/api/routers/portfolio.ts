import { myWorkInput, portfolioOverviewInput, portfolioSubGroupInput } from "@/lib/schemas/portfolio";
import { partnershipProcedure, router, subGroupProcedure } from "@/server/api/trpc";
import { myWork } from "@/server/domain/portfolio/my-work";
import { portfolioOverview } from "@/server/domain/portfolio/overview";
import { subGroupPortfolio } from "@/server/domain/portfolio/sub-group";

/** Dashboards: the partnership's portfolio, a sub-group's projects, and each person's work. */
export const portfolioRouter = router({
  overview: partnershipProcedure
    .input(portfolioOverviewInput)
    .query(({ ctx, input }) => portfolioOverview(ctx.db, ctx.membership.partnershipId, new Date(), input)),
  subGroup: subGroupProcedure
    .input(portfolioSubGroupInput)
    .query(({ ctx, input }) => subGroupPortfolio(ctx.db, ctx.subGroup.id, new Date(), input)),
  myWork: partnershipProcedure.input(myWorkInput).query(({ ctx }) => myWork(ctx.db, ctx.actor, ctx.membership, new Date())),
});
