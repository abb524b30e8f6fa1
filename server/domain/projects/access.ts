import type { MembershipGrant } from "@/server/auth/policy";
import type { ProgressUpdateStatus, ProjectStatus, ProjectTeamRole } from "@/server/db/generated/enums";

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
