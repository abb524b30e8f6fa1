import type { CreateReflectionData } from "@/lib/schemas/reflections";
import { assertCan } from "@/server/auth/can";
import { membershipOnly, type MembershipGrant } from "@/server/auth/grants";
import { authorizeFor } from "@/server/auth/resolve";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { displayName } from "@/server/domain/discussions/people";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { audienceUserIds, hasAnswered, isSurveyOpen, loadViewer, surveyAccess, surveyEnd } from "./access";
import { addDays, endOfLondonDay, londonDay } from "./dates";
import { templateCopy } from "./question-sets";
import { templateByKey } from "./templates";
import { paths } from "@/lib/paths";
import { formatInstantDay } from "@/lib/uk-time";

/** How far ahead a reflection may close. */
const LONGEST_RUN_DAYS = 366;


type AudienceRow = {
  subGroup: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
};

export type AudienceView =
  | { kind: "PARTNERSHIP"; label: string }
  | { kind: "SUB_GROUP"; label: string; subGroupId: string }
  | { kind: "PROJECT"; label: string; projectId: string };

export function audienceOf(row: AudienceRow): AudienceView {
  if (row.subGroup) return { kind: "SUB_GROUP", label: row.subGroup.name, subGroupId: row.subGroup.id };
  if (row.project) return { kind: "PROJECT", label: `${row.project.name} team`, projectId: row.project.id };
  return { kind: "PARTNERSHIP", label: "Whole partnership" };
}

const badField = (field: string, message: string) => new AppError("BAD_REQUEST", message, { [field]: [message] });

/** Checks the actor may run a reflection for the chosen audience, and loads it. */
async function resolveAudience(db: Database, actor: Actor, membership: MembershipGrant, input: CreateReflectionData) {
  if (input.audience === "PARTNERSHIP") {
    assertCan("reflection.runForPartnership", membershipOnly(actor, membership));
    return { subGroupId: null, projectId: null, label: "the whole partnership" };
  }
  if (input.audience === "SUB_GROUP") {
    const subGroup = await db.subGroup.findFirst({
      where: { id: input.subGroupId!, partnershipId: membership.partnershipId },
      select: { id: true, name: true, archivedAt: true },
    });
    if (!subGroup) throw notFound("That sub-group");
    await authorizeFor(db, actor, "reflection.runForSubGroup", subGroup.id);
    if (subGroup.archivedAt) throw new AppError("CONFLICT", `${subGroup.name} has been archived, so it no longer runs reflections.`);
    return { subGroupId: subGroup.id, projectId: null, label: subGroup.name };
  }
  const project = await db.fundedProject.findFirst({
    where: { id: input.projectId!, partnershipId: membership.partnershipId },
    select: { id: true, name: true },
  });
  if (!project) throw notFound("That project");
  await authorizeFor(db, actor, "reflection.runForProject", project.id);
  return { subGroupId: null, projectId: project.id, label: `the ${project.name} team` };
}

/** Runs a reflection for an audience, and tells the audience it is open. */
export async function createReflection(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: CreateReflectionData,
  now = new Date(),
) {
  const audience = await resolveAudience(db, actor, membership, input);

  const today = londonDay(now);
  if (input.closesOn < today) throw badField("closesOn", "The closing date has passed. Choose today or a later date.");
  if (input.closesOn > addDays(today, LONGEST_RUN_DAYS)) throw badField("closesOn", "Choose a closing date within the next year.");
  const closesAt = endOfLondonDay(input.closesOn);

  const template = input.templateKey ? templateByKey(input.templateKey) : undefined;
  if (input.templateKey && !template) throw badField("questionSet", "Choose one of the listed templates.");
  let questionSet: { id: string; title: string } | null = null;
  if (input.questionSetId) {
    const set = await db.questionSet.findFirst({
      where: { id: input.questionSetId, partnershipId: membership.partnershipId },
      select: { id: true, title: true, _count: { select: { questions: true } } },
    });
    if (!set) throw badField("questionSet", "Choose a question set from this partnership.");
    if (set._count.questions === 0) throw badField("questionSet", "That question set has no questions. Choose another one.");
    questionSet = set;
  }

  const partnership = await db.partnership.findUniqueOrThrow({ where: { id: membership.partnershipId }, select: { slug: true } });
  return db.$transaction(async (tx) => {
    const questionSetId = template ? await templateCopy(tx, membership.partnershipId, template, actor.userId) : questionSet!.id;
    const setTitle = template ? template.title : questionSet!.title;
    const title = input.title?.trim() || `${setTitle}: ${audience.label}`;
    const survey = await tx.survey.create({
      data: {
        partnershipId: membership.partnershipId,
        questionSetId,
        subGroupId: audience.subGroupId,
        projectId: audience.projectId,
        title,
        anonymity: input.anonymity,
        closesAt,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    const audienceIds = await audienceUserIds(tx, { partnershipId: membership.partnershipId, ...audience });
    await notify(tx, {
      userIds: audienceIds,
      actorId: actor.userId,
      partnershipId: membership.partnershipId,
      kind: "SURVEY_OPENED",
      title: `Please share your reflections: "${title}"`,
      body: `${input.anonymity === "ANONYMOUS" ? "Answers are anonymous." : "Answers show your name."} It closes on ${formatInstantDay(closesAt)}.`,
      linkPath: paths.reflection(partnership.slug, survey.id),
    });
    await recordAudit(tx, {
      partnershipId: membership.partnershipId,
      actorId: actor.userId,
      action: "reflection.opened",
      subjectType: "Survey",
      subjectId: survey.id,
      summary: `Opened the reflection "${title}" for ${audience.label}`,
    });
    return { id: survey.id, questionSetId };
  });
}

const listSelect = {
  id: true,
  title: true,
  anonymity: true,
  closesAt: true,
  closedEarlyAt: true,
  createdAt: true,
  createdById: true,
  subGroupId: true,
  projectId: true,
  createdBy: { select: { name: true } },
  questionSet: { select: { title: true } },
  subGroup: { select: { id: true, name: true } },
  project: { select: { id: true, name: true } },
  _count: { select: { responses: true } },
} as const;

/**
 * The reflections page: open runs the actor is asked to answer, open runs they manage,
 * and runs closed within the last year whose results they may see.
 */
export async function listReflections(db: Database, actor: Actor, membership: MembershipGrant, now = new Date()) {
  const viewer = await loadViewer(db, actor, membership);
  const yearAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
  const surveys = await db.survey.findMany({
    where: { partnershipId: membership.partnershipId, closesAt: { gte: yearAgo } },
    select: { ...listSelect, participants: { where: { userId: actor.userId }, select: { userId: true } } },
    orderBy: { closesAt: "desc" },
    take: 300,
  });
  const rows = surveys.map((survey) => {
    const answered = survey.participants.length > 0;
    const access = surveyAccess(viewer, survey, answered, now);
    return {
      access,
      view: {
        id: survey.id,
        title: survey.title,
        questionSetTitle: survey.questionSet.title,
        anonymity: survey.anonymity,
        audience: audienceOf(survey),
        closesAt: survey.closesAt,
        closedAt: survey.closedEarlyAt ?? (access.isOpen ? null : survey.closesAt),
        createdAt: survey.createdAt,
        runBy: displayName(survey.createdBy),
        answered,
        canAnswer: access.canAnswer,
        canManage: access.canManage,
        canSeeResults: access.canSeeResults,
        /** Only those who manage the run see how many have answered while it is open. */
        responseCount: access.canManage || !access.isOpen ? survey._count.responses : null,
      },
    };
  });
  const byClosing = (a: { view: { closesAt: Date } }, b: { view: { closesAt: Date } }) => a.view.closesAt.getTime() - b.view.closesAt.getTime();
  return {
    toAnswer: rows.filter((row) => row.access.isOpen && row.access.inAudience).sort(byClosing).map((row) => row.view),
    running: rows.filter((row) => row.access.isOpen && row.access.canManage).sort(byClosing).map((row) => row.view),
    closed: rows
      .filter((row) => !row.access.isOpen && row.access.canSeeResults)
      .slice(0, 20)
      .map((row) => row.view),
  };
}

/** Loads one run with what the actor may do with it. Throws when they have no part in it. */
export async function loadSurveyFor(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now: Date) {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, partnershipId: membership.partnershipId },
    select: {
      ...listSelect,
      partnershipId: true,
      questionSetId: true,
      partnership: { select: { slug: true } },
      questionSet: { select: { title: true, questions: { select: { id: true, position: true, prompt: true, help: true, kind: true }, orderBy: { position: "asc" } } } },
    },
  });
  if (!survey) throw notFound("That reflection");
  const viewer = await loadViewer(db, actor, membership);
  const answered = await hasAnswered(db, survey.id, actor.userId);
  const access = surveyAccess(viewer, survey, answered, now);
  if (!access.canSee) throw notFound("That reflection");
  return { survey, access, answered };
}

/** One run: its questions, the actor's own answers when answers are named, and what they may do. */
export async function getReflection(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { survey, access, answered } = await loadSurveyFor(db, actor, membership, surveyId, now);
  const myResponse =
    survey.anonymity === "NAMED" && answered
      ? await db.surveyResponse.findUnique({
          where: { surveyId_respondentId: { surveyId: survey.id, respondentId: actor.userId } },
          select: {
            submittedOn: true,
            answers: { select: { id: true, questionId: true, text: true, score: true, story: { select: { id: true } } } },
          },
        })
      : null;
  return {
    id: survey.id,
    partnershipSlug: survey.partnership.slug,
    title: survey.title,
    questionSetTitle: survey.questionSet.title,
    anonymity: survey.anonymity,
    audience: audienceOf(survey),
    closesAt: survey.closesAt,
    closedAt: survey.closedEarlyAt ?? (access.isOpen ? null : survey.closesAt),
    createdAt: survey.createdAt,
    runBy: displayName(survey.createdBy),
    questions: survey.questionSet.questions,
    isOpen: access.isOpen,
    answered,
    canAnswer: access.canAnswer,
    inAudience: access.inAudience,
    canManage: access.canManage,
    canSeeResults: access.canSeeResults,
    /** Only for named runs: an anonymous answer is not linked to anyone, its author included. */
    myAnswers: myResponse
      ? myResponse.answers.map((answer) => ({
          answerId: answer.id,
          questionId: answer.questionId,
          text: answer.text,
          score: answer.score,
          storyId: answer.story?.id ?? null,
        }))
      : null,
  };
}

/** Closes a run before its closing date; only those who manage it may. */
export async function closeReflection(db: Database, actor: Actor, membership: MembershipGrant, surveyId: string, now = new Date()) {
  const { survey } = await loadSurveyFor(db, actor, membership, surveyId, now);
  if (!isSurveyOpen(survey, now)) throw new AppError("CONFLICT", `This reflection closed on ${formatInstantDay(surveyEnd(survey))}.`);
  return db.$transaction(async (tx) => {
    const closed = await tx.survey.updateMany({ where: { id: survey.id, closedEarlyAt: null }, data: { closedEarlyAt: now } });
    if (closed.count === 0) throw new AppError("CONFLICT", "This reflection has already been closed.");
    await recordAudit(tx, {
      partnershipId: membership.partnershipId,
      actorId: actor.userId,
      action: "reflection.closed",
      subjectType: "Survey",
      subjectId: survey.id,
      summary: `Closed the reflection "${survey.title}" early`,
    });
    return { id: survey.id, closedAt: now };
  });
}
