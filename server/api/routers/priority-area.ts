import {
  candidateLeadsInput,
  createPriorityAreaInput,
  listPriorityAreasInput,
  movePriorityAreaInput,
  priorityAreaRefInput,
  updatePriorityAreaInput,
} from "@/lib/schemas/priority-areas";
import { partnershipProcedure, router } from "@/server/api/trpc";
import {
  archivePriorityArea,
  createPriorityArea,
  listCandidateLeads,
  listPriorityAreas,
  movePriorityArea,
  restorePriorityArea,
  updatePriorityArea,
} from "@/server/domain/priority-areas/priority-areas";

/** The partnership's agreed priority areas. Steering roles (officers, chairs) shape them. */
export const priorityAreaRouter = router({
  list: partnershipProcedure
    .input(listPriorityAreasInput)
    .query(({ ctx, input }) => listPriorityAreas(ctx.db, ctx.actor, ctx.membership, { includeArchived: input.includeArchived })),
  create: partnershipProcedure
    .input(createPriorityAreaInput)
    .mutation(({ ctx, input: { partnershipSlug: _slug, ...details } }) =>
      createPriorityArea(ctx.db, ctx.actor, ctx.membership.partnershipId, details),
    ),
  update: partnershipProcedure
    .input(updatePriorityAreaInput)
    .mutation(({ ctx, input }) => updatePriorityArea(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  move: partnershipProcedure
    .input(movePriorityAreaInput)
    .mutation(({ ctx, input }) => movePriorityArea(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  archive: partnershipProcedure
    .input(priorityAreaRefInput)
    .mutation(({ ctx, input }) => archivePriorityArea(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  restore: partnershipProcedure
    .input(priorityAreaRefInput)
    .mutation(({ ctx, input }) => restorePriorityArea(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  candidateLeads: partnershipProcedure
    .input(candidateLeadsInput)
    .query(({ ctx }) => listCandidateLeads(ctx.db, ctx.membership.partnershipId)),
});
