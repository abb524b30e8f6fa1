import type { SaveUpdateInput } from "@/lib/schemas/projects";
import { can } from "@/server/auth/can";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type {
  MilestoneState,
  ProgressUpdateStatus,
  ProjectOutcome,
  ProjectStatus,
  ProjectTeamRole,
  RagStatus,
  ReportingFrequency,
} from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { notFound } from "@/server/errors";
import type { ProjectAccess } from "./access";
import { spendAgainstBudget, type AwardedLine, type SpendEntry, type SpendReport } from "./budget";
import { evaluationOpen } from "./evaluation";
import { projectAllows, updateAllows } from "./lifecycle";
import { daysUntilDue, reportState, type ReportState } from "@/lib/projects/schedule";

export type ProjectMeasure = {
  id: string;
  name: string;
  unit: string;
  kind: "NUMBER" | "PERCENTAGE";
  baseline: number | null;
  target: number | null;
};

type PeriodRow = { id: string; sequence: number; dueOn: Date; acceptedUpdateId: string | null };
type UpdateRow = { periodId: string; status: ProgressUpdateStatus; submittedAt: Date | null };

/** Where each period's report stands at `now`: the first live submission counts (returned ones do not). */
export function periodStates(periods: readonly PeriodRow[], updates: readonly UpdateRow[], now: Date) {
  return periods.map((period) => {
    const live = updates
      .filter((update) => update.periodId === period.id && (update.status === "SUBMITTED" || update.status === "ACCEPTED"))
      .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())[0];
    const state = reportState(
      period,
      live ? { submittedAt: live.submittedAt!, accepted: period.acceptedUpdateId !== null } : null,
      now,
    );
    return { ...period, state, daysUntilDue: daysUntilDue(period.dueOn, now) };
  });
}

export type ProjectUpdateView = {
  id: string;
  periodId: string;
  periodSequence: number;
  status: ProgressUpdateStatus;
  rag: RagStatus | null;
  percentComplete: number | null;
  narrative: string;
  spend: SpendEntry[];
  measureValues: { measureId: string; value: number | null }[];
  milestoneChanges: SaveUpdateInput["milestoneChanges"];
  risks: string;
  learning: string;
  submittedAt: Date | null;
  late: boolean;
  author: { id: string; name: string };
  reviewedBy: { name: string } | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  updatedAt: Date;
};

export type ProjectView = {
  id: string;
  name: string;
  status: ProjectStatus;
  startsOn: Date;
  endsOn: Date;
  reportingFrequency: ReportingFrequency;
  partnership: { slug: string; name: string };
  subGroup: { id: string; name: string } | null;
  proposalId: string | null;
  award: {
    id: string;
    fundId: string;
    awardedPence: number;
    paidPence: number;
    tranches: {
      id: string;
      sequence: number;
      amountPence: number;
      dueOn: Date;
      paidAt: Date | null;
      /** The period whose accepted update this payment waits for. */
      waitsFor: { periodSequence: number; accepted: boolean } | null;
    }[];
  };
  team: { userId: string; name: string; organisationName: string | null; role: ProjectTeamRole; isLead: boolean }[];
  measures: (ProjectMeasure & { latest: number | null })[];
  budget: SpendReport;
  milestones: { id: string; sequence: number; title: string; dueOn: Date; state: MilestoneState; doneOn: Date | null; overdue: boolean }[];
  periods: { id: string; sequence: number; startsOn: Date; endsOn: Date; dueOn: Date; state: ReportState; daysUntilDue: number }[];
  /** Newest first; drafts only for the team. */
  updates: ProjectUpdateView[];
  latest: { rag: RagStatus; percentComplete: number; submittedAt: Date } | null;
  overdueCount: number;
  evaluation: {
    measureResults: { measureId: string; value: number | null }[];
    costPence: number;
    whatWorked: string;
    whatDidNot: string;
    recommendation: ProjectOutcome;
    submittedAt: Date;
    author: { name: string };
  } | null;
  decision: { outcome: ProjectOutcome; reasons: string; nextStep: string; decidedAt: Date; decidedBy: { name: string } } | null;
  viewer: {
    isTeam: boolean;
    isLead: boolean;
    canPostUpdate: boolean;
    canReview: boolean;
    /** The lead, the test is near its end or over, and no evaluation yet. */
    canEvaluate: boolean;
    /** An officer, and the lead's evaluation is in. */
    canDecide: boolean;
    /** The lead or an officer, until the partnership decides the test's future. */
    canManageTeam: boolean;
    /** An officer, until the partnership decides the test's future. */
    canChangeLead: boolean;
    canRunReflection: boolean;
    canWriteStory: boolean;
    canMakePayments: boolean;
  };
};

/** Everything the project's page shows, and what the viewer may do with it. */
export async function getProject(db: Database, access: ProjectAccess, now = new Date()): Promise<ProjectView> {
  const project = await db.fundedProject.findUnique({
    where: { id: access.project.id },
    include: {
      partnership: { select: { slug: true, name: true } },
      subGroup: { select: { id: true, name: true } },
      award: { include: { tranches: { orderBy: { sequence: "asc" } } } },
      team: {
        orderBy: [{ role: "asc" }, { addedAt: "asc" }],
        include: { user: { select: { name: true, organisation: { select: { name: true } } } } },
      },
      milestones: { orderBy: { sequence: "asc" } },
      periods: { orderBy: { sequence: "asc" } },
      evaluation: { include: { author: { select: { name: true } } } },
      decision: { include: { decidedBy: { select: { name: true } } } },
      updates: {
        orderBy: { createdAt: "desc" },
        include: {
          author: { select: { id: true, name: true } },
          reviewedBy: { select: { name: true } },
          period: { select: { sequence: true } },
        },
      },
    },
  });
  if (!project) throw notFound("That project");
  const isTeam = access.project.myTeamRole !== null;
  const visibleUpdates = project.updates.filter((update) => update.status !== "DRAFT" || isTeam);
  const submitted = project.updates.filter((update) => update.status === "SUBMITTED" || update.status === "ACCEPTED");
  const latestSubmitted = submitted.sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime())[0] ?? null;
  const periods = periodStates(project.periods, project.updates, now);
  const measures = project.measures as ProjectMeasure[];
  const latestValues = new Map(
    ((latestSubmitted?.measureValues ?? []) as { measureId: string; value: number | null }[]).map((entry) => [entry.measureId, entry.value]),
  );
  const periodSequence = new Map(project.periods.map((period) => [period.id, period]));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

  return {
    id: project.id,
    name: project.name,
    status: project.status,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    reportingFrequency: project.reportingFrequency,
    partnership: project.partnership,
    subGroup: project.subGroup,
    proposalId: project.proposalId,
    award: {
      id: project.award.id,
      fundId: project.award.fundId,
      awardedPence: project.award.awardedPence,
      paidPence: project.award.paidPence,
      tranches: project.award.tranches.map((tranche) => {
        const period = tranche.requiresPeriodId ? periodSequence.get(tranche.requiresPeriodId) : undefined;
        return {
          id: tranche.id,
          sequence: tranche.sequence,
          amountPence: tranche.amountPence,
          dueOn: tranche.dueOn,
          paidAt: tranche.paidAt,
          waitsFor: period ? { periodSequence: period.sequence, accepted: period.acceptedUpdateId !== null } : null,
        };
      }),
    },
    team: project.team.map((member) => ({
      userId: member.userId,
      name: displayName(member.user),
      organisationName: member.user.organisation?.name ?? null,
      role: member.role,
      isLead: member.role === "LEAD",
    })),
    measures: measures.map((measure) => ({ ...measure, latest: latestValues.get(measure.id) ?? null })),
    budget: spendAgainstBudget(
      project.budgetLines as AwardedLine[],
      (latestSubmitted?.spend ?? []) as SpendEntry[],
      project.award.awardedPence,
    ),
    milestones: project.milestones.map((milestone) => ({
      id: milestone.id,
      sequence: milestone.sequence,
      title: milestone.title,
      dueOn: milestone.dueOn,
      state: milestone.state,
      doneOn: milestone.doneOn,
      overdue: milestone.state !== "DONE" && milestone.dueOn < today,
    })),
    periods: periods.map((period) => ({
      id: period.id,
      sequence: period.sequence,
      startsOn: project.periods.find((row) => row.id === period.id)!.startsOn,
      endsOn: project.periods.find((row) => row.id === period.id)!.endsOn,
      dueOn: period.dueOn,
      state: period.state,
      daysUntilDue: period.daysUntilDue,
    })),
    updates: visibleUpdates.map((update) => ({
      id: update.id,
      periodId: update.periodId,
      periodSequence: update.period.sequence,
      status: update.status,
      rag: update.rag,
      percentComplete: update.percentComplete,
      narrative: update.narrative,
      spend: update.spend as ProjectUpdateView["spend"],
      measureValues: update.measureValues as ProjectUpdateView["measureValues"],
      milestoneChanges: update.milestoneChanges as ProjectUpdateView["milestoneChanges"],
      risks: update.risks,
      learning: update.learning,
      submittedAt: update.submittedAt,
      late: update.late,
      author: { id: update.author.id, name: displayName(update.author) },
      reviewedBy: update.reviewedBy ? { name: displayName(update.reviewedBy) } : null,
      reviewedAt: update.reviewedAt,
      reviewNote: update.reviewNote,
      updatedAt: update.updatedAt,
    })),
    latest: latestSubmitted
      ? { rag: latestSubmitted.rag!, percentComplete: latestSubmitted.percentComplete!, submittedAt: latestSubmitted.submittedAt! }
      : null,
    overdueCount: project.status === "DECIDED" ? 0 : periods.filter((period) => period.state === "OVERDUE").length,
    evaluation: project.evaluation && {
      measureResults: project.evaluation.measureResults as { measureId: string; value: number | null }[],
      costPence: project.evaluation.costPence,
      whatWorked: project.evaluation.whatWorked,
      whatDidNot: project.evaluation.whatDidNot,
      recommendation: project.evaluation.recommendation,
      submittedAt: project.evaluation.submittedAt,
      author: { name: displayName(project.evaluation.author) },
    },
    decision: project.decision && {
      outcome: project.decision.outcome,
      reasons: project.decision.reasons,
      nextStep: project.decision.nextStep,
      decidedAt: project.decision.decidedAt,
      decidedBy: { name: displayName(project.decision.decidedBy) },
    },
    viewer: {
      isTeam,
      isLead: access.project.myTeamRole === "LEAD",
      canPostUpdate: can("project.saveUpdate", access) && projectAllows(project.status, "POST_UPDATE"),
      canReview: can("project.reviewUpdate", access) && project.updates.some((update) => updateAllows(update.status, "ACCEPT")),
      canEvaluate:
        can("project.submitEvaluation", access) &&
        project.evaluation === null &&
        project.status !== "DECIDED" &&
        evaluationOpen(project.endsOn, now),
      canDecide: can("project.decide", access) && project.evaluation !== null && projectAllows(project.status, "DECIDE"),
      canManageTeam: can("project.addTeamMember", access) && project.status !== "DECIDED",
      canChangeLead: can("project.changeLead", access) && project.status !== "DECIDED",
      canRunReflection: can("reflection.runForProject", access),
      canWriteStory: can("story.create", access),
      canMakePayments: can("funding.payTranche", access),
    },
  };
}

export type ProjectListItem = {
  id: string;
  name: string;
  status: ProjectStatus;
  subGroupName: string | null;
  awardedPence: number;
  paidPence: number;
  latest: { rag: RagStatus; percentComplete: number } | null;
  nextDue: { sequence: number; dueOn: Date; state: ReportState } | null;
  overdueCount: number;
  myRole: ProjectTeamRole | null;
};

async function listItems(
  db: Database,
  where: Prisma.FundedProjectWhereInput,
  actorId: string,
  cursor: string | undefined,
  limit: number,
  now: Date,
) {
  const rows = await db.fundedProject.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: {
      subGroup: { select: { name: true } },
      award: { select: { awardedPence: true, paidPence: true } },
      periods: { orderBy: { sequence: "asc" }, select: { id: true, sequence: true, dueOn: true, acceptedUpdateId: true } },
      updates: {
        where: { status: { in: ["SUBMITTED", "ACCEPTED"] } },
        orderBy: { submittedAt: "desc" },
        select: { periodId: true, status: true, submittedAt: true, rag: true, percentComplete: true },
      },
      team: { where: { userId: actorId }, select: { role: true } },
    },
  });
  const page = rows.slice(0, limit);
  const items: ProjectListItem[] = page.map((row) => {
    const states = periodStates(row.periods, row.updates, now);
    const next = states.find((period) => period.state === "OVERDUE" || period.state === "DUE_SOON" || period.state === "NOT_DUE");
    const latest = row.updates[0];
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      subGroupName: row.subGroup?.name ?? null,
      awardedPence: row.award.awardedPence,
      paidPence: row.award.paidPence,
      latest: latest ? { rag: latest.rag!, percentComplete: latest.percentComplete! } : null,
      nextDue: next && row.status !== "DECIDED" ? { sequence: next.sequence, dueOn: next.dueOn, state: next.state } : null,
      overdueCount: row.status === "DECIDED" ? 0 : states.filter((period) => period.state === "OVERDUE").length,
      myRole: row.team[0]?.role ?? null,
    };
  });
  return { items, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** The partnership's funded projects, newest first, a page at a time (cursor: the last id seen). */
export function listProjects(
  db: Database,
  actor: Actor,
  membership: MembershipGrant,
  input: { cursor?: string; limit: number },
  now = new Date(),
) {
  return listItems(db, { partnershipId: membership.partnershipId }, actor.userId, input.cursor, input.limit, now);
}

/** The projects the actor leads or works on in this partnership. */
export function myProjects(db: Database, actor: Actor, membership: MembershipGrant, now = new Date()) {
  return listItems(db, { partnershipId: membership.partnershipId, team: { some: { userId: actor.userId } } }, actor.userId, undefined, 100, now);
}
