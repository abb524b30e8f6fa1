import type { MembershipGrant, SubGroupGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { displayName } from "@/server/domain/discussions/people";
import { AppError, notAllowed } from "@/server/errors";
import { audienceSize, loadViewer, surveyAccess, surveyEnd } from "./access";
import { tableToCsv } from "@/server/domain/exports/spreadsheet";
import { reflectionTable, responseRate, summariseScale } from "./csv";
import { londonDay } from "./dates";
import { audienceOf, loadSurveyFor } from "./surveys";

const FORMER_MEMBER = "A former member";

/** Responses with their answers; the respondent's name is read only for named runs. */
async function responsesOf(db: Database, surveyId: string, named: boolean) {
  const responses = await db.surveyResponse.findMany({
    where: { surveyId },
    select: {
      id: true,
      submittedOn: true,
      ...(named ? { respondent: { select: { name: true } } } : {}),
      answers: { select: { questionId: true, text: true, score: true } },
    },
    // Random ids for anonymous runs: the order says nothing about who answered when.
    orderBy: { id: "asc" },
  });
  return responses.map((response) => ({
    submittedOn: response.submittedOn,
    name: named ? (response.respondent ? displayName(response.respondent) : FORMER_MEMBER) : null,
    answers: response.answers,
  }));
}

async function surveyForResults(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now: Date) {
  const loaded = await loadSurveyFor(db, actor, membership, surveyId, now);
  if (!loaded.access.canSeeResults) {
    if (loaded.access.inAudience && loaded.access.isOpen) {
      throw new AppError("FORBIDDEN", "You can see the results once you have answered, or when the reflection closes.");
    }
    throw notAllowed("see these results");
  }
  return loaded;
}

/**
 * The summary of a run: how many answered out of how many were asked, and the answers
 * grouped by question (written answers listed, named only in named runs; scales as a mean
 * and a count of each score).
 */
export async function reflectionResults(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { survey, access } = await surveyForResults(db, actor, membership, surveyId, now);
  const named = survey.anonymity === "NAMED";
  const [responses, asked] = await Promise.all([responsesOf(db, survey.id, named), audienceSize(db, survey, now)]);
  const answersByQuestion = new Map<string, { text: string | null; score: number | null; name: string | null }[]>();
  for (const response of responses) {
    for (const answer of response.answers) {
      const list = answersByQuestion.get(answer.questionId) ?? [];
      list.push({ text: answer.text, score: answer.score, name: response.name });
      answersByQuestion.set(answer.questionId, list);
    }
  }
  const byName = (a: { name: string | null }, b: { name: string | null }) => (a.name ?? "").localeCompare(b.name ?? "", "en-GB");
  return {
    id: survey.id,
    partnershipSlug: survey.partnership.slug,
    title: survey.title,
    questionSetTitle: survey.questionSet.title,
    anonymity: survey.anonymity,
    audience: audienceOf(survey),
    closesAt: survey.closesAt,
    closedAt: survey.closedEarlyAt ?? (access.isOpen ? null : survey.closesAt),
    isOpen: access.isOpen,
    canManage: access.canManage,
    responseCount: responses.length,
    audienceSize: asked,
    responseRate: responseRate(responses.length, asked),
    questions: survey.questionSet.questions.map((question) => {
      const answers = answersByQuestion.get(question.id) ?? [];
      if (question.kind === "SCALE") {
        const scores = answers.flatMap((answer) => (answer.score === null ? [] : [answer.score]));
        return { ...question, answerCount: scores.length, texts: [], scale: summariseScale(scores) };
      }
      const texts = answers
        .flatMap((answer) => (answer.text ? [{ text: answer.text, name: named ? answer.name : null }] : []))
        .sort(named ? byName : () => 0);
      return { ...question, answerCount: texts.length, texts, scale: null };
    }),
  };
}

/** The answers as CSV, one row per response; only for those who manage the run. */
/** A reflection's answers as one spreadsheet description, and the file name to save it under (without its extension). */
export async function reflectionExport(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { survey } = await surveyForResults(db, actor, membership, surveyId, now);
  const named = survey.anonymity === "NAMED";
  const responses = await responsesOf(db, survey.id, named);
  const ordered = named
    ? [...responses].sort((a, b) => a.submittedOn.getTime() - b.submittedOn.getTime() || (a.name ?? "").localeCompare(b.name ?? "", "en-GB"))
    : responses;
  const table = reflectionTable({
    anonymity: survey.anonymity,
    questions: survey.questionSet.questions,
    responses: ordered.map((response) => ({
      submittedOn: response.submittedOn,
      name: response.name,
      answers: new Map(
        response.answers.flatMap((answer): [string, string | number][] =>
          answer.score !== null ? [[answer.questionId, answer.score]] : answer.text ? [[answer.questionId, answer.text]] : [],
        ),
      ),
    })),
  });
  const slug = survey.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return { basename: `reflection-${slug || "answers"}-${londonDay(now)}`, table };
}

export async function reflectionCsvExport(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { basename, table } = await reflectionExport(db, actor, membership, surveyId, now);
  return { filename: `${basename}.csv`, csv: tableToCsv(table) };
}

export async function reflectionXlsxExport(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { basename, table } = await reflectionExport(db, actor, membership, surveyId, now);
  return { filename: `${basename}.xlsx`, table };
}

/** Repeated runs of one question set in a sub-group, oldest first. */
export type TrendSet = {
  questionSetId: string;
  title: string;
  scaleQuestions: { id: string; position: number; prompt: string }[];
  runs: {
    surveyId: string;
    title: string;
    openedOn: string;
    closedOn: string;
    isOpen: boolean;
    responses: number;
    audienceSize: number;
    responseRate: number | null;
    means: { questionId: string; mean: number | null }[];
  }[];
};

/**
 * A sub-group's repeated runs, per question set, oldest first: when each ran, how many
 * answered out of how many were asked, and the mean of each scale question. Only runs whose
 * results the actor may see are counted.
 */
export async function reflectionTrend(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  subGroup: SubGroupGrant,
  now = new Date(),
) {
  const viewer = await loadViewer(db, actor, membership);
  const runs = await db.survey.findMany({
    where: { subGroupId: subGroup.id, partnershipId: membership.partnershipId },
    select: {
      id: true,
      partnershipId: true,
      title: true,
      createdById: true,
      subGroupId: true,
      projectId: true,
      closesAt: true,
      closedEarlyAt: true,
      createdAt: true,
      questionSetId: true,
      questionSet: {
        select: {
          title: true,
          questions: { where: { kind: "SCALE" }, select: { id: true, position: true, prompt: true }, orderBy: { position: "asc" } },
        },
      },
      participants: { where: { userId: actor.userId }, select: { userId: true } },
      _count: { select: { responses: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const visible = runs.filter((run) => surveyAccess(viewer, run, run.participants.length > 0, now).canSeeResults);
  const means = visible.length
    ? await db.$queryRaw<{ surveyId: string; questionId: string; mean: number }[]>`
        SELECT r."surveyId", a."questionId", avg(a."score")::float8 AS "mean"
        FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
        WHERE r."surveyId" = ANY(${visible.map((run) => run.id)}) AND a."score" IS NOT NULL
        GROUP BY r."surveyId", a."questionId"`
    : [];
  const meanOf = new Map(means.map((row) => [`${row.surveyId}:${row.questionId}`, Math.round(row.mean * 100) / 100]));

  const sets: TrendSet[] = [];
  for (const run of visible) {
    let set = sets.find((entry) => entry.questionSetId === run.questionSetId);
    if (!set) {
      set = { questionSetId: run.questionSetId, title: run.questionSet.title, scaleQuestions: run.questionSet.questions, runs: [] };
      sets.push(set);
    }
    const asked = await audienceSize(db, run, now);
    const end = surveyEnd(run);
    set.runs.push({
      surveyId: run.id,
      title: run.title,
      openedOn: londonDay(run.createdAt),
      closedOn: londonDay(end),
      isOpen: end.getTime() > now.getTime(),
      responses: run._count.responses,
      audienceSize: asked,
      responseRate: responseRate(run._count.responses, asked),
      means: run.questionSet.questions.map((question) => ({ questionId: question.id, mean: meanOf.get(`${run.id}:${question.id}`) ?? null })),
    });
  }
  // Question sets run most recently come first.
  return {
    subGroupId: subGroup.id,
    questionSets: sets.sort((a, b) => (b.runs.at(-1)?.openedOn ?? "").localeCompare(a.runs.at(-1)?.openedOn ?? "")),
  };
}
