import { formatPence } from "@/lib/money";
import type { SaveUpdateInput } from "@/lib/schemas/projects";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { lockProject, type ProjectAccess } from "./access";
import { spendAgainstBudget, type AwardedLine, type SpendEntry } from "./budget";
import { projectTransition, updateTransition } from "./lifecycle";
import { isLate } from "@/lib/projects/schedule";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;
type Measure = { id: string; name: string };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Ids the update names must be the project's own budget lines, measures, milestones and period. */
async function checkReferences(tx: Tx, projectId: string, input: SaveUpdateInput) {
  const project = await tx.fundedProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      budgetLines: true,
      measures: true,
      milestones: { select: { id: true } },
      periods: { where: { id: input.periodId }, select: { id: true } },
    },
  });
  if (project.periods.length === 0) {
    throw new AppError("BAD_REQUEST", "Choose one of this project's reporting periods.", { periodId: ["Choose a reporting period"] });
  }
  const lines = new Set((project.budgetLines as AwardedLine[]).map((line) => line.id));
  const measures = new Set((project.measures as Measure[]).map((measure) => measure.id));
  const milestones = new Set(project.milestones.map((milestone) => milestone.id));
  const fieldErrors: Record<string, string[]> = {};
  input.spend.forEach((entry, index) => {
    if (!lines.has(entry.budgetLineId)) fieldErrors[`spend.${index}.budgetLineId`] = ["Choose one of the project's budget lines"];
  });
  input.measureValues.forEach((entry, index) => {
    if (!measures.has(entry.measureId)) fieldErrors[`measureValues.${index}.measureId`] = ["Choose one of the project's measures"];
  });
  input.milestoneChanges.forEach((entry, index) => {
    if (!milestones.has(entry.milestoneId)) fieldErrors[`milestoneChanges.${index}.milestoneId`] = ["Choose one of the project's milestones"];
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Check the highlighted parts of the update.", fieldErrors);
}

function content(input: SaveUpdateInput) {
  return {
    rag: input.rag,
    percentComplete: input.percentComplete,
    narrative: input.narrative,
    spend: input.spend,
    measureValues: input.measureValues,
    milestoneChanges: input.milestoneChanges,
    risks: input.risks,
    learning: input.learning,
  };
}

/**
 * Saves a draft update (new, or continuing one): half-written is fine, so nothing typed is
 * lost. Only the project's lead and team write updates, and not once the project is decided.
 */
export async function saveUpdateDraft(db: Database, actor: Actor, access: ProjectAccess, input: SaveUpdateInput) {
  return db.$transaction(async (tx) => {
    const project = await lockProject(tx, access.project.id);
    projectTransition(project.status, "POST_UPDATE");
    await checkReferences(tx, access.project.id, input);
    if (input.updateId) {
      const existing = await tx.progressUpdate.findFirst({
        where: { id: input.updateId, projectId: access.project.id },
        select: { id: true, status: true },
      });
      if (!existing) throw notFound("That update");
      updateTransition(existing.status, "EDIT");
      const saved = await tx.progressUpdate.update({
        where: { id: existing.id },
        data: { ...content(input), periodId: input.periodId },
        select: { id: true, updatedAt: true },
      });
      return { id: saved.id, savedAt: saved.updatedAt };
    }
    const created = await tx.progressUpdate.create({
      data: { ...content(input), projectId: access.project.id, periodId: input.periodId, authorId: actor.userId },
      select: { id: true, updatedAt: true },
    });
    return { id: created.id, savedAt: created.updatedAt };
  });
}

/**
 * Submits a draft: it must say how the project is doing (RAG and percentage complete), and
 * spend to date must fit within the award (a line may be overspent, with a reason given). A
 * period takes one live update at a time. Milestones marked done or slipped change now;
 * the update is kept as it was submitted, for good.
 */
export async function submitUpdate(db: Database, actor: Actor, access: ProjectAccess, updateId: string, now = new Date()) {
  const result = await db.$transaction(async (tx) => {
    const project = await lockProject(tx, access.project.id);
    projectTransition(project.status, "POST_UPDATE");
    const update = await tx.progressUpdate.findFirst({
      where: { id: updateId, projectId: access.project.id },
      include: {
        period: { select: { id: true, sequence: true, dueOn: true, acceptedUpdateId: true } },
        project: {
          select: {
            name: true,
            budgetLines: true,
            partnership: { select: { slug: true } },
            award: { select: { awardedPence: true, fund: { select: { partnershipId: true } } } },
          },
        },
      },
    });
    if (!update) throw notFound("That update");
    updateTransition(update.status, "SUBMIT");

    const fieldErrors: Record<string, string[]> = {};
    if (!update.rag) fieldErrors.rag = ["Choose red, amber or green"];
    if (update.percentComplete === null) fieldErrors.percentComplete = ["Enter how far through the project is, from 0 to 100"];
    const spend = spendAgainstBudget(
      update.project.budgetLines as AwardedLine[],
      update.spend as SpendEntry[],
      update.project.award.awardedPence,
    );
    if (spend.overAward) {
      fieldErrors.spend = [
        `Spend to date adds up to ${formatPence(spend.totalSpentPence)}, more than the award of ${formatPence(update.project.award.awardedPence)}. Check the amounts.`,
      ];
    }
    (update.spend as SpendEntry[]).forEach((entry, index) => {
      const line = spend.lines.find((candidate) => candidate.id === entry.budgetLineId);
      if (line?.over && line.overspendReason === "") {
        fieldErrors[`spend.${index}.overspendReason`] = [
          `Say why "${line.item}" is over budget: ${formatPence(line.spentPence)} spent of ${formatPence(line.awardedPence)} awarded`,
        ];
      }
    });
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError("BAD_REQUEST", "This update is not ready to submit. Your draft is saved.", fieldErrors);
    }
    if (update.period.acceptedUpdateId) {
      throw new AppError("CONFLICT", `The update for period ${update.period.sequence} has already been accepted.`);
    }
    const waiting = await tx.progressUpdate.count({ where: { periodId: update.periodId, status: "SUBMITTED" } });
    if (waiting > 0) {
      throw new AppError("CONFLICT", `An update for period ${update.period.sequence} is already waiting for an officer. Your draft is saved.`);
    }

    for (const change of update.milestoneChanges as SaveUpdateInput["milestoneChanges"]) {
      await tx.milestone.updateMany({
        where: { id: change.milestoneId, projectId: access.project.id },
        data:
          change.state === "DONE"
            ? { state: "DONE", doneOn: day(change.doneOn) }
            : { state: "SLIPPED", dueOn: day(change.newDueOn) },
      });
    }
    const late = isLate(update.period.dueOn, now);
    await tx.progressUpdate.update({
      where: { id: update.id },
      data: { status: updateTransition(update.status, "SUBMIT"), submittedAt: now, late },
    });
    const officers = await tx.membership.findMany({
      where: { partnershipId: update.project.award.fund.partnershipId, role: "OFFICER" },
      select: { userId: true },
    });
    await notify(tx, {
      userIds: officers.map((officer) => officer.userId),
      actorId: actor.userId,
      partnershipId: access.project.partnershipId,
      kind: "PROGRESS_UPDATE_SUBMITTED",
      title: `"${update.project.name}" posted its update for period ${update.period.sequence}${late ? " (late)" : ""}`,
      body: "It is waiting for an officer to accept it or send it back.",
      linkPath: paths.project(update.project.partnership.slug, access.project.id),
    });
    return { id: update.id, late, overLines: spend.overLines };
  });
  return result;
}

/**
 * An officer accepts a submitted update (which unlocks payments tied to its period) or
 * returns it with a note saying what to change; the lead then posts a new update.
 */
export async function reviewUpdate(
  db: Database,
  actor: Actor,
  access: ProjectAccess,
  input: { updateId: string; outcome: "ACCEPT" | "RETURN"; note: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    await lockProject(tx, access.project.id);
    const update = await tx.progressUpdate.findFirst({
      where: { id: input.updateId, projectId: access.project.id },
      include: {
        period: { select: { id: true, sequence: true } },
        project: { select: { name: true, team: { select: { userId: true } }, partnership: { select: { slug: true } } } },
      },
    });
    if (!update) throw notFound("That update");
    const status = updateTransition(update.status, input.outcome);
    await tx.progressUpdate.update({
      where: { id: update.id },
      data: { status, reviewedById: actor.userId, reviewedAt: now, reviewNote: input.note || null },
    });
    if (status === "ACCEPTED") {
      await tx.reportingPeriod.update({ where: { id: update.period.id }, data: { acceptedUpdateId: update.id } });
    }
    await notify(tx, {
      userIds: update.project.team.map((member) => member.userId),
      actorId: actor.userId,
      partnershipId: access.project.partnershipId,
      kind: "PROGRESS_UPDATE_REVIEWED",
      title:
        status === "ACCEPTED"
          ? `Your update for period ${update.period.sequence} of "${update.project.name}" was accepted`
          : `Your update for period ${update.period.sequence} of "${update.project.name}" was sent back`,
      body: input.note || null,
      linkPath: paths.project(update.project.partnership.slug, access.project.id),
    });
    await recordAudit(tx, {
      partnershipId: access.project.partnershipId,
      actorId: actor.userId,
      action: status === "ACCEPTED" ? "project.update_accepted" : "project.update_returned",
      subjectType: "ProgressUpdate",
      subjectId: update.id,
      summary: `${status === "ACCEPTED" ? "Accepted" : "Returned"} the period ${update.period.sequence} update of "${update.project.name}"`,
    });
    return { id: update.id, status };
  });
}
