import type { MembershipGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import type { Sector } from "@/server/db/generated/enums";
import { SECTORS } from "@/lib/sectors";

/**
 * What a member sees first about a partnership: who it is, where it works, and how
 * its membership splits across sectors (cross-sector balance is the point).
 */
export async function getPartnershipOverview(db: Database, membership: MembershipGrant) {
  const partnership = await db.partnership.findUniqueOrThrow({
    where: { id: membership.partnershipId },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      area: true,
      description: true,
      welcomeText: true,
      localities: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      organisations: {
        select: {
          locality: { select: { name: true } },
          organisation: { select: { id: true, name: true, sector: true, type: true } },
        },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });

  // Counted in the database: the overview's cost does not grow with the membership.
  const bySector = await db.$queryRaw<{ sector: Sector | null; count: number }[]>`
    SELECT o."sector"::text AS "sector", count(*)::int AS "count"
    FROM "Membership" m
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE m."partnershipId" = ${membership.partnershipId}
    GROUP BY o."sector"`;

  const membersBySector: Record<Sector | "INDIVIDUAL", number> = {
    ...(Object.fromEntries(SECTORS.map((sector) => [sector, 0])) as Record<Sector, number>),
    INDIVIDUAL: 0,
  };
  let memberCount = 0;
  for (const { sector, count } of bySector) {
    membersBySector[sector ?? "INDIVIDUAL"] += count;
    memberCount += count;
  }

  return {
    id: partnership.id,
    slug: partnership.slug,
    name: partnership.name,
    kind: partnership.kind,
    area: partnership.area,
    description: partnership.description,
    welcomeText: partnership.welcomeText,
    myRole: membership.role,
    localities: partnership.localities,
    organisations: partnership.organisations.map(({ organisation, locality }) => ({
      ...organisation,
      locality: locality?.name ?? null,
    })),
    memberCount,
    membersBySector,
  };
}
