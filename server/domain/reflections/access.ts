import { can } from "@/server/auth/can";
import type { MembershipGrant } from "@/server/auth/grants";
import { surveyGrant } from "@/server/auth/resolve";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { ProjectTeamRole, SubGroupRole } from "@/server/db/generated/enums";

/**
 * What someone may do with one reflection run: who answers and who manages it are policy
 * rows (server/auth/rules.ts: the audience answers; the runner, officers, chairs and the
 * sub-group's or project's lead manage). These flags add the run's state: answers are taken
 * while it is open, once each; audience members see the results once they have answered,
 * or once it has closed.
 */

type Reader = Database | Prisma.TransactionClient;

/** The actor, their membership and their places across the partnership's sub-groups and teams. */
export type Viewer = {
  actor: Actor;
  membership: MembershipGrant;
  subGroupRoles: ReadonlyMap<string, SubGroupRole>;
  projectRoles: ReadonlyMap<string, ProjectTeamRole>;
};

export type SurveyForAccess = {
  id: string;
  createdById: string;
  subGroupId: string | null;
  projectId: string | null;
  closesAt: Date;
  closedEarlyAt: Date | null;
};

export type SurveyAccess = {
  inAudience: boolean;
  canManage: boolean;
  isOpen: boolean;
  canAnswer: boolean;
  canSeeResults: boolean;
  /** Anyone with any part in the run may open it. */
  canSee: boolean;
};

/** Open until its closing time, unless closed early. */
export function isSurveyOpen(survey: Pick<SurveyForAccess, "closesAt" | "closedEarlyAt">, now: Date): boolean {
  return survey.closedEarlyAt === null && survey.closesAt.getTime() > now.getTime();
}

/** When answers stopped (or stop) being taken. */
export function surveyEnd(survey: Pick<SurveyForAccess, "closesAt" | "closedEarlyAt">): Date {
  return survey.closedEarlyAt && survey.closedEarlyAt < survey.closesAt ? survey.closedEarlyAt : survey.closesAt;
}

export function surveyAccess(viewer: Viewer, survey: SurveyForAccess, answered: boolean, now: Date): SurveyAccess {
  const grant = {
    actor: viewer.actor,
    membership: viewer.membership,
    subGroup: null,
    survey: surveyGrant(survey, viewer.actor.userId, {
      subGroupRole: survey.subGroupId ? (viewer.subGroupRoles.get(survey.subGroupId) ?? null) : null,
      teamRole: survey.projectId ? (viewer.projectRoles.get(survey.projectId) ?? null) : null,
      answered,
    }),
  };
  const canManage = can("reflection.close", grant);
  const isOpen = isSurveyOpen(survey, now);
  return {
    inAudience: grant.survey.inAudience,
    canManage,
    isOpen,
    canAnswer: can("reflection.respond", grant) && isOpen && !answered,
    canSeeResults: can("reflection.results", grant) && (canManage || answered || !isOpen),
    canSee: can("reflection.get", grant),
  };
}

/** The actor's places across the partnership's sub-groups and project teams. */
export async function loadViewer(db: Reader, actor: Actor, membership: MembershipGrant): Promise<Viewer> {
  const userId = actor.userId;
  const [subGroups, projects] = await Promise.all([
    db.subGroupMembership.findMany({
      where: { userId, subGroup: { partnershipId: membership.partnershipId } },
      select: { subGroupId: true, role: true },
    }),
    db.projectTeamMember.findMany({
      where: { userId, project: { partnershipId: membership.partnershipId } },
      select: { projectId: true, role: true },
    }),
  ]);
  return {
    actor,
    membership,
    subGroupRoles: new Map(subGroups.map((row) => [row.subGroupId, row.role])),
    projectRoles: new Map(projects.map((row) => [row.projectId, row.role])),
  };
}

type Audience = { partnershipId: string; subGroupId: string | null; projectId: string | null };

/** Everyone the run is for, as of now, or only those who had joined by `joinedBy`. */
export async function audienceUserIds(db: Reader, audience: Audience, joinedBy?: Date): Promise<string[]> {
  if (audience.subGroupId) {
    const rows = await db.subGroupMembership.findMany({
      where: { subGroupId: audience.subGroupId, ...(joinedBy ? { joinedAt: { lte: joinedBy } } : {}) },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }
  if (audience.projectId) {
    const rows = await db.projectTeamMember.findMany({
      where: { projectId: audience.projectId, ...(joinedBy ? { addedAt: { lte: joinedBy } } : {}) },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }
  const rows = await db.membership.findMany({
    where: { partnershipId: audience.partnershipId, ...(joinedBy ? { createdAt: { lte: joinedBy } } : {}) },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/**
 * How many people the run was for: those in the audience by the time it closed (or now,
 * while open), plus anyone who answered and has left since, so a response rate never
 * passes 100%.
 */
export async function audienceSize(
  db: Reader,
  survey: Audience & { id: string; closesAt: Date; closedEarlyAt: Date | null },
  now: Date,
): Promise<number> {
  const end = surveyEnd(survey);
  const cutOff = end < now ? end : now;
  const [audience, participants] = await Promise.all([
    audienceUserIds(db, survey, cutOff),
    db.surveyParticipant.findMany({ where: { surveyId: survey.id }, select: { userId: true } }),
  ]);
  return new Set([...audience, ...participants.map((row) => row.userId)]).size;
}

/** Whether the actor has answered the run (the participant row is the only link, even when anonymous). */
export async function hasAnswered(db: Reader, surveyId: string, userId: string): Promise<boolean> {
  const row = await db.surveyParticipant.findUnique({ where: { surveyId_userId: { surveyId, userId } }, select: { userId: true } });
  return row !== null;
}
