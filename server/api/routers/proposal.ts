import {
  chooseRoundInput,
  coAuthorInput,
  commentOnSectionInput,
  compareRevisionsInput,
  createProposalInput,
  myProposalsInput,
  proposalRefInput,
  saveSectionInput,
  subGroupProposalsInput,
  withdrawProposalInput,
  type SaveSectionInput,
} from "@/lib/schemas/proposals";
import { partnershipProcedure, proposalProcedure, router, subGroupProcedure } from "@/server/api/trpc";
import { commentOnSection } from "@/server/domain/proposals/comments";
import { addCoAuthor, changeLeadAuthor, coAuthorCandidates, removeCoAuthor } from "@/server/domain/proposals/co-authors";
import { compareRevisions, listRevisions, proposalTimeline } from "@/server/domain/proposals/history";
import {
  chooseRound,
  createProposal,
  returnProposalToDraft,
  submitProposal,
  withdrawProposal,
} from "@/server/domain/proposals/proposals";
import { getProposal, listMyProposals, listSubGroupProposals } from "@/server/domain/proposals/queries";
import { openRoundsForSubGroup } from "@/server/domain/proposals/rounds";
import { saveSection } from "@/server/domain/proposals/save-section";

/**
 * Proposals: co-written in a sub-group, revised section by section, submitted to a round.
 * The policy has proved the actor's part in the sub-group or proposal the input points
 * into (ctx.subGroup, ctx.proposal); the rules live in server/domain/proposals.
 */
export const proposalRouter = router({
  forSubGroup: subGroupProcedure
    .input(subGroupProposalsInput)
    .query(({ ctx }) => listSubGroupProposals(ctx.db, ctx.subGroup.id)),
  openRounds: subGroupProcedure
    .input(subGroupProposalsInput)
    .query(({ ctx }) => openRoundsForSubGroup(ctx.db, ctx.subGroup.id)),
  create: subGroupProcedure
    .input(createProposalInput)
    .mutation(({ ctx, input: { subGroupId: _id, ...input } }) => createProposal(ctx.db, ctx.actor, ctx, input)),
  mine: partnershipProcedure.input(myProposalsInput).query(({ ctx }) => listMyProposals(ctx.db, ctx.actor, ctx.membership)),
  get: proposalProcedure.input(proposalRefInput).query(({ ctx }) => getProposal(ctx.db, ctx)),
  saveSection: proposalProcedure
    .input(saveSectionInput)
    .mutation(({ ctx, input }) => saveSection(ctx.db, ctx.actor, ctx, input as SaveSectionInput)),
  revisions: proposalProcedure.input(proposalRefInput).query(({ ctx }) => listRevisions(ctx.db, ctx.proposal.id)),
  compare: proposalProcedure
    .input(compareRevisionsInput)
    .query(({ ctx, input }) => compareRevisions(ctx.db, ctx.proposal.id, input)),
  timeline: proposalProcedure.input(proposalRefInput).query(({ ctx }) => proposalTimeline(ctx.db, ctx.proposal.id)),
  comment: proposalProcedure
    .input(commentOnSectionInput)
    .mutation(({ ctx, input }) => commentOnSection(ctx.db, ctx.actor, ctx, input)),
  coAuthorCandidates: proposalProcedure.input(proposalRefInput).query(({ ctx }) => coAuthorCandidates(ctx.db, ctx)),
  addCoAuthor: proposalProcedure
    .input(coAuthorInput)
    .mutation(({ ctx, input }) => addCoAuthor(ctx.db, ctx.actor, ctx, input.userId)),
  removeCoAuthor: proposalProcedure
    .input(coAuthorInput)
    .mutation(({ ctx, input }) => removeCoAuthor(ctx.db, ctx.actor, ctx, input.userId)),
  chooseRound: proposalProcedure
    .input(chooseRoundInput)
    .mutation(({ ctx, input }) => chooseRound(ctx.db, ctx.actor, ctx, input.roundId)),
  submit: proposalProcedure.input(proposalRefInput).mutation(({ ctx }) => submitProposal(ctx.db, ctx.actor, ctx)),
  returnToDraft: proposalProcedure
    .input(proposalRefInput)
    .mutation(({ ctx }) => returnProposalToDraft(ctx.db, ctx.actor, ctx)),
  withdraw: proposalProcedure
    .input(withdrawProposalInput)
    .mutation(({ ctx, input }) => withdrawProposal(ctx.db, ctx.actor, ctx, input.reason)),
  changeLeadAuthor: proposalProcedure
    .input(coAuthorInput)
    .mutation(({ ctx, input }) => changeLeadAuthor(ctx.db, ctx.actor, ctx, input.userId)),
});
