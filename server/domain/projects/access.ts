export type { ProjectAccess, ProjectGrant } from "@/server/auth/grants";
import type { Prisma } from "@/server/db/generated/client";
import type { ProjectStatus } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";

/** Locks the project row so changes to one project happen one after another; returns its status. */
export async function lockProject(tx: Prisma.TransactionClient, projectId: string): Promise<{ status: ProjectStatus }> {
  const [row] = await tx.$queryRaw<{ status: ProjectStatus }[]>`
    SELECT "status" FROM "FundedProject" WHERE "id" = ${projectId} FOR UPDATE`;
  if (!row) throw notFound("That project");
  return row;
}
