import { can, viewerCan } from "@/server/auth/can";
import type { MemberGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/errors";

/**
 * What the viewer may do in a partnership, for its navigation and pages: each flag is the
 * policy's own answer for the procedure behind the link or button, from the membership the
 * policy already read for this request (nothing else is loaded but the partnership's name
 * and whether they lead a sub-group there).
 */
export async function partnershipViewer(db: Database, grant: MemberGrant) {
  const partnershipId = grant.membership.partnershipId;
  // The partnership's name, and one sub-group the viewer leads there (the flag below needs
  // one), in one statement.
  const [partnership] = await db.$queryRaw<{ slug: string; name: string; ledSubGroupId: string | null }[]>`
    SELECT p."slug", p."name",
           (SELECT sgm."subGroupId" FROM "SubGroupMembership" sgm JOIN "SubGroup" sg ON sg."id" = sgm."subGroupId"
            WHERE sgm."userId" = ${grant.actor.userId} AND sgm."role" = 'LEAD' AND sg."partnershipId" = p."id" AND sg."archivedAt" IS NULL
            LIMIT 1) AS "ledSubGroupId"
    FROM "Partnership" p WHERE p."id" = ${partnershipId}`;
  if (!partnership) throw notFound();
  const firstLed = partnership.ledSubGroupId === null ? null : { subGroupId: partnership.ledSubGroupId };
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
