import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { fewerThan, id, multiLine, singleLine } from "./text";

/** Reflection and survey inputs, shared by the API and the forms that send them. */

export const TEXT_ANSWER_MAX = 5_000;
export const QUESTIONS_MAX = 20;

export const questionKind = z.enum(["TEXT", "SCALE"], { error: "Choose a written answer or a 1 to 5 scale" });
export const anonymity = z.enum(["NAMED", "ANONYMOUS"], { error: "Choose whether answers are named or anonymous" });
export const audienceKind = z.enum(["PARTNERSHIP", "SUB_GROUP", "PROJECT"], { error: "Choose who is asked" });

export const questionInput = z.object({
  prompt: multiLine().min(1, "Enter the question").max(500, fewerThan(500)),
  help: multiLine().max(1_000, fewerThan(1_000)).default(""),
  kind: questionKind,
});

export const createQuestionSetInput = z.object({
  partnershipSlug,
  title: singleLine().min(1, "Enter a title for the question set").max(200, fewerThan(200)),
  description: multiLine().max(2_000, fewerThan(2_000)).default(""),
  questions: z
    .array(questionInput)
    .min(1, "Add at least one question")
    .max(QUESTIONS_MAX, `Use ${QUESTIONS_MAX} questions or fewer`),
});
export type CreateQuestionSetInput = z.input<typeof createQuestionSetInput>;
export type QuestionSetData = z.output<typeof createQuestionSetInput>;

/** Changing one of the partnership's own question sets: its title, introduction and questions. */
export const updateQuestionSetInput = createQuestionSetInput.extend({ questionSetId: id });
export type UpdateQuestionSetInput = z.input<typeof updateQuestionSetInput>;
export type UpdateQuestionSetData = z.output<typeof updateQuestionSetInput>;

export const questionSetRefInput = z.object({ partnershipSlug, questionSetId: id });

/**
 * Running a reflection: a built-in template (`templateKey`) or one of the partnership's
 * question sets (`questionSetId`), for the whole partnership, a sub-group or a project team.
 */
export const createReflectionInput = z
  .object({
    partnershipSlug,
    templateKey: singleLine().max(40).optional(),
    questionSetId: id.optional(),
    /** Defaults to the question set's title and the audience. */
    title: singleLine().max(200, fewerThan(200)).optional(),
    audience: audienceKind,
    subGroupId: id.optional(),
    projectId: id.optional(),
    /** The last day answers are taken (UK time). */
    closesOn: z.iso.date({ error: "Enter the closing date like 2021-06-30" }),
    anonymity,
  })
  .refine((input) => Boolean(input.templateKey) !== Boolean(input.questionSetId), {
    message: "Choose one template or question set",
    path: ["questionSet"],
  })
  .refine((input) => input.audience !== "SUB_GROUP" || Boolean(input.subGroupId), {
    message: "Choose the sub-group",
    path: ["subGroupId"],
  })
  .refine((input) => input.audience !== "PROJECT" || Boolean(input.projectId), {
    message: "Choose the project",
    path: ["projectId"],
  });
export type CreateReflectionInput = z.input<typeof createReflectionInput>;
export type CreateReflectionData = z.output<typeof createReflectionInput>;

export const surveyRefInput = z.object({ surveyId: id });

export const answerInput = z.object({
  questionId: id,
  text: multiLine()
    .max(TEXT_ANSWER_MAX, `Use ${TEXT_ANSWER_MAX.toLocaleString("en-GB")} characters or fewer`)
    .optional(),
  score: z
    .number({ error: "Choose a number from 1 to 5" })
    .int("Choose a number from 1 to 5")
    .min(1, "Choose a number from 1 to 5")
    .max(5, "Choose a number from 1 to 5")
    .nullable()
    .optional(),
});

export const respondInput = z.object({
  surveyId: id,
  answers: z.array(answerInput).max(QUESTIONS_MAX),
});
export type RespondInput = z.input<typeof respondInput>;
export type RespondData = z.output<typeof respondInput>;

export const trendInput = z.object({ subGroupId: id });
export const answerRefInput = z.object({ answerId: id });
