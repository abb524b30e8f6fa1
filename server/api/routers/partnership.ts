import { partnershipRefInput } from "@/lib/schemas/partnership";
import { partnershipProcedure, router, signedInProcedure } from "@/server/api/trpc";
import { listMyPartnerships } from "@/server/domain/partnerships/my-partnerships";
import { getPartnershipOverview } from "@/server/domain/partnerships/partnership-overview";

export const partnershipRouter = router({
  mine: signedInProcedure.query(({ ctx }) => listMyPartnerships(ctx.db, ctx.actor)),
  overview: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => getPartnershipOverview(ctx.db, ctx.membership)),
});
