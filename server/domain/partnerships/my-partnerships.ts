import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

/** The partnerships the actor belongs to, with their role and a few headline numbers. */
export async function listMyPartnerships(db: Database, actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    orderBy: { partnership: { name: "asc" } },
    select: {
      role: true,
      partnership: {
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          area: true,
          description: true,
          _count: { select: { memberships: true, organisations: true, localities: true } },
        },
      },
    },
  });
  return memberships.map(({ role, partnership }) => ({
    id: partnership.id,
    slug: partnership.slug,
    name: partnership.name,
    kind: partnership.kind,
    area: partnership.area,
    description: partnership.description,
    myRole: role,
    memberCount: partnership._count.memberships,
    organisationCount: partnership._count.organisations,
    localityCount: partnership._count.localities,
  }));
}
