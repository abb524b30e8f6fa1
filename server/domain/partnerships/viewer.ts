import { can, viewerCan } from "@/server/auth/can";
import type { MemberGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";

/**
 * What the viewer may do in a partnership, for its navigation and pages: each flag is the
 * policy's own answer for the procedure behind the link or button, from the membership the
 * policy already read for this request (nothing else is loaded but the partnership's name).
 */
export async function partnershipViewer(db: Database, grant: MemberGrant) {
  const partnershipId = grant.membership.partnershipId;
  const [partnership, firstLed] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
    // A sub-group's leads arrange its meetings: the one sub-group the flag below needs.
    db.subGroupMembership.findFirst({
      where: { userId: grant.actor.userId, role: "LEAD", subGroup: { partnershipId, archivedAt: null } },
      select: { subGroupId: true },
    }),
  ]);
  const flags = viewerCan(grant, {
    canAdminister: "membership.list",
      canSeeFunding: "funding.funds",
      canSeeDashboard: "portfolio.overview",
      canSeeProjectList: "project.list",
      canModerateStories: "story.moderationQueue",
      canWriteStories: "story.create",
      canCreateAnyEvent: "event.createAnyKind",
      canRunReflections: "reflection.create",
      canSeeAuditLog: "funding.auditLog",
      canPublishPortfolio: "transparency.setPublished",
      canCreateFund: "funding.createFund",
  });
  const hostsMeetings =
    firstLed !== null &&
    can("event.hostMeeting", { ...grant, subGroup: { id: firstLed.subGroupId, partnershipId, myRole: "LEAD" } });
  return {
    partnershipSlug: partnership.slug,
    partnershipName: partnership.name,
    role: grant.membership.role,
    ...flags,
    /** Any event at all (officers and chairs), or meetings of a sub-group they lead. */
    canCreateEvents: can("event.create", grant) && (flags.canCreateAnyEvent || hostsMeetings),
  };
}

export type PartnershipViewer = Awaited<ReturnType<typeof partnershipViewer>>;
