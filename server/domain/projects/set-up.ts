import { sectionContentSchemas, type SectionContent } from "@/lib/schemas/proposals";
import type { SetUpProjectInput } from "@/lib/schemas/projects";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { allocateAward } from "./budget";
import { calendarDay, reportingPeriods } from "@/lib/projects/schedule";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function proposalSection<K extends "measures" | "activities" | "budget">(
  sections: readonly { key: string; content: unknown }[],
  key: K,
): SectionContent[K] {
  const stored = sections.find((section) => section.key === key)?.content;
  const parsed = sectionContentSchemas[key].safeParse(stored);
  return (parsed.success ? parsed.data : { measures: { items: [] }, activities: { items: [] }, budget: { lines: [] } }[key]) as SectionContent[K];
}

/**
 * Sets up the funded project an award pays for: its lead and team, the success measures
 * and activities carried over from the proposal (activities become milestones), the
 * budget as awarded (the proposal's lines shared in proportion to the award), the
 * reporting periods, and any payments that wait for a period's update to be accepted.
 */
export async function setUpProject(db: Database, actor: Actor, partnershipId: string, input: SetUpProjectInput) {
  const award = await db.award.findFirst({
    where: { id: input.awardId, fund: { partnershipId } },
    include: {
      fund: { select: { partnership: { select: { slug: true } } } },
      tranches: { orderBy: { sequence: "asc" } },
      project: { select: { id: true } },
      proposal: {
        select: {
          id: true,
          subGroupId: true,
          sections: { select: { key: true, content: true } },
          authors: { select: { userId: true, role: true } },
        },
      },
    },
  });
  if (!award) throw notFound("That award");
  if (award.project) throw new AppError("CONFLICT", `"${award.projectName}" has already been set up as a project.`);
  if (award.status !== "ACTIVE") throw new AppError("CONFLICT", "Only an active award can be set up as a project.");

  const proposal = award.proposal;
  const leadUserId = input.leadUserId ?? proposal?.authors.find((author) => author.role === "LEAD")?.userId;
  if (!leadUserId) throw new AppError("BAD_REQUEST", "Choose the project's lead.", { leadUserId: ["Choose the project's lead"] });
  const teamUserIds = [
    ...new Set(input.teamUserIds ?? proposal?.authors.filter((author) => author.role !== "LEAD").map((author) => author.userId) ?? []),
  ].filter((userId) => userId !== leadUserId);

  const members = await db.membership.findMany({
    where: { partnershipId, userId: { in: [leadUserId, ...teamUserIds] }, role: { not: "OBSERVER" } },
    select: { userId: true },
  });
  const known = new Set(members.map((member) => member.userId));
  if (!known.has(leadUserId)) {
    throw new AppError("BAD_REQUEST", "The lead must take part in this partnership.", { leadUserId: ["Choose someone in this partnership"] });
  }
  const strangers = teamUserIds.filter((userId) => !known.has(userId));
  if (strangers.length > 0) {
    throw new AppError("BAD_REQUEST", "Everyone in the team must take part in this partnership.", {
      teamUserIds: ["Choose people in this partnership"],
    });
  }

  const startsOn = day(input.startsOn);
  const endsOn = day(input.endsOn);
  const periods = reportingPeriods(startsOn, endsOn, input.reportingFrequency);
  const fieldErrors: Record<string, string[]> = {};
  input.tiedTranches.forEach((tie, index) => {
    const tranche = award.tranches.find((candidate) => candidate.id === tie.trancheId);
    if (!tranche) (fieldErrors[`tiedTranches.${index}.trancheId`] ??= []).push("Choose one of this award's payments");
    else if (tranche.paidAt) (fieldErrors[`tiedTranches.${index}.trancheId`] ??= []).push(`Payment ${tranche.sequence} has already been paid`);
    if (tie.periodSequence > periods.length) {
      (fieldErrors[`tiedTranches.${index}.periodSequence`] ??= []).push(`Choose a period from 1 to ${periods.length}`);
    }
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Check the payments tied to reporting.", fieldErrors);

  const measures = proposal ? proposalSection(proposal.sections, "measures").items : [];
  const activities = proposal ? proposalSection(proposal.sections, "activities").items : [];
  const budget = proposal ? proposalSection(proposal.sections, "budget").lines : [];
  const budgetLines = allocateAward(budget, award.awardedPence);
  const name = input.name ?? award.projectName;

  try {
    return await db.$transaction(async (tx: Tx) => {
      const project = await tx.fundedProject.create({
        data: {
          partnershipId,
          awardId: award.id,
          proposalId: proposal?.id ?? null,
          subGroupId: proposal?.subGroupId ?? null,
          name,
          startsOn,
          endsOn,
          reportingFrequency: input.reportingFrequency,
          measures,
          budgetLines,
          createdById: actor.userId,
          team: {
            create: [
              { userId: leadUserId, role: "LEAD" as const },
              ...teamUserIds.map((userId) => ({ userId, role: "MEMBER" as const })),
            ],
          },
          milestones: {
            create: activities
              .filter((activity) => activity.activity.trim() !== "")
              .map((activity, index) => ({
                sequence: index + 1,
                title: activity.activity,
                dueOn: activity.by ? calendarDay(day(activity.by)) : endsOn,
              })),
          },
          periods: { create: periods },
        },
        include: { periods: { select: { id: true, sequence: true } } },
      });
      for (const tie of input.tiedTranches) {
        const period = project.periods.find((candidate) => candidate.sequence === tie.periodSequence)!;
        await tx.tranche.update({ where: { id: tie.trancheId }, data: { requiresPeriodId: period.id } });
      }
      await notify(tx, {
        userIds: [leadUserId, ...teamUserIds],
        actorId: actor.userId,
        partnershipId,
        kind: "PROJECT_SET_UP",
        title: `"${name}" is set up as a funded project`,
        body: `Progress updates are due ${input.reportingFrequency === "MONTHLY" ? "monthly" : "quarterly"}, ${periods.length} in all.`,
        linkPath: paths.project(award.fund.partnership.slug, project.id),
      });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "project.set_up",
        subjectType: "FundedProject",
        subjectId: project.id,
        summary: `Set up "${name}" from its award, reporting ${input.reportingFrequency.toLowerCase()}`,
        amountPence: award.awardedPence,
      });
      return { id: project.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `"${award.projectName}" has already been set up as a project.`);
    throw error;
  }
}
