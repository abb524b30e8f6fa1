import {
  createSubGroupInput,
  decideRequestInput,
  joinRequestRefInput,
  joinSubGroupInput,
  listSubGroupsInput,
  memberRefInput,
  setMemberRoleInput,
  subGroupRefInput,
  updateSubGroupInput,
} from "@/lib/schemas/sub-groups";
import { partnershipProcedure, router, subGroupProcedure } from "@/server/api/trpc";
import { archiveSubGroup, createSubGroup, updateSubGroup } from "@/server/domain/sub-groups/manage";
import {
  decideJoinRequest,
  joinSubGroup,
  leaveSubGroup,
  removeSubGroupMember,
  setSubGroupMemberRole,
  withdrawJoinRequest,
} from "@/server/domain/sub-groups/membership";
import { getSubGroup, listPendingRequests, listSubGroups } from "@/server/domain/sub-groups/queries";

/** Sub-groups and who is in them. The policy decides who may call what; the rules live in the domain. */
export const subGroupRouter = router({
  list: partnershipProcedure.input(listSubGroupsInput).query(({ ctx }) => listSubGroups(ctx.db, ctx.membership.partnershipId)),
  get: subGroupProcedure.input(subGroupRefInput).query(({ ctx }) => getSubGroup(ctx.db, ctx)),
  create: partnershipProcedure
    .input(createSubGroupInput)
    .mutation(({ ctx, input }) => createSubGroup(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  update: subGroupProcedure
    .input(updateSubGroupInput)
    .mutation(({ ctx, input: { subGroupId: _id, ...details } }) => updateSubGroup(ctx.db, ctx, details)),
  archive: subGroupProcedure.input(subGroupRefInput).mutation(({ ctx }) => archiveSubGroup(ctx.db, ctx)),
  join: subGroupProcedure
    .input(joinSubGroupInput)
    .mutation(({ ctx, input }) => joinSubGroup(ctx.db, ctx, { message: input.message })),
  withdrawRequest: subGroupProcedure
    .input(joinRequestRefInput)
    .mutation(({ ctx, input }) => withdrawJoinRequest(ctx.db, ctx, input)),
  pendingRequests: subGroupProcedure.input(subGroupRefInput).query(({ ctx }) => listPendingRequests(ctx.db, ctx)),
  decideRequest: subGroupProcedure
    .input(decideRequestInput)
    .mutation(({ ctx, input }) => decideJoinRequest(ctx.db, ctx, input)),
  leave: subGroupProcedure.input(subGroupRefInput).mutation(({ ctx }) => leaveSubGroup(ctx.db, ctx)),
  removeMember: subGroupProcedure
    .input(memberRefInput)
    .mutation(({ ctx, input }) => removeSubGroupMember(ctx.db, ctx, { userId: input.userId })),
  setMemberRole: subGroupProcedure
    .input(setMemberRoleInput)
    .mutation(({ ctx, input }) => setSubGroupMemberRole(ctx.db, ctx, { userId: input.userId, role: input.role })),
});
