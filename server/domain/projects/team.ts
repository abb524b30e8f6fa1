import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { displayName } from "@/server/domain/discussions/people";
import { notify } from "@/server/domain/notifications/notify";
import { AppError, notFound } from "@/server/errors";
import { lockProject, type ProjectAccess } from "./access";
import { paths } from "@/lib/paths";
import { TEAM_CANDIDATE_LIMIT } from "@/lib/schemas/projects";

/**
 * The project's team changes as the test goes on: its lead and the partnership's officers
 * add people from any organisation in the partnership, and take them off again. The lead
 * stays (there is always exactly one).
 */

export type TeamCandidate = { userId: string; name: string; organisationName: string | null };

/**
 * People taking part in the partnership who are not in the team yet, whose name or
 * organisation contains `search` (any of them without one), by name, at most
 * TEAM_CANDIDATE_LIMIT: the picker asks as the person types, so the page never loads the
 * whole membership.
 */
export async function teamCandidates(db: Database, access: ProjectAccess, search?: string): Promise<TeamCandidate[]> {
  const text = search?.trim();
  const people = await db.membership.findMany({
    where: {
      partnershipId: access.project.partnershipId,
      role: { not: "OBSERVER" },
      user: {
        projectTeams: { none: { projectId: access.project.id } },
        ...(text
          ? {
              OR: [
                { name: { contains: text, mode: "insensitive" as const } },
                { organisation: { name: { contains: text, mode: "insensitive" as const } } },
              ],
            }
          : {}),
      },
    },
    select: { user: { select: { id: true, name: true, organisation: { select: { name: true } } } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    take: TEAM_CANDIDATE_LIMIT,
  });
  return people.map(({ user }) => ({ userId: user.id, name: displayName(user), organisationName: user.organisation?.name ?? null }));
}

export async function addTeamMember(db: Database, actor: Actor, access: ProjectAccess, userId: string) {
  const membership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: access.project.partnershipId, userId } },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!membership || membership.role === "OBSERVER") {
    throw new AppError("BAD_REQUEST", "Choose someone taking part in this partnership.", { userId: ["Choose someone taking part in this partnership"] });
  }
  if (access.project.status === "DECIDED") throw new AppError("CONFLICT", "This project has been decided, so its team no longer changes.");
  const name = displayName(membership.user);
  try {
    await db.$transaction(async (tx) => {
      const project = await tx.fundedProject.findUniqueOrThrow({
        where: { id: access.project.id },
        select: { name: true, partnership: { select: { slug: true } } },
      });
      await tx.projectTeamMember.create({ data: { projectId: access.project.id, userId, role: "MEMBER" } });
      await notify(tx, {
        userIds: [userId],
        actorId: actor.userId,
        partnershipId: access.project.partnershipId,
        kind: "PROJECT_SET_UP",
        title: `You joined the team of "${project.name}"`,
        body: "You can post its progress updates.",
        linkPath: paths.project(project.partnership.slug, access.project.id),
      });
      await recordAudit(tx, {
        partnershipId: access.project.partnershipId,
        actorId: actor.userId,
        action: "project.team_added",
        subjectType: "FundedProject",
        subjectId: access.project.id,
        summary: `Added ${name} to the team of "${project.name}"`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${name} is already in the team.`);
    throw error;
  }
  return { userId };
}

export async function removeTeamMember(db: Database, actor: Actor, access: ProjectAccess, userId: string) {
  return db.$transaction(async (tx) => {
    const { status } = await lockProject(tx, access.project.id);
    if (status === "DECIDED") throw new AppError("CONFLICT", "This project has been decided, so its team no longer changes.");
    const member = await tx.projectTeamMember.findUnique({
      where: { projectId_userId: { projectId: access.project.id, userId } },
      select: { role: true, user: { select: { name: true } }, project: { select: { name: true } } },
    });
    if (!member) throw notFound("That team member");
    if (member.role === "LEAD") throw new AppError("CONFLICT", "The project's lead stays in the team.");
    await tx.projectTeamMember.delete({ where: { projectId_userId: { projectId: access.project.id, userId } } });
    await recordAudit(tx, {
      partnershipId: access.project.partnershipId,
      actorId: actor.userId,
      action: "project.team_removed",
      subjectType: "FundedProject",
      subjectId: access.project.id,
      summary: `Took ${displayName(member.user)} off the team of "${member.project.name}"`,
    });
    return { userId };
  });
}

/**
 * An officer hands the project's lead to someone else taking part in the partnership (they
 * join the team if they were not on it); the old lead stays on the team as a member. Both are
 * told, and the change is in the audit trail. Refused once the test has been decided.
 */
export async function changeProjectLead(db: Database, actor: Actor, access: ProjectAccess, userId: string) {
  return db.$transaction(async (tx) => {
    const { status } = await lockProject(tx, access.project.id);
    if (status === "DECIDED") throw new AppError("CONFLICT", "This project has been decided, so its lead no longer changes.");
    const [project, newLead] = await Promise.all([
      tx.fundedProject.findUniqueOrThrow({
        where: { id: access.project.id },
        select: { name: true, partnership: { select: { slug: true } }, team: { where: { role: "LEAD" }, select: { userId: true, user: { select: { name: true } } } } },
      }),
      tx.membership.findUnique({
        where: { partnershipId_userId: { partnershipId: access.project.partnershipId, userId } },
        select: { role: true, user: { select: { name: true } } },
      }),
    ]);
    if (!newLead || newLead.role === "OBSERVER") {
      throw new AppError("BAD_REQUEST", "Choose someone taking part in this partnership to lead the project.", {
        userId: ["Choose someone taking part in this partnership"],
      });
    }
    const oldLead = project.team[0] ?? null;
    if (oldLead?.userId === userId) return { userId, changed: false };
    // The old lead steps down first: the database allows one lead per project.
    if (oldLead) {
      await tx.projectTeamMember.update({ where: { projectId_userId: { projectId: access.project.id, userId: oldLead.userId } }, data: { role: "MEMBER" } });
    }
    await tx.projectTeamMember.upsert({
      where: { projectId_userId: { projectId: access.project.id, userId } },
      create: { projectId: access.project.id, userId, role: "LEAD" },
      update: { role: "LEAD" },
    });
    const link = paths.project(project.partnership.slug, access.project.id);
    await notify(tx, {
      userIds: [userId],
      actorId: actor.userId,
      partnershipId: access.project.partnershipId,
      kind: "PROJECT_SET_UP",
      title: `You now lead "${project.name}"`,
      body: "You post its progress updates and, at the end of the test, its evaluation.",
      linkPath: link,
    });
    if (oldLead && oldLead.userId !== actor.userId) {
      await notify(tx, {
        userIds: [oldLead.userId],
        actorId: actor.userId,
        partnershipId: access.project.partnershipId,
        kind: "PROJECT_SET_UP",
        title: `${displayName(newLead.user)} now leads "${project.name}"`,
        body: "You stay on its team.",
        linkPath: link,
      });
    }
    await recordAudit(tx, {
      partnershipId: access.project.partnershipId,
      actorId: actor.userId,
      action: "project.lead_changed",
      subjectType: "FundedProject",
      subjectId: access.project.id,
      summary: `${displayName(newLead.user)} now leads "${project.name}"${oldLead ? ` (was ${displayName(oldLead.user)})` : ""}`,
    });
    return { userId, changed: true };
  });
}
