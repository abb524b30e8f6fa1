import { viewerCan } from "@/server/auth/can";
import { membershipOnly, type MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { ProjectOutcome, ProposalAuthorRole, ProposalStatus } from "@/server/db/generated/enums";
import { myAssessments } from "@/server/domain/assessment/assessor";
import { projectAllows } from "@/server/domain/projects/lifecycle";
import { myProjects, periodStates, type ProjectListItem } from "@/server/domain/projects/queries";
import { addDays, calendarDay, DUE_SOON_DAYS } from "@/lib/projects/schedule";

/** The lists on "My work" stop at this many rows; their counts do not. */
export const MY_WORK_LIST_LIMIT = 50;

export type UpdateDue = {
  projectId: string;
  projectName: string;
  periodId: string;
  periodSequence: number;
  dueOn: Date;
  state: "DUE_SOON" | "OVERDUE";
  daysUntilDue: number;
  /** Whether a draft for this period is already started. */
  hasDraft: boolean;
};

export type MyProposal = {
  id: string;
  title: string;
  status: ProposalStatus;
  myRole: ProposalAuthorRole;
  subGroupName: string;
  updatedAt: Date;
};

export type WaitingForMe = {
  /** Officers: progress updates submitted and not yet reviewed (oldest first). */
  updatesToReview: {
    count: number;
    items: { updateId: string; projectId: string; projectName: string; periodSequence: number; submittedAt: Date; late: boolean }[];
  } | null;
  /** Officers: projects whose lead has evaluated them, waiting for the partnership's decision. */
  projectsToDecide: { projectId: string; projectName: string; recommendation: ProjectOutcome; evaluatedAt: Date }[] | null;
  /** Officers: proposals under assessment, by round. */
  proposalsUnderAssessment: { count: number; rounds: { roundId: string; title: string; count: number }[] } | null;
  /** Anyone on an assessment panel: the proposals they can score and have not submitted scores for. */
  proposalsToScore: { proposalId: string; title: string; roundTitle: string; started: boolean }[];
};

export type MyWork = {
  role: MembershipGrant["role"];
  viewer: { canReviewUpdates: boolean; canModerateStories: boolean; canSeeDashboard: boolean };
  projects: ProjectListItem[];
  updatesDue: UpdateDue[];
  proposals: MyProposal[];
  waiting: WaitingForMe;
};

/** Reports of the actor's projects that are due within DUE_SOON_DAYS or overdue, at `now`. */
async function updatesDue(db: Database, actor: Actor, partnershipId: string, now: Date): Promise<UpdateDue[]> {
  const projects = await db.fundedProject.findMany({
    where: { partnershipId, status: { not: "DECIDED" }, team: { some: { userId: actor.userId } } },
    select: {
      id: true,
      name: true,
      status: true,
      periods: {
        where: { dueOn: { lte: addDays(calendarDay(now), DUE_SOON_DAYS) }, acceptedUpdateId: null },
        orderBy: { sequence: "asc" },
        select: {
          id: true,
          sequence: true,
          dueOn: true,
          acceptedUpdateId: true,
          updates: { where: { status: { in: ["DRAFT", "SUBMITTED", "ACCEPTED"] } }, select: { periodId: true, status: true, submittedAt: true } },
        },
      },
    },
  });
  const due: UpdateDue[] = [];
  for (const project of projects) {
    if (!projectAllows(project.status, "POST_UPDATE")) continue;
    const updates = project.periods.flatMap((period) => period.updates);
    for (const period of periodStates(project.periods, updates, now)) {
      if (period.state !== "DUE_SOON" && period.state !== "OVERDUE") continue;
      due.push({
        projectId: project.id,
        projectName: project.name,
        periodId: period.id,
        periodSequence: period.sequence,
        dueOn: period.dueOn,
        state: period.state,
        daysUntilDue: period.daysUntilDue,
        hasDraft: updates.some((update) => update.periodId === period.id && update.status === "DRAFT"),
      });
    }
  }
  return due.sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.projectName.localeCompare(b.projectName, "en-GB"));
}

async function myProposals(db: Database, actor: Actor, partnershipId: string): Promise<MyProposal[]> {
  const rows = await db.proposalAuthor.findMany({
    where: { userId: actor.userId, proposal: { partnershipId } },
    orderBy: { proposal: { updatedAt: "desc" } },
    take: MY_WORK_LIST_LIMIT,
    select: {
      role: true,
      proposal: { select: { id: true, title: true, status: true, updatedAt: true, subGroup: { select: { name: true } } } },
    },
  });
  return rows.map(({ role, proposal }) => ({
    id: proposal.id,
    title: proposal.title,
    status: proposal.status,
    myRole: role,
    subGroupName: proposal.subGroup.name,
    updatedAt: proposal.updatedAt,
  }));
}

/** What officers decide: updates to review, evaluated projects to decide, and proposals under assessment. */
async function officerQueue(db: Database, partnershipId: string) {
  const [updateCount, updates, evaluated, assessing] = await Promise.all([
    db.progressUpdate.count({ where: { status: "SUBMITTED", project: { partnershipId } } }),
    db.progressUpdate.findMany({
      where: { status: "SUBMITTED", project: { partnershipId } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: MY_WORK_LIST_LIMIT,
      select: {
        id: true,
        submittedAt: true,
        late: true,
        period: { select: { sequence: true } },
        project: { select: { id: true, name: true } },
      },
    }),
    db.fundedProject.findMany({
      where: { partnershipId, status: "EVALUATING", evaluation: { isNot: null }, decision: { is: null } },
      orderBy: { evaluation: { submittedAt: "asc" } },
      take: MY_WORK_LIST_LIMIT,
      select: { id: true, name: true, evaluation: { select: { recommendation: true, submittedAt: true } } },
    }),
    db.proposal.groupBy({ by: ["roundId"], where: { partnershipId, status: "UNDER_ASSESSMENT" }, _count: { _all: true } }),
  ]);
  const roundIds = assessing.flatMap((group) => (group.roundId ? [group.roundId] : []));
  const rounds = await db.fundingRound.findMany({ where: { id: { in: roundIds } }, select: { id: true, title: true } });
  const roundTitles = new Map(rounds.map((round) => [round.id, round.title]));
  return {
    updatesToReview: {
      count: updateCount,
      items: updates.map((update) => ({
        updateId: update.id,
        projectId: update.project.id,
        projectName: update.project.name,
        periodSequence: update.period.sequence,
        submittedAt: update.submittedAt!,
        late: update.late,
      })),
    },
    projectsToDecide: evaluated.map((project) => ({
      projectId: project.id,
      projectName: project.name,
      recommendation: project.evaluation!.recommendation,
      evaluatedAt: project.evaluation!.submittedAt,
    })),
    proposalsUnderAssessment: {
      count: assessing.reduce((sum, group) => sum + group._count._all, 0),
      rounds: assessing
        .flatMap((group) => (group.roundId ? [{ roundId: group.roundId, title: roundTitles.get(group.roundId) ?? "A round", count: group._count._all }] : []))
        .sort((a, b) => a.title.localeCompare(b.title, "en-GB")),
    },
  };
}

/**
 * One person's work in the partnership at `now`: the projects they are on and the reports
 * due from them, the proposals they write, and what waits for their decision or scores.
 */
export async function myWork(db: Database, actor: Actor, membership: MembershipGrant, now: Date = new Date()): Promise<MyWork> {
  const viewer = viewerCan(membershipOnly(actor, membership), {
    canReviewUpdates: "project.reviewUpdate",
    canModerateStories: "story.moderationQueue",
    canSeeDashboard: "portfolio.overview",
  });
  const [projects, due, proposals, queue, assessments] = await Promise.all([
    myProjects(db, actor, membership, now),
    updatesDue(db, actor, membership.partnershipId, now),
    myProposals(db, actor, membership.partnershipId),
    viewer.canReviewUpdates ? officerQueue(db, membership.partnershipId) : null,
    myAssessments(db, actor, membership.partnershipId),
  ]);
  return {
    role: membership.role,
    viewer,
    projects: projects.items,
    updatesDue: due,
    proposals,
    waiting: {
      updatesToReview: queue?.updatesToReview ?? null,
      projectsToDecide: queue?.projectsToDecide ?? null,
      proposalsUnderAssessment: queue?.proposalsUnderAssessment ?? null,
      proposalsToScore: assessments
        .filter((assessment) => assessment.canScore)
        .map((assessment) => ({
          proposalId: assessment.proposal.id,
          title: assessment.proposal.title,
          roundTitle: assessment.round.title,
          started: assessment.state === "DRAFT",
        })),
    },
  };
}
