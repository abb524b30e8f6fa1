import type { QuestionSetData } from "@/lib/schemas/reflections";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { SurveyQuestionKind } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { can } from "@/server/auth/can";
import { membershipOnly } from "@/server/auth/grants";
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
