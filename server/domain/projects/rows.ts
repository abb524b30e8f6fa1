import type { ProjectGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import type {
  MilestoneState,
  ProgressUpdateStatus,
  ProjectOutcome,
  ProjectStatus,
  ProjectTeamRole,
  RagStatus,
  ReportingFrequency,
} from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";

/** A person as the project's rows name them: the id, and the name they go by (none once erased). */
export type NamedPerson = { id: string; name: string | null };

/**
 * The project and everything it has exactly one of (its partnership, sub-group, award,
 * evaluation and decision, and who set it up, evaluated and decided it), as one row.
 */
type ProjectRow = {
  id: string;
  name: string;
  status: ProjectStatus;
  startsOn: Date;
  endsOn: Date;
  reportingFrequency: ReportingFrequency;
  proposalId: string | null;
  measures: unknown;
  budgetLines: unknown;
  createdAt: Date;
  createdById: string;
  createdByName: string | null;
  partnershipSlug: string;
  partnershipName: string;
  subGroupId: string | null;
  subGroupName: string | null;
  awardId: string;
  fundId: string;
  awardedPence: number;
  paidPence: number;
  evaluationId: string | null;
  measureResults: unknown;
  costPence: number | null;
  whatWorked: string | null;
  whatDidNot: string | null;
  recommendation: ProjectOutcome | null;
  evaluationSubmittedAt: Date | null;
  evaluationAuthorId: string | null;
  evaluationAuthorName: string | null;
  decisionId: string | null;
  outcome: ProjectOutcome | null;
  reasons: string | null;
  nextStep: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
  decidedByName: string | null;
};

export type ProjectRows = {
  project: {
    id: string;
    name: string;
    status: ProjectStatus;
    startsOn: Date;
    endsOn: Date;
    reportingFrequency: ReportingFrequency;
    proposalId: string | null;
    measures: unknown;
    budgetLines: unknown;
    createdAt: Date;
    createdBy: NamedPerson;
    partnership: { slug: string; name: string };
    subGroup: { id: string; name: string } | null;
    award: { id: string; fundId: string; awardedPence: number; paidPence: number };
    evaluation: {
      id: string;
      measureResults: unknown;
      costPence: number;
      whatWorked: string;
      whatDidNot: string;
      recommendation: ProjectOutcome;
      submittedAt: Date;
      author: NamedPerson;
    } | null;
    decision: {
      id: string;
      outcome: ProjectOutcome;
      reasons: string;
      nextStep: string;
      decidedAt: Date;
      decidedBy: NamedPerson;
    } | null;
  };
  /** In payment order. */
  tranches: { id: string; sequence: number; amountPence: number; dueOn: Date; paidAt: Date | null; requiresPeriodId: string | null }[];
  /** The lead first, then in the order they joined. */
  team: { userId: string; role: ProjectTeamRole; name: string | null; organisationName: string | null }[];
  milestones: { id: string; sequence: number; title: string; dueOn: Date; state: MilestoneState; doneOn: Date | null }[];
  /** In order. */
  periods: { id: string; sequence: number; startsOn: Date; endsOn: Date; dueOn: Date; acceptedUpdateId: string | null }[];
  /** Every update, drafts included, newest first. */
  updates: {
    id: string;
    periodId: string;
    status: ProgressUpdateStatus;
    rag: RagStatus | null;
    percentComplete: number | null;
    narrative: string;
    spend: unknown;
    measureValues: unknown;
    milestoneChanges: unknown;
    risks: string;
    learning: string;
    submittedAt: Date | null;
    late: boolean;
    author: NamedPerson;
    reviewedBy: NamedPerson | null;
    reviewedAt: Date | null;
    reviewNote: string | null;
    createdAt: Date;
    updatedAt: Date;
  }[];
};

type UpdateRow = Omit<ProjectRows["updates"][number], "author" | "reviewedBy"> & {
  authorId: string;
  authorName: string | null;
  reviewedById: string | null;
  reviewedByName: string | null;
};

async function readProjectRows(db: Database, projectId: string): Promise<ProjectRows> {
  const [[row], tranches, team, milestones, periods, updates] = await Promise.all([
    db.$queryRaw<ProjectRow[]>`
      SELECT fp."id", fp."name", fp."status"::text AS "status", fp."startsOn", fp."endsOn",
             fp."reportingFrequency"::text AS "reportingFrequency", fp."proposalId", fp."measures", fp."budgetLines",
             fp."createdAt", fp."createdById", creator."name" AS "createdByName",
             p."slug" AS "partnershipSlug", p."name" AS "partnershipName",
             sg."id" AS "subGroupId", sg."name" AS "subGroupName",
             a."id" AS "awardId", a."fundId", a."awardedPence", a."paidPence",
             e."id" AS "evaluationId", e."measureResults", e."costPence", e."whatWorked", e."whatDidNot",
             e."recommendation"::text AS "recommendation", e."submittedAt" AS "evaluationSubmittedAt",
             e."authorId" AS "evaluationAuthorId", evaluator."name" AS "evaluationAuthorName",
             d."id" AS "decisionId", d."outcome"::text AS "outcome", d."reasons", d."nextStep", d."decidedAt",
             d."decidedById", decider."name" AS "decidedByName"
      FROM "FundedProject" fp
      JOIN "Partnership" p ON p."id" = fp."partnershipId"
      JOIN "Award" a ON a."id" = fp."awardId"
      LEFT JOIN "User" creator ON creator."id" = fp."createdById"
      LEFT JOIN "SubGroup" sg ON sg."id" = fp."subGroupId"
      LEFT JOIN "ProjectEvaluation" e ON e."projectId" = fp."id"
      LEFT JOIN "User" evaluator ON evaluator."id" = e."authorId"
      LEFT JOIN "ProjectDecision" d ON d."projectId" = fp."id"
      LEFT JOIN "User" decider ON decider."id" = d."decidedById"
      WHERE fp."id" = ${projectId}`,
    db.tranche.findMany({
      where: { award: { project: { id: projectId } } },
      orderBy: { sequence: "asc" },
      select: { id: true, sequence: true, amountPence: true, dueOn: true, paidAt: true, requiresPeriodId: true },
    }),
    db.$queryRaw<ProjectRows["team"]>`
      SELECT t."userId", t."role"::text AS "role", u."name", o."name" AS "organisationName"
      FROM "ProjectTeamMember" t
      JOIN "User" u ON u."id" = t."userId"
      LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
      WHERE t."projectId" = ${projectId}
      ORDER BY t."role" ASC, t."addedAt" ASC`,
    db.milestone.findMany({
      where: { projectId },
      orderBy: { sequence: "asc" },
      select: { id: true, sequence: true, title: true, dueOn: true, state: true, doneOn: true },
    }),
    db.reportingPeriod.findMany({
      where: { projectId },
      orderBy: { sequence: "asc" },
      select: { id: true, sequence: true, startsOn: true, endsOn: true, dueOn: true, acceptedUpdateId: true },
    }),
    db.$queryRaw<UpdateRow[]>`
      SELECT pu."id", pu."periodId", pu."status"::text AS "status", pu."rag"::text AS "rag", pu."percentComplete",
             pu."narrative", pu."spend", pu."measureValues", pu."milestoneChanges", pu."risks", pu."learning",
             pu."submittedAt", pu."late", pu."reviewedAt", pu."reviewNote", pu."createdAt", pu."updatedAt",
             pu."authorId", author."name" AS "authorName", pu."reviewedById", reviewer."name" AS "reviewedByName"
      FROM "ProgressUpdate" pu
      LEFT JOIN "User" author ON author."id" = pu."authorId"
      LEFT JOIN "User" reviewer ON reviewer."id" = pu."reviewedById"
      WHERE pu."projectId" = ${projectId}
      ORDER BY pu."createdAt" DESC`,
  ]);
  if (!row) throw notFound("That project");
  return {
    project: {
      id: row.id,
      name: row.name,
      status: row.status,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      reportingFrequency: row.reportingFrequency,
      proposalId: row.proposalId,
      measures: row.measures,
      budgetLines: row.budgetLines,
      createdAt: row.createdAt,
      createdBy: { id: row.createdById, name: row.createdByName },
      partnership: { slug: row.partnershipSlug, name: row.partnershipName },
      subGroup: row.subGroupId === null ? null : { id: row.subGroupId, name: row.subGroupName! },
      award: { id: row.awardId, fundId: row.fundId, awardedPence: row.awardedPence, paidPence: row.paidPence },
      evaluation:
        row.evaluationId === null
          ? null
          : {
              id: row.evaluationId,
              measureResults: row.measureResults,
              costPence: row.costPence!,
              whatWorked: row.whatWorked!,
              whatDidNot: row.whatDidNot!,
              recommendation: row.recommendation!,
              submittedAt: row.evaluationSubmittedAt!,
              author: { id: row.evaluationAuthorId!, name: row.evaluationAuthorName },
            },
      decision:
        row.decisionId === null
          ? null
          : {
              id: row.decisionId,
              outcome: row.outcome!,
              reasons: row.reasons!,
              nextStep: row.nextStep!,
              decidedAt: row.decidedAt!,
              decidedBy: { id: row.decidedById!, name: row.decidedByName },
            },
    },
    tranches,
    team,
    milestones,
    periods,
    updates: updates.map(({ authorId, authorName, reviewedById, reviewedByName, ...update }) => ({
      ...update,
      author: { id: authorId, name: authorName },
      reviewedBy: reviewedById === null ? null : { id: reviewedById, name: reviewedByName },
    })),
  };
}

/**
 * Rows already read for a grant. The grant is resolved once per request and shared by its
 * calls (server/auth/resolve.ts GrantMemo), so the project page's calls (the project, its
 * timeline) read the project once between them; a change resolves a fresh grant, and so
 * reads afresh.
 */
const readFor = new WeakMap<ProjectGrant, Promise<ProjectRows>>();

/** The project's rows: six statements sent together, once per request however many calls ask. */
export function projectRows(db: Database, project: ProjectGrant): Promise<ProjectRows> {
  let pending = readFor.get(project);
  if (!pending) {
    pending = readProjectRows(db, project.id);
    readFor.set(project, pending);
  }
  return pending;
}
