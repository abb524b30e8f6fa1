import type { MembershipGrant } from "@/server/auth/policy";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { MembershipRole, ProjectTeamRole, SubGroupRole } from "@/server/db/generated/enums";

/**
 * Who may do what with one reflection run. The policy has proved partnership membership;
 * these rules add the audience (the whole partnership, a sub-group or a project team) and
 * who manages the run:
 *
 * - the audience answers, once, while the run is open. Observers are part of the whole
 *   partnership and may answer partnership-wide runs (their voice matters too);
 * - the runner, officers and chairs, the sub-group's leads (sub-group runs) and the project's
 *   lead (team runs) manage it: they see results from the start, export and close it;
 * - audience members see the results once they have answered, or once the run has closed.
 */

type Reader = Database | Prisma.TransactionClient;

export type Viewer = {
  userId: string;
  role: MembershipRole;
  subGroupRoles: ReadonlyMap<string, SubGroupRole>;
  projectRoles: ReadonlyMap<string, ProjectTeamRole>;
};

export type SurveyForAccess = {
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

const STEERING: readonly MembershipRole[] = ["OFFICER", "CHAIR"];

export const isSteering = (role: MembershipRole) => STEERING.includes(role);

/** Open until its closing time, unless closed early. */
export function isSurveyOpen(survey: Pick<SurveyForAccess, "closesAt" | "closedEarlyAt">, now: Date): boolean {
  return survey.closedEarlyAt === null && survey.closesAt.getTime() > now.getTime();
}

/** When answers stopped (or stop) being taken. */
export function surveyEnd(survey: Pick<SurveyForAccess, "closesAt" | "closedEarlyAt">): Date {
  return survey.closedEarlyAt && survey.closedEarlyAt < survey.closesAt ? survey.closedEarlyAt : survey.closesAt;
}

export function surveyAccess(viewer: Viewer, survey: SurveyForAccess, answered: boolean, now: Date): SurveyAccess {
  const subGroupRole = survey.subGroupId ? viewer.subGroupRoles.get(survey.subGroupId) : undefined;
  const projectRole = survey.projectId ? viewer.projectRoles.get(survey.projectId) : undefined;
  const inAudience = survey.subGroupId ? subGroupRole !== undefined : survey.projectId ? projectRole !== undefined : true;
  const canManage =
    survey.createdById === viewer.userId || isSteering(viewer.role) || subGroupRole === "LEAD" || projectRole === "LEAD";
  const isOpen = isSurveyOpen(survey, now);
  return {
    inAudience,
    canManage,
    isOpen,
    canAnswer: inAudience && isOpen && !answered,
    canSeeResults: canManage || answered || (inAudience && !isOpen),
    canSee: canManage || inAudience || answered,
  };
}

/** The actor's roles across the partnership's sub-groups and project teams. */
export async function loadViewer(db: Reader, userId: string, membership: MembershipGrant): Promise<Viewer> {
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
    userId,
    role: membership.role,
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
