import { formatPence } from "@/lib/money";
import type { SubmitEvaluationInput } from "@/lib/schemas/projects";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { ProjectOutcome } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { AppError } from "@/server/errors";
import { lockProject, type ProjectAccess } from "./access";
import { projectTransition } from "./lifecycle";
import { addDays } from "@/lib/projects/schedule";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/uk-time";

/** The lead may evaluate from this many days before the test's end. */
export const EVALUATION_OPENS_DAYS_BEFORE_END = 30;

export const OUTCOME_LABELS: Readonly<Record<ProjectOutcome, string>> = {
  SCALE_UP: "Scale up",
  SUSTAIN: "Sustain",
  ADAPT: "Adapt",
  STOP: "Stop",
};

/** Whether the evaluation can be written at `now` (from a month before the test ends). */
export function evaluationOpen(endsOn: Date, now: Date): boolean {
  return now.getTime() >= addDays(endsOn, -EVALUATION_OPENS_DAYS_BEFORE_END).getTime();
}

/**
 * The lead's end-of-test evaluation: final measure values, what the test cost, what worked
 * and what did not, and a recommendation. It moves a running project into evaluation, and
 * it is kept as submitted.
 */
export async function submitEvaluation(db: Database, actor: Actor, access: ProjectAccess, input: SubmitEvaluationInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { status } = await lockProject(tx, access.project.id);
    const project = await tx.fundedProject.findUniqueOrThrow({
      where: { id: access.project.id },
      select: {
        name: true,
        endsOn: true,
        measures: true,
        evaluation: { select: { id: true } },
        award: { select: { awardedPence: true, fund: { select: { partnershipId: true } } } },
        partnership: { select: { slug: true } },
      },
    });
    if (project.evaluation) throw new AppError("CONFLICT", "This project's evaluation has already been submitted.");
    let next = status;
    if (status === "ACTIVE") {
      if (!evaluationOpen(project.endsOn, now)) {
        throw new AppError(
          "CONFLICT",
          `The evaluation opens a month before the test ends (${formatDay(project.endsOn)}).`,
        );
      }
      next = projectTransition(status, "START_EVALUATION");
    }
    next = projectTransition(next, "SUBMIT_EVALUATION");

    const measureIds = new Set((project.measures as { id: string }[]).map((measure) => measure.id));
    const fieldErrors: Record<string, string[]> = {};
    input.measureResults.forEach((entry, index) => {
      if (!measureIds.has(entry.measureId)) fieldErrors[`measureResults.${index}.measureId`] = ["Choose one of the project's measures"];
    });
    if (input.costPence > project.award.awardedPence) {
      fieldErrors.costPence = [`The cost is more than the award of ${formatPence(project.award.awardedPence)}. Check the amount.`];
    }
    if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Check the highlighted parts of the evaluation.", fieldErrors);

    const evaluation = await tx.projectEvaluation.create({
      data: {
        projectId: access.project.id,
        authorId: actor.userId,
        measureResults: input.measureResults,
        costPence: input.costPence,
        whatWorked: input.whatWorked,
        whatDidNot: input.whatDidNot,
        recommendation: input.recommendation,
        submittedAt: now,
      },
    });
    await tx.fundedProject.update({ where: { id: access.project.id }, data: { status: next } });
    const officers = await tx.membership.findMany({
      where: { partnershipId: access.project.partnershipId, role: "OFFICER" },
      select: { userId: true },
    });
    await notify(tx, {
      userIds: officers.map((officer) => officer.userId),
      actorId: actor.userId,
      partnershipId: access.project.partnershipId,
      kind: "PROJECT_EVALUATED",
      title: `"${project.name}" has been evaluated: the lead recommends "${OUTCOME_LABELS[input.recommendation]}"`,
      body: "The partnership can now record its decision.",
      linkPath: paths.project(project.partnership.slug, access.project.id),
    });
    return { id: evaluation.id, status: next };
  });
}

/**
 * The partnership's test-and-learn decision on an evaluated project: scale up, sustain,
 * adapt or stop, with reasons and any recurring-funding next step. The project closes to
 * new updates and keeps its whole history.
 */
export async function decideProject(
  db: Database,
  actor: Actor,
  access: ProjectAccess,
  input: { outcome: ProjectOutcome; reasons: string; nextStep: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const { status } = await lockProject(tx, access.project.id);
    const project = await tx.fundedProject.findUniqueOrThrow({
      where: { id: access.project.id },
      select: {
        name: true,
        evaluation: { select: { id: true } },
        team: { select: { userId: true } },
        partnership: { select: { slug: true } },
      },
    });
    if (!project.evaluation && status !== "DECIDED") {
      throw new AppError("CONFLICT", "Wait for the lead's evaluation before deciding the test's future.");
    }
    const next = projectTransition(status, "DECIDE");
    const decision = await tx.projectDecision.create({
      data: {
        projectId: access.project.id,
        outcome: input.outcome,
        reasons: input.reasons,
        nextStep: input.nextStep,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    await tx.fundedProject.update({ where: { id: access.project.id }, data: { status: next } });
    await notify(tx, {
      userIds: project.team.map((member) => member.userId),
      actorId: actor.userId,
      partnershipId: access.project.partnershipId,
      kind: "PROJECT_DECIDED",
      title: `The partnership decided "${project.name}" should ${OUTCOME_LABELS[input.outcome].toLowerCase()}`,
      body: input.reasons,
      linkPath: paths.project(project.partnership.slug, access.project.id),
    });
    await recordAudit(tx, {
      partnershipId: access.project.partnershipId,
      actorId: actor.userId,
      action: "project.decided",
      subjectType: "FundedProject",
      subjectId: access.project.id,
      summary: `Decided "${project.name}": ${OUTCOME_LABELS[input.outcome]}`,
    });
    return { id: decision.id, status: next };
  });
}
