import { partnershipRefInput } from "@/lib/schemas/partnership";
import { changeRoleInput, removeMemberInput } from "@/lib/schemas/partnership-admin";
import { partnershipProcedure, router } from "@/server/api/trpc";
import { changeMemberRole, listMembers, removeMember } from "@/server/domain/partnerships/administration-members";
import { memberListTable } from "@/server/domain/partnerships/member-export";
import { personalDataHeld } from "@/server/domain/personal-data/partnership-summary";

/** Officers manage who is in the partnership and with which role. */
export const membershipRouter = router({
  list: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => listMembers(ctx.db, ctx.grant)),
  /** The member list for the CSV and the Excel file. */
  exportTable: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => memberListTable(ctx.db, ctx.membership.partnershipId)),
  /** What personal data the partnership holds, counted (officers). */
  personalData: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => personalDataHeld(ctx.db, ctx.membership.partnershipId)),
  changeRole: partnershipProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  remove: partnershipProcedure
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
});
