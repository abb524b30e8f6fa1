import type { Database } from "@/server/db/client";

/** How many interest tags are offered as suggestions in the directory's search form. */
const SUGGESTED_INTERESTS = 40;

/**
 * The partnership's name, and what the directory's search form offers to choose from:
 * its localities, its active priority areas (in their order) and the interests its
 * listed people use most.
 */
export async function getDirectoryFilterOptions(db: Database, partnershipId: string) {
  const [partnership, localities, priorityAreas, interests] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
    db.locality.findMany({ where: { partnershipId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.priorityArea.findMany({
      where: { partnershipId, archivedAt: null },
      select: { id: true, title: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
    db.$queryRaw<{ tag: string; people: number }[]>`
      SELECT i.tag AS tag, count(DISTINCT u.id)::int AS people
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      CROSS JOIN unnest(u.interests) AS i(tag)
      WHERE m."partnershipId" = ${partnershipId} AND u."listedInDirectory"
      GROUP BY i.tag
      ORDER BY people DESC, i.tag ASC
      LIMIT ${SUGGESTED_INTERESTS}`,
  ]);
  return { partnership, localities, priorityAreas, interests };
}
