import { viewerCan } from "@/server/auth/can";
import {
  addRingFenceInput,
  auditLogExportInput,
  auditLogInput,
  awardGrantInput,
  changeRoundStatusInput,
  completeAwardInput,
  createFundInput,
  createRoundInput,
  fundRefInput,
  payTrancheInput,
  returnUnderspendInput,
  setFundFunderInput,
  setAwardPublishedInput,
  varyAwardInput,
  withdrawAwardInput,
} from "@/lib/schemas/funding";
import { partnershipRefInput } from "@/lib/schemas/partnership";
import { partnershipProcedure, router } from "@/server/api/trpc";
import {
  awardGrant,
  completeAward,
  payTranche,
  returnUnderspend,
  setAwardPublished,
  varyAward,
  withdrawAward,
} from "@/server/domain/funding/awards";
import { auditLog, auditLogTable } from "@/server/domain/funding/audit-log";
import { fundDashboard, fundedProjects, listFunds } from "@/server/domain/funding/dashboard";
import { awardsCsv, awardsTable, ledgerCsv, ledgerTable } from "@/server/domain/funding/exports";
import { addRingFence, createFund, funderOptions, setFundFunder } from "@/server/domain/funding/funds";
import { changeRoundStatus, createRound, setRequiredDocuments } from "@/server/domain/funding/rounds";
import { requiredDocumentsInput } from "@/lib/schemas/files";

/** Money. Every procedure is scoped to the partnership the input points into (see the policy). */
export const fundingRouter = router({
  funds: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => listFunds(ctx.db, ctx.membership.partnershipId)),
  fund: partnershipProcedure
    .input(fundRefInput)
    .query(async ({ ctx, input }) => ({
      ...(await fundDashboard(ctx.db, ctx.membership.partnershipId, input.fundId)),
      viewer: viewerCan(ctx.grant, {
        canManageMoney: "funding.awardGrant",
        canCreateRound: "funding.createRound",
        canChangeRounds: "funding.changeRoundStatus",
        canRunAssessment: "assessment.overview",
        canSetUpProjects: "project.setUp",
        canExport: "funding.exportAwards",
        canNameFunder: "funding.setFundFunder",
      }),
    })),
  createFund: partnershipProcedure
    .input(createFundInput)
    .mutation(({ ctx, input: { partnershipSlug: _slug, ...input } }) =>
      createFund(ctx.db, ctx.actor, ctx.membership.partnershipId, input),
    ),
  /** The organisations a new fund's money may come from (the create form's list). */
  funderOptions: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => funderOptions(ctx.db, ctx.membership.partnershipId)),
  setFundFunder: partnershipProcedure
    .input(setFundFunderInput)
    .mutation(({ ctx, input }) => setFundFunder(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  addRingFence: partnershipProcedure
    .input(addRingFenceInput)
    .mutation(({ ctx, input }) => addRingFence(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  createRound: partnershipProcedure
    .input(createRoundInput)
    .mutation(({ ctx, input }) => createRound(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  changeRoundStatus: partnershipProcedure
    .input(changeRoundStatusInput)
    .mutation(({ ctx, input }) => changeRoundStatus(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  setRequiredDocuments: partnershipProcedure
    .input(requiredDocumentsInput)
    .mutation(({ ctx, input }) => setRequiredDocuments(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  awardGrant: partnershipProcedure
    .input(awardGrantInput)
    .mutation(({ ctx, input }) => awardGrant(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  payTranche: partnershipProcedure
    .input(payTrancheInput)
    .mutation(({ ctx, input }) => payTranche(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  varyAward: partnershipProcedure
    .input(varyAwardInput)
    .mutation(({ ctx, input }) => varyAward(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  withdrawAward: partnershipProcedure
    .input(withdrawAwardInput)
    .mutation(({ ctx, input }) => withdrawAward(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  returnUnderspend: partnershipProcedure
    .input(returnUnderspendInput)
    .mutation(({ ctx, input }) => returnUnderspend(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  completeAward: partnershipProcedure
    .input(completeAwardInput)
    .mutation(({ ctx, input }) => completeAward(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  setAwardPublished: partnershipProcedure
    .input(setAwardPublishedInput)
    .mutation(({ ctx, input }) => setAwardPublished(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  fundedProjects: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => fundedProjects(ctx.db, ctx.actor, ctx.membership)),
  exportAwards: partnershipProcedure
    .input(fundRefInput)
    .query(({ ctx, input }) => awardsCsv(ctx.db, ctx.membership.partnershipId, input.fundId)),
  exportLedger: partnershipProcedure
    .input(fundRefInput)
    .query(({ ctx, input }) => ledgerCsv(ctx.db, ctx.membership.partnershipId, input.fundId)),
  exportAwardsTable: partnershipProcedure
    .input(fundRefInput)
    .query(({ ctx, input }) => awardsTable(ctx.db, ctx.membership.partnershipId, input.fundId)),
  exportLedgerTable: partnershipProcedure
    .input(fundRefInput)
    .query(({ ctx, input }) => ledgerTable(ctx.db, ctx.membership.partnershipId, input.fundId)),
  auditLog: partnershipProcedure
    .input(auditLogInput)
    .query(({ ctx, input: { partnershipSlug: _slug, ...filter } }) => auditLog(ctx.db, ctx.membership.partnershipId, filter)),
  /** The audit log for the CSV and the Excel file, worded as the page words it. */
  exportAuditLogTable: partnershipProcedure
    .input(auditLogExportInput)
    .query(({ ctx, input: { partnershipSlug: _slug, ...filter } }) => auditLogTable(ctx.db, ctx.membership.partnershipId, filter)),
});
