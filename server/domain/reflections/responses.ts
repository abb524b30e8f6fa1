import { randomUUID } from "node:crypto";
import type { RespondData } from "@/lib/schemas/reflections";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation, violatedCheckConstraint } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { isSurveyOpen, surveyEnd } from "./access";
import { londonDay, storedDay } from "./dates";
import { formatInstantDay } from "@/lib/uk-time";
import { loadSurveyFor } from "./surveys";

const ALREADY_ANSWERED = "You have already answered this reflection. Everyone answers once.";

const closedMessage = (survey: { closesAt: Date; closedEarlyAt: Date | null }) =>
  `This reflection closed on ${formatInstantDay(surveyEnd(survey))}, so it no longer takes answers.`;

type CheckedAnswer = { questionId: string; text: string | null; score: number | null };

/** Checks the answers against the run's questions; keeps the ones that say something. */
export function checkAnswers(
  questions: readonly { id: string; kind: "TEXT" | "SCALE" }[],
  answers: RespondData["answers"],
): CheckedAnswer[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const kept: CheckedAnswer[] = [];
  answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (!question) throw new AppError("BAD_REQUEST", "One of the answers is for a question this reflection does not ask. Reload the page and try again.");
    if (seen.has(question.id)) throw new AppError("BAD_REQUEST", "A question was answered twice. Reload the page and try again.");
    seen.add(question.id);
    const text = answer.text?.trim() ?? "";
    const score = answer.score ?? null;
    if (question.kind === "SCALE") {
      if (text) throw new AppError("BAD_REQUEST", "Choose a number from 1 to 5.", { [`answers.${index}.score`]: ["Choose a number from 1 to 5"] });
      if (score !== null) kept.push({ questionId: question.id, text: null, score });
    } else {
      if (score !== null) throw new AppError("BAD_REQUEST", "This question takes a written answer.", { [`answers.${index}.text`]: ["Write your answer"] });
      if (text) kept.push({ questionId: question.id, text, score: null });
    }
  });
  if (kept.length === 0) {
    throw new AppError("BAD_REQUEST", "Answer at least one question before you send your reflections.", {
      form: ["Answer at least one question"],
    });
  }
  return kept;
}

/**
 * Answers a run, once. For an anonymous run nothing links the response to the person:
 * `respondentId` stays null, the response and its answers get random ids (not time-ordered),
 * and both the response and the participant row keep only the day, so the order of
 * answers cannot be matched to the order people answered in.
 */
export async function respondToReflection(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: RespondData,
  now = new Date(),
) {
  const { survey, access, answered } = await loadSurveyFor(db, actor, membership, input.surveyId, now);
  if (answered) throw new AppError("CONFLICT", ALREADY_ANSWERED);
  if (!access.isOpen) throw new AppError("CONFLICT", closedMessage(survey));
  const answers = checkAnswers(survey.questionSet.questions, input.answers);

  const anonymous = survey.anonymity === "ANONYMOUS";
  const day = storedDay(londonDay(now));
  try {
    return await db.$transaction(async (tx) => {
      // Closing early takes the row for update, so an answer and a close cannot cross.
      const [row] = await tx.$queryRaw<{ closesAt: Date; closedEarlyAt: Date | null }[]>`
        SELECT "closesAt", "closedEarlyAt" FROM "Survey" WHERE "id" = ${survey.id} FOR SHARE`;
      if (!row || !isSurveyOpen(row, now)) throw new AppError("CONFLICT", closedMessage(row ?? survey));
      await tx.surveyParticipant.create({
        data: { surveyId: survey.id, userId: actor.userId, respondedAt: anonymous ? day : now },
      });
      const response = await tx.surveyResponse.create({
        data: {
          ...(anonymous ? { id: randomUUID() } : {}),
          surveyId: survey.id,
          respondentId: anonymous ? null : actor.userId,
          submittedOn: day,
        },
        select: { id: true },
      });
      const rows = answers.map((answer) => ({ id: randomUUID(), responseId: response.id, ...answer }));
      await tx.surveyAnswer.createMany({ data: rows });
      // The author of a named answer may turn it into a story; an anonymous one stays unlinked.
      const mine = anonymous ? [] : rows.map(({ id, questionId, text, score }) => ({ answerId: id, questionId, text, score }));
      return { anonymity: survey.anonymity, answers: mine };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", ALREADY_ANSWERED);
    if (violatedCheckConstraint(error) === "SurveyAnswer_score_range") {
      throw new AppError("BAD_REQUEST", "Choose a number from 1 to 5.");
    }
    throw error;
  }
}
