import type { Prisma } from "../../server/db/generated/client";
import { allocateAward } from "../../server/domain/projects/budget";
import { addDays, addMonths, calendarDay, isLate, reportingPeriods } from "../../lib/projects/schedule";
import { DEMO_PROJECTS } from "./demo-data";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/**
 * The fund's awards as funded projects part-way through their tests: teams, measures,
 * budgets, milestones and a history of progress updates, some late, some overdue.
 */
export async function seedDemoProjects(
  tx: Tx,
  lookups: { partnershipId: string; fundId: string; officerId: string; userId: (email: string) => string; now: Date },
) {
  const { now } = lookups;
  for (const demo of DEMO_PROJECTS) {
    const award = await tx.award.findFirstOrThrow({
      where: { fundId: lookups.fundId, projectName: demo.award },
      include: { tranches: { orderBy: { sequence: "asc" } } },
    });
    const startsOn = calendarDay(new Date(now.getTime() - demo.startedDaysAgo * DAY));
    const endsOn = addDays(addMonths(startsOn, demo.months), -1);
    const periods = reportingPeriods(startsOn, endsOn, demo.frequency);
    const budgetLines = allocateAward(
      demo.budget.map((line, index) => ({ id: `line-${index + 1}`, item: line.item, organisationId: null, amountPence: line.percent })),
      award.awardedPence,
    );
    const measures = demo.measures.map((measure, index) => ({ id: `measure-${index + 1}`, ...measure }));
    const leadId = lookups.userId(demo.lead);
    const middle = new Date((startsOn.getTime() + endsOn.getTime()) / 2);
    // The sub-group working on the award's priority area runs the test.
    const subGroup = award.priorityAreaId
      ? await tx.subGroup.findFirst({ where: { priorityAreaId: award.priorityAreaId }, orderBy: { createdAt: "asc" }, select: { id: true } })
      : null;
    const project = await tx.fundedProject.create({
      data: {
        partnershipId: lookups.partnershipId,
        awardId: award.id,
        subGroupId: subGroup?.id ?? null,
        name: demo.award,
        startsOn,
        endsOn,
        reportingFrequency: demo.frequency,
        status: demo.status,
        measures,
        budgetLines,
        createdById: lookups.officerId,
        createdAt: new Date(startsOn.getTime() - 7 * DAY),
        team: {
          create: [
            { userId: leadId, role: "LEAD" as const },
            ...demo.team.map((email) => ({ userId: lookups.userId(email), role: "MEMBER" as const })),
          ],
        },
        milestones: {
          create: [
            { sequence: 1, title: "Test starts with everyone in place", dueOn: addDays(startsOn, 14), state: "DONE", doneOn: addDays(startsOn, 12) },
            { sequence: 2, title: "Mid-test review with the sub-group", dueOn: calendarDay(middle) },
            { sequence: 3, title: "Evaluation written up", dueOn: addDays(endsOn, 30) },
          ],
        },
        periods: { create: periods },
      },
      include: { periods: { orderBy: { sequence: "asc" } } },
    });

    for (const [index, update] of demo.updates.entries()) {
      const period = project.periods[index]!;
      const submittedAt = new Date(
        Math.min(addDays(period.dueOn, update.daysLate).getTime() + 10 * HOUR, now.getTime() - (demo.updates.length - index) * HOUR),
      );
      const share = update.percent / 100;
      const created = await tx.progressUpdate.create({
        data: {
          projectId: project.id,
          periodId: period.id,
          authorId: leadId,
          status: update.accepted ? "ACCEPTED" : "SUBMITTED",
          rag: update.rag,
          percentComplete: update.percent,
          narrative: update.narrative,
          spend: budgetLines.map((line) => ({ budgetLineId: line.id, spentPence: Math.round(line.awardedPence * share * 0.95) })),
          measureValues: measures.map((measure) => ({
            measureId: measure.id,
            value: Math.round((measure.baseline ?? 0) + (measure.target - (measure.baseline ?? 0)) * share),
          })),
          risks: update.rag === "GREEN" ? "" : "Covered in the narrative; the sub-group is helping.",
          learning: "",
          submittedAt,
          late: isLate(period.dueOn, submittedAt),
          createdAt: new Date(submittedAt.getTime() - 2 * HOUR),
          ...(update.accepted && {
            reviewedById: lookups.officerId,
            reviewedAt: new Date(Math.min(submittedAt.getTime() + 2 * DAY, now.getTime() - HOUR)),
          }),
        },
      });
      if (update.accepted) {
        await tx.reportingPeriod.update({ where: { id: period.id }, data: { acceptedUpdateId: created.id } });
      }
    }

    if (demo.secondPaymentWaitsFor) {
      const second = award.tranches.find((tranche) => tranche.sequence === 2 && tranche.paidAt === null);
      const period = project.periods[demo.secondPaymentWaitsFor - 1];
      if (second && period) await tx.tranche.update({ where: { id: second.id }, data: { requiresPeriodId: period.id } });
    }
  }
}
