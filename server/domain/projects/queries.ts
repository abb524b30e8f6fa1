import type { SaveUpdateInput } from "@/lib/schemas/projects";
import { can } from "@/server/auth/can";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
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
import type { ProjectAccess } from "./access";
import { spendAgainstBudget, type AwardedLine, type SpendEntry, type SpendReport } from "./budget";
import { evaluationOpen } from "./evaluation";
import { projectAllows, updateAllows } from "./lifecycle";
import { projectRows, type NamedPerson } from "./rows";
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
  const rows = await projectRows(db, access.project);
  const project = { ...rows.project, ...rows };
  const named = (someone: NamedPerson) => ({ name: displayName(someone) });
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
      tranches: project.tranches.map((tranche) => {
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
      name: displayName(member),
      organisationName: member.organisationName,
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
      periodSequence: periodSequence.get(update.periodId)!.sequence,
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
      reviewedBy: update.reviewedBy && named(update.reviewedBy),
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
      author: named(project.evaluation.author),
    },
    decision: project.decision && {
      outcome: project.decision.outcome,
      reasons: project.decision.reasons,
      nextStep: project.decision.nextStep,
      decidedAt: project.decision.decidedAt,
      decidedBy: named(project.decision.decidedBy),
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

type ListRow = {
  id: string;
  name: string;
  status: ProjectStatus;
  subGroupName: string | null;
  awardedPence: number;
  paidPence: number;
  rag: RagStatus | null;
  percentComplete: number | null;
  nextSequence: number | null;
  nextDueOn: string | null;
  overdueCount: number;
  myRole: ProjectTeamRole | null;
};

/**
 * One page of projects in one statement: the page walks the (partnershipId, createdAt, id)
 * index from the cursor's row (a row comparison, so the index gives the order), and each
 * project's latest report, first unreported period and count of overdue ones come from
 * LATERAL joins on that project's own rows, never from all its periods in JavaScript.
 * A report counts once submitted or accepted (a returned one does not); a period is overdue
 * from the day after its due day (lib/projects/schedule.ts `isLate`).
 */
async function listItems(
  db: Database,
  partnershipId: string,
  actorId: string,
  options: { cursor?: string; limit: number; teamOnly: boolean },
  now: Date,
) {
  const { cursor, limit, teamOnly } = options;
  const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT page."id", page."name", page."status"::text AS "status", sg."name" AS "subGroupName",
           a."awardedPence", a."paidPence", latest."rag", latest."percentComplete",
           nxt."sequence" AS "nextSequence", to_char(nxt."dueOn", 'YYYY-MM-DD') AS "nextDueOn",
           overdue."count" AS "overdueCount", team."role"::text AS "myRole"
    FROM (
      SELECT fp."id", fp."name", fp."status", fp."createdAt", fp."awardId", fp."subGroupId"
      FROM "FundedProject" fp
      WHERE fp."partnershipId" = ${partnershipId}
        ${cursor === undefined ? Prisma.empty : Prisma.sql`AND (fp."createdAt", fp."id") < (SELECT c."createdAt", c."id" FROM "FundedProject" c WHERE c."id" = ${cursor})`}
        ${teamOnly ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ProjectTeamMember" t WHERE t."projectId" = fp."id" AND t."userId" = ${actorId})` : Prisma.empty}
      ORDER BY fp."createdAt" DESC, fp."id" DESC
      LIMIT ${limit + 1}
    ) page
    JOIN "Award" a ON a."id" = page."awardId"
    LEFT JOIN "SubGroup" sg ON sg."id" = page."subGroupId"
    LEFT JOIN "ProjectTeamMember" team ON team."projectId" = page."id" AND team."userId" = ${actorId}
    LEFT JOIN LATERAL (
      SELECT u."rag"::text AS "rag", u."percentComplete" FROM "ProgressUpdate" u
      WHERE u."projectId" = page."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED')
      ORDER BY u."submittedAt" DESC LIMIT 1
    ) latest ON true
    LEFT JOIN LATERAL (
      SELECT r."sequence", r."dueOn" FROM "ReportingPeriod" r
      WHERE r."projectId" = page."id"
        AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'))
      ORDER BY r."sequence" LIMIT 1
    ) nxt ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS "count" FROM "ReportingPeriod" r
      WHERE r."projectId" = page."id" AND ${at} >= r."dueOn" + 1
        AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'))
    ) overdue ON true
    ORDER BY page."createdAt" DESC, page."id" DESC`;
  const page = rows.slice(0, limit);
  const items: ProjectListItem[] = page.map((row) => {
    const decided = row.status === "DECIDED";
    const dueOn = row.nextDueOn === null ? null : new Date(`${row.nextDueOn}T00:00:00.000Z`);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      subGroupName: row.subGroupName,
      awardedPence: row.awardedPence,
      paidPence: row.paidPence,
      latest: row.rag === null ? null : { rag: row.rag, percentComplete: row.percentComplete! },
      nextDue:
        dueOn && row.nextSequence !== null && !decided
          ? { sequence: row.nextSequence, dueOn, state: reportState({ dueOn }, null, now) }
          : null,
      overdueCount: decided ? 0 : row.overdueCount,
      myRole: row.myRole,
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
  return listItems(db, membership.partnershipId, actor.userId, { cursor: input.cursor, limit: input.limit, teamOnly: false }, now);
}

/** The projects the actor leads or works on in this partnership. */
export function myProjects(db: Database, actor: Actor, membership: MembershipGrant, now = new Date()) {
  return listItems(db, membership.partnershipId, actor.userId, { limit: 100, teamOnly: true }, now);
}
