import { viewerCan } from "@/server/auth/can";
import type { MemberGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";

/**
 * What the viewer may do in a partnership, for its navigation and pages: each flag is the
 * policy's own answer for the procedure behind the link or button, from the membership the
 * policy already read for this request (nothing else is loaded but the partnership's name).
 */
export async function partnershipViewer(db: Database, grant: MemberGrant) {
  const partnership = await db.partnership.findUniqueOrThrow({
    where: { id: grant.membership.partnershipId },
    select: { slug: true, name: true },
  });
  return {
    partnershipSlug: partnership.slug,
    partnershipName: partnership.name,
    role: grant.membership.role,
    ...viewerCan(grant, {
      canAdminister: "membership.list",
      canSeeFunding: "funding.funds",
      canSeeDashboard: "portfolio.overview",
      canSeeProjectList: "project.list",
      canModerateStories: "story.moderationQueue",
      canWriteStories: "story.create",
      canCreateEvents: "event.create",
      canCreateAnyEvent: "event.createAnyKind",
      canRunReflections: "reflection.create",
      canStartProposals: "proposal.mine",
      canSeeAuditLog: "funding.auditLog",
      canPublishPortfolio: "transparency.setPublished",
      canCreateFund: "funding.createFund",
    }),
  };
}

export type PartnershipViewer = Awaited<ReturnType<typeof partnershipViewer>>;
