import type { MembershipGrant } from "@/server/auth/policy";
import type { Prisma } from "@/server/db/generated/client";
import type { ProgressUpdateStatus, ProjectStatus, ProjectTeamRole } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";

/** What the policy proved about the actor and the project the input points into (ctx.project). */
export type ProjectGrant = {
  id: string;
  partnershipId: string;
  status: ProjectStatus;
  myTeamRole: ProjectTeamRole | null;
  /** When the input named an update: that update. */
  update: { id: string; status: ProgressUpdateStatus; periodId: string; authorId: string } | null;
};

export type ProjectAccess = { membership: MembershipGrant; project: ProjectGrant };

/** Locks the project row so changes to one project happen one after another; returns its status. */
export async function lockProject(tx: Prisma.TransactionClient, projectId: string): Promise<{ status: ProjectStatus }> {
  const [row] = await tx.$queryRaw<{ status: ProjectStatus }[]>`
    SELECT "status" FROM "FundedProject" WHERE "id" = ${projectId} FOR UPDATE`;
  if (!row) throw notFound("That project");
  return row;
}
