import type { QuestionSetData, UpdateQuestionSetData } from "@/lib/schemas/reflections";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { SurveyQuestionKind } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { can } from "@/server/auth/can";
import { membershipOnly } from "@/server/auth/grants";
import { AppError, notFound } from "@/server/errors";
import { isCopyOf, REFLECTION_TEMPLATES, type ReflectionTemplate } from "./templates";

type Tx = Prisma.TransactionClient;

export type QuestionView = { id: string; position: number; prompt: string; help: string; kind: SurveyQuestionKind };

const questionSelect = { id: true, position: true, prompt: true, help: true, kind: true } as const;

/**
 * The question sets a reflection can be run from: the built-in templates, then the
 * partnership's own sets. A template's stored copy is not listed again beside it.
 */
export async function listQuestionSets(db: Database, actor: Actor, membership: MembershipGrant) {
  const [sets, canRunFor] = await Promise.all([loadSets(db, membership), runnableAudiences(db, actor, membership)]);
  const own = sets.filter((set) => !REFLECTION_TEMPLATES.some((template) => isCopyOf(template, set)));
  return {
    templates: REFLECTION_TEMPLATES.map((template) => ({
      key: template.key,
      title: template.title,
      description: template.description,
      questions: template.questions.map((question, index) => ({ position: index + 1, ...question })),
    })),
    questionSets: own.map((set) => ({
      id: set.id,
      title: set.title,
      description: set.description,
      createdByName: set.createdBy ? displayName(set.createdBy) : null,
      createdAt: set.createdAt,
      runs: set._count.surveys,
      questions: set.questions,
    })),
    canRunFor,
    canEdit: can("reflection.updateQuestionSet", membershipOnly(actor, membership)),
  };
}

/**
 * The audiences the actor may run a reflection for: officers and chairs any of them; a
 * sub-group lead their sub-groups; a project lead their project's team.
 */
export async function runnableAudiences(db: Database, actor: Actor, membership: MembershipGrant) {
  const steering = can("reflection.runForPartnership", membershipOnly(actor, membership));
  const [subGroups, projects] = await Promise.all([
    db.subGroup.findMany({
      where: {
        partnershipId: membership.partnershipId,
        archivedAt: null,
        ...(steering ? {} : { members: { some: { userId: actor.userId, role: "LEAD" } } }),
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.fundedProject.findMany({
      where: {
        partnershipId: membership.partnershipId,
        ...(steering ? {} : { team: { some: { userId: actor.userId, role: "LEAD" } } }),
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { partnership: steering, subGroups, projects };
}

async function loadSets(db: Database, membership: MembershipGrant) {
  return db.questionSet.findMany({
    where: { partnershipId: membership.partnershipId },
    select: {
      id: true,
      title: true,
      description: true,
      isTemplate: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      questions: { select: questionSelect, orderBy: { position: "asc" } },
      _count: { select: { surveys: true } },
    },
    orderBy: [{ createdAt: "desc" }],
    take: 100,
  });
}

export async function createQuestionSet(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: QuestionSetData,
) {
  const set = await db.questionSet.create({
    data: {
      partnershipId: membership.partnershipId,
      title: input.title,
      description: input.description,
      createdById: actor.userId,
      questions: {
        create: input.questions.map((question, index) => ({
          position: index + 1,
          prompt: question.prompt,
          help: question.help,
          kind: question.kind,
        })),
      },
    },
    select: { id: true },
  });
  return { id: set.id };
}

/**
 * The partnership's stored copy of a built-in template, made the first time it is run and
 * reused afterwards so repeated runs share questions (and can be trended). A lock keeps two
 * people starting the same template at once from making two copies.
 */
export async function templateCopy(tx: Tx, partnershipId: string, template: ReflectionTemplate, actorId: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reflection-template:${partnershipId}:${template.key}`}))`;
  const candidates = await tx.questionSet.findMany({
    where: { partnershipId, isTemplate: true, title: template.title },
    select: { id: true, title: true, isTemplate: true, questions: { select: { position: true, prompt: true, kind: true } } },
    orderBy: { createdAt: "asc" },
  });
  const existing = candidates.find((set) => isCopyOf(template, set));
  if (existing) return existing.id;
  const created = await tx.questionSet.create({
    data: {
      partnershipId,
      title: template.title,
      description: template.description,
      isTemplate: true,
      createdById: actorId,
      questions: {
        create: template.questions.map((question, index) => ({
          position: index + 1,
          prompt: question.prompt,
          help: question.help,
          kind: question.kind,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/** One of the partnership's own question sets, to change it (a template's stored copy is not one). */
export async function getQuestionSet(db: Database, membership: MembershipGrant, questionSetId: string) {
  const set = await db.questionSet.findFirst({
    where: { id: questionSetId, partnershipId: membership.partnershipId, isTemplate: false },
    select: {
      id: true,
      title: true,
      description: true,
      questions: { select: questionSelect, orderBy: { position: "asc" } },
      _count: { select: { surveys: true } },
    },
  });
  if (!set) throw notFound("That question set");
  return { id: set.id, title: set.title, description: set.description, questions: set.questions, runs: set._count.surveys };
}

const sameQuestion = (a: { prompt: string; kind: SurveyQuestionKind }, b: { prompt: string; kind: SurveyQuestionKind }) =>
  a.prompt === b.prompt && a.kind === b.kind;

/**
 * Changing one of the partnership's own question sets. Before it has been run, everything
 * can change. Once people have answered it, the questions stay as they were asked (so the
 * answers keep their meaning and repeated runs can be compared): only the title, the
 * introduction and each question's guidance can change; to ask something else, copy it.
 */
export async function updateQuestionSet(db: Database, membership: MembershipGrant, input: UpdateQuestionSetData) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`question-set:${input.questionSetId}`}))`;
    const set = await tx.questionSet.findFirst({
      where: { id: input.questionSetId, partnershipId: membership.partnershipId, isTemplate: false },
      select: { id: true, questions: { select: { id: true, position: true, prompt: true, kind: true }, orderBy: { position: "asc" } }, _count: { select: { surveys: true } } },
    });
    if (!set) throw notFound("That question set");
    const questionsChanged =
      set.questions.length !== input.questions.length || set.questions.some((question, index) => !sameQuestion(question, input.questions[index]!));
    if (set._count.surveys > 0 && questionsChanged) {
      throw new AppError(
        "CONFLICT",
        "This question set has already been run, so its questions stay as people answered them. You can change the title, the introduction and each question's guidance, or write a new set to ask something different.",
        { questions: ["Keep the questions as they are, or write a new set"] },
      );
    }
    await tx.questionSet.update({ where: { id: set.id }, data: { title: input.title, description: input.description } });
    if (questionsChanged) {
      await tx.surveyQuestion.deleteMany({ where: { questionSetId: set.id } });
      await tx.surveyQuestion.createMany({
        data: input.questions.map((question, index) => ({
          questionSetId: set.id,
          position: index + 1,
          prompt: question.prompt,
          help: question.help,
          kind: question.kind,
        })),
      });
    } else {
      for (const [index, question] of set.questions.entries()) {
        await tx.surveyQuestion.update({ where: { id: question.id }, data: { help: input.questions[index]!.help } });
      }
    }
    return { id: set.id };
  });
}
