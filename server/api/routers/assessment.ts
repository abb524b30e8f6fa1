import { viewerCan } from "@/server/auth/can";
import {
  decideProposalInput,
  declareConflictInput,
  myAssessmentsInput,
  panelMemberInput,
  roundRefInput,
  saveScoresInput,
} from "@/lib/schemas/assessment";
import { proposalRefInput } from "@/lib/schemas/proposals";
import { partnershipProcedure, proposalProcedure, router } from "@/server/api/trpc";
import { declareConflict, myAssessments, saveScores, scoreSheet } from "@/server/domain/assessment/assessor";
import { decideProposal } from "@/server/domain/assessment/decide";
import { assessmentOverview } from "@/server/domain/assessment/overview";
import { appointAssessor, panelCandidates, removeAssessor, startAssessment } from "@/server/domain/assessment/panel";

/** Assessment: officers run a round's panel, assessors score, officers decide. */
export const assessmentRouter = router({
  overview: partnershipProcedure
    .input(roundRefInput)
    .query(async ({ ctx, input }) => ({
      ...(await assessmentOverview(ctx.db, ctx.membership.partnershipId, input.roundId)),
      viewer: viewerCan(ctx.grant, { canChangeRounds: "funding.changeRoundStatus" }),
    })),
  panelCandidates: partnershipProcedure
    .input(roundRefInput)
    .query(({ ctx, input }) => panelCandidates(ctx.db, ctx.membership.partnershipId, input.roundId)),
  appointAssessor: partnershipProcedure
    .input(panelMemberInput)
    .mutation(({ ctx, input }) => appointAssessor(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  removeAssessor: partnershipProcedure
    .input(panelMemberInput)
    .mutation(({ ctx, input }) => removeAssessor(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  startAssessment: partnershipProcedure
    .input(roundRefInput)
    .mutation(({ ctx, input }) => startAssessment(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  mine: partnershipProcedure
    .input(myAssessmentsInput)
    .query(({ ctx }) => myAssessments(ctx.db, ctx.actor, ctx.membership.partnershipId)),
  scoreSheet: proposalProcedure
    .input(proposalRefInput)
    .query(({ ctx }) => scoreSheet(ctx.db, ctx.actor, ctx.proposal.id)),
  saveScores: proposalProcedure.input(saveScoresInput).mutation(({ ctx, input }) => saveScores(ctx.db, ctx.actor, input)),
  declareConflict: proposalProcedure
    .input(declareConflictInput)
    .mutation(({ ctx, input }) => declareConflict(ctx.db, ctx.actor, ctx.proposal.partnershipId, input)),
  decide: proposalProcedure
    .input(decideProposalInput)
    .mutation(({ ctx, input }) => decideProposal(ctx.db, ctx.actor, ctx.proposal.partnershipId, input)),
});
