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

  const members = await db.membership.findMany({
    where: { partnershipId: membership.partnershipId },
    select: { role: true, user: { select: { organisation: { select: { sector: true } } } } },
  });

  const membersBySector: Record<Sector | "INDIVIDUAL", number> = {
    ...(Object.fromEntries(SECTORS.map((sector) => [sector, 0])) as Record<Sector, number>),
    INDIVIDUAL: 0,
  };
  for (const member of members) {
    membersBySector[member.user.organisation?.sector ?? "INDIVIDUAL"] += 1;
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
    memberCount: members.length,
    membersBySector,
  };
}
