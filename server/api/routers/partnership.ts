import { partnershipRefInput } from "@/lib/schemas/partnership";
import {
  addLocalityInput,
  removeLocalityInput,
  renameLocalityInput,
  updatePartnershipInput,
} from "@/lib/schemas/partnership-admin";
import { partnershipProcedure, router, signedInProcedure } from "@/server/api/trpc";
import { listMyPartnerships } from "@/server/domain/partnerships/my-partnerships";
import { getPartnershipOverview } from "@/server/domain/partnerships/partnership-overview";
import { partnershipViewer } from "@/server/domain/partnerships/viewer";
import {
  addLocality,
  removeLocality,
  renameLocality,
  updatePartnership,
} from "@/server/domain/partnerships/administration";

export const partnershipRouter = router({
  mine: signedInProcedure.query(({ ctx }) => listMyPartnerships(ctx.db, ctx.actor)),
  overview: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => getPartnershipOverview(ctx.db, ctx.membership)),
  viewer: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => partnershipViewer(ctx.db, ctx.grant)),
  update: partnershipProcedure
    .input(updatePartnershipInput)
    .mutation(({ ctx, input: { partnershipSlug: _slug, ...details } }) =>
      updatePartnership(ctx.db, ctx.actor, ctx.membership.partnershipId, details),
    ),
  addLocality: partnershipProcedure
    .input(addLocalityInput)
    .mutation(({ ctx, input }) => addLocality(ctx.db, ctx.actor, ctx.membership.partnershipId, { name: input.name })),
  renameLocality: partnershipProcedure
    .input(renameLocalityInput)
    .mutation(({ ctx, input }) => renameLocality(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  removeLocality: partnershipProcedure
    .input(removeLocalityInput)
    .mutation(({ ctx, input }) => removeLocality(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
});
