import { partnershipRefInput } from "@/lib/schemas/partnership";
import {
  answerRefInput,
  createQuestionSetInput,
  createReflectionInput,
  questionSetRefInput,
  respondInput,
  surveyRefInput,
  trendInput,
  updateQuestionSetInput,
} from "@/lib/schemas/reflections";
import { partnershipProcedure, router, subGroupProcedure } from "@/server/api/trpc";
import { answerToStory } from "@/server/domain/reflections/answer-to-story";
import { createQuestionSet, getQuestionSet, listQuestionSets, updateQuestionSet } from "@/server/domain/reflections/question-sets";
import { respondToReflection } from "@/server/domain/reflections/responses";
import { reflectionCsvExport, reflectionResults, reflectionTrend, reflectionXlsxExport } from "@/server/domain/reflections/results";
import { closeReflection, createReflection, getReflection, listReflections } from "@/server/domain/reflections/surveys";

/**
 * Reflections and surveys: question sets (the Team Leeds chat as a template), runs for a
 * partnership, a sub-group or a project team, answers, results and trends. The policy has
 * proved partnership membership; audience and manager rules live in server/domain/reflections.
 */
export const reflectionRouter = router({
  questionSets: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => listQuestionSets(ctx.db, ctx.actor, ctx.membership)),
  createQuestionSet: partnershipProcedure
    .input(createQuestionSetInput)
    .mutation(({ ctx, input }) => createQuestionSet(ctx.db, ctx.actor, ctx.membership, input)),
  questionSet: partnershipProcedure
    .input(questionSetRefInput)
    .query(({ ctx, input }) => getQuestionSet(ctx.db, ctx.membership, input.questionSetId)),
  updateQuestionSet: partnershipProcedure
    .input(updateQuestionSetInput)
    .mutation(({ ctx, input }) => updateQuestionSet(ctx.db, ctx.membership, input)),
  list: partnershipProcedure.input(partnershipRefInput).query(({ ctx }) => listReflections(ctx.db, ctx.actor, ctx.membership)),
  create: partnershipProcedure
    .input(createReflectionInput)
    .mutation(({ ctx, input }) => createReflection(ctx.db, ctx.actor, ctx.membership, input)),
  get: partnershipProcedure.input(surveyRefInput).query(({ ctx, input }) => getReflection(ctx.db, ctx.actor, ctx.membership, input.surveyId)),
  respond: partnershipProcedure
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToReflection(ctx.db, ctx.actor, ctx.membership, input)),
  results: partnershipProcedure
    .input(surveyRefInput)
    .query(({ ctx, input }) => reflectionResults(ctx.db, ctx.actor, ctx.membership, input.surveyId)),
  exportCsv: partnershipProcedure
    .input(surveyRefInput)
    .query(({ ctx, input }) => reflectionCsvExport(ctx.db, ctx.actor, ctx.membership, input.surveyId)),
  /** The same answers as the CSV, described for the Excel file. */
  exportTable: partnershipProcedure
    .input(surveyRefInput)
    .query(({ ctx, input }) => reflectionXlsxExport(ctx.db, ctx.actor, ctx.membership, input.surveyId)),
  close: partnershipProcedure
    .input(surveyRefInput)
    .mutation(({ ctx, input }) => closeReflection(ctx.db, ctx.actor, ctx.membership, input.surveyId)),
  trend: subGroupProcedure
    .input(trendInput)
    .query(({ ctx }) => reflectionTrend(ctx.db, ctx.actor, ctx.membership, ctx.subGroup)),
  answerToStory: partnershipProcedure
    .input(answerRefInput)
    .mutation(({ ctx, input }) => answerToStory(ctx.db, ctx.actor, ctx.membership, input.answerId)),
});
