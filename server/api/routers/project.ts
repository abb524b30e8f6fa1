import { partnershipRefInput } from "@/lib/schemas/partnership";
import {
  decideProjectInput,
  listProjectsInput,
  projectRefInput,
  reviewUpdateInput,
  saveUpdateInput,
  setUpProjectInput,
  submitEvaluationInput,
  teamCandidatesInput,
  teamMemberInput,
  updateRefInput,
} from "@/lib/schemas/projects";
import { partnershipProcedure, projectProcedure, router } from "@/server/api/trpc";
import { decideProject, submitEvaluation } from "@/server/domain/projects/evaluation";
import { getProject, listProjects, myProjects } from "@/server/domain/projects/queries";
import { setUpProject } from "@/server/domain/projects/set-up";
import { addTeamMember, changeProjectLead, removeTeamMember, teamCandidates } from "@/server/domain/projects/team";
import { projectTimeline } from "@/server/domain/projects/timeline";
import { reviewUpdate, saveUpdateDraft, submitUpdate } from "@/server/domain/projects/updates";

/**
 * Funded projects: set up from an award, reported on by their lead and team, reviewed by
 * officers. The policy has proved the actor's part in the project (ctx.project); the rules
 * live in server/domain/projects.
 */
export const projectRouter = router({
  setUp: partnershipProcedure
    .input(setUpProjectInput)
    .mutation(({ ctx, input }) => setUpProject(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  list: partnershipProcedure.input(listProjectsInput).query(({ ctx, input }) => listProjects(ctx.db, ctx.actor, ctx.membership, input)),
  mine: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => myProjects(ctx.db, ctx.actor, ctx.membership)),
  get: projectProcedure.input(projectRefInput).query(({ ctx }) => getProject(ctx.db, ctx)),
  saveUpdate: projectProcedure.input(saveUpdateInput).mutation(({ ctx, input }) => saveUpdateDraft(ctx.db, ctx.actor, ctx, input)),
  submitUpdate: projectProcedure.input(updateRefInput).mutation(({ ctx, input }) => submitUpdate(ctx.db, ctx.actor, ctx, input.updateId)),
  reviewUpdate: projectProcedure.input(reviewUpdateInput).mutation(({ ctx, input }) => reviewUpdate(ctx.db, ctx.actor, ctx, input)),
  submitEvaluation: projectProcedure
    .input(submitEvaluationInput)
    .mutation(({ ctx, input }) => submitEvaluation(ctx.db, ctx.actor, ctx, input)),
  decide: projectProcedure.input(decideProjectInput).mutation(({ ctx, input }) => decideProject(ctx.db, ctx.actor, ctx, input)),
  timeline: projectProcedure.input(projectRefInput).query(({ ctx }) => projectTimeline(ctx.db, ctx.project)),
  teamCandidates: projectProcedure.input(teamCandidatesInput).query(({ ctx, input }) => teamCandidates(ctx.db, ctx, input.search)),
  addTeamMember: projectProcedure
    .input(teamMemberInput)
    .mutation(({ ctx, input }) => addTeamMember(ctx.db, ctx.actor, ctx, input.userId)),
  removeTeamMember: projectProcedure
    .input(teamMemberInput)
    .mutation(({ ctx, input }) => removeTeamMember(ctx.db, ctx.actor, ctx, input.userId)),
  changeLead: projectProcedure
    .input(teamMemberInput)
    .mutation(({ ctx, input }) => changeProjectLead(ctx.db, ctx.actor, ctx, input.userId)),
});
