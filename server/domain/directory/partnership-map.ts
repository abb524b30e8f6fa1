import { directoryHref } from "@/lib/schemas/directory";
import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import { SECTORS, type SectorCode } from "@/lib/sectors";
import type { Database } from "@/server/db/client";
import { paths } from "@/lib/paths";

/**
 * THE PARTNERSHIP MAP: who is in which sub-group, from where, and from which sector.
 *
 * Rows are the active priority areas (in their order), each followed by its active
 * sub-groups. Columns are the partnership's localities, then "Whole area" for people
 * with no locality. A cell counts sub-group members per sector; a person's locality is
 * the one on their membership, else their organisation's in this partnership, and their
 * sector is their organisation's ("Individual" when they take part on their own).
 * A priority area's cell counts distinct people across its sub-groups, so someone in two
 * of its sub-groups is counted once. Archived areas and sub-groups are left out.
 *
 * GAPS are computed from the same memberships, by these rules, listed in order of
 * importance (the order they are reported in; within a rule: priority area order,
 * sub-group name, locality name, sector order). Only the first MAX_GAPS are returned.
 * A gap is not reported when a more important one already says it.
 *
 *  1. AREA_EMPTY        an active priority area with sub-groups but no member in any of them.
 *  2. AREA_SECTOR       an active priority area with no voluntary-sector (or no public-sector)
 *                       member in any of its sub-groups: these two sectors are the core of a
 *                       cross-sector partnership, so their absence is always a gap.
 *  3. SUBGROUP_EMPTY    an active sub-group with no members.
 *  4. SUBGROUP_SECTOR   an active sub-group with no voluntary-sector (or no public-sector) member.
 *  5. LOCALITY_ABSENT   a locality where at least one organisation of the partnership works,
 *                       but nobody from it is in any sub-group.
 *  6. AREA_LOCALITY     such a locality that is in some sub-groups, but in none of a priority
 *                       area's.
 *  7. SUBGROUP_LOCALITY_SECTOR
 *                       a sub-group with no member of a sector from a locality, where
 *                       organisations of that sector in that locality take part in the
 *                       partnership (so there is someone to ask).
 */

export const MAX_GAPS = 20;

/** The sectors whose absence from a priority area or sub-group is always a gap. */
export const CORE_SECTORS = ["VOLUNTARY", "PUBLIC"] as const satisfies readonly SectorCode[];

export const MAP_SECTORS = [...SECTORS, "INDIVIDUAL"] as const;
export type MapSector = (typeof MAP_SECTORS)[number];
export type SectorCounts = Record<MapSector, number>;

export type MapColumn = { localityId: string | null; name: string };
export type MapCells = { cells: SectorCounts[]; total: SectorCounts };
export type MapSubGroupRow = MapCells & { id: string; name: string; href: string };
export type MapAreaRow = MapCells & { id: string; title: string; subGroups: MapSubGroupRow[] };

export type GapRule =
  | "AREA_EMPTY"
  | "AREA_SECTOR"
  | "SUBGROUP_EMPTY"
  | "SUBGROUP_SECTOR"
  | "LOCALITY_ABSENT"
  | "AREA_LOCALITY"
  | "SUBGROUP_LOCALITY_SECTOR";

export type MapGap = {
  rule: GapRule;
  /** One sentence a volunteer can act on. */
  statement: string;
  priorityAreaId: string | null;
  subGroupId: string | null;
  localityId: string | null;
  sector: SectorCode | null;
  /** Where to act: the sub-group's page, and the directory filtered to people who could fill the gap. */
  links: { label: string; href: string }[];
};

const SECTOR_WORD: Record<SectorCode, string> = {
  VOLUNTARY: "voluntary",
  PUBLIC: "public",
  PRIVATE: "private",
  COMMUNITY: "community",
};

export function emptyCounts(): SectorCounts {
  return { VOLUNTARY: 0, PUBLIC: 0, PRIVATE: 0, COMMUNITY: 0, INDIVIDUAL: 0 };
}

type Member = { userId: string; sector: MapSector; localityId: string | null };

export type MapModel = {
  slug: string;
  localities: { id: string; name: string }[];
  areas: {
    id: string;
    title: string;
    subGroups: { id: string; name: string; members: Member[] }[];
  }[];
  /** Organisations of the partnership per locality, per sector. */
  organisationsByLocality: Map<string, Record<SectorCode, number>>;
};

function countCells(members: Member[], columns: MapColumn[]): MapCells {
  const cells = columns.map(() => emptyCounts());
  const total = emptyCounts();
  const columnOf = new Map(columns.map((column, index) => [column.localityId, index]));
  for (const member of members) {
    total[member.sector] += 1;
    const index = columnOf.get(member.localityId) ?? columnOf.get(null)!;
    cells[index]![member.sector] += 1;
  }
  return { cells, total };
}

function distinctMembers(groups: { members: Member[] }[]): Member[] {
  const byUser = new Map<string, Member>();
  for (const group of groups) for (const member of group.members) byUser.set(member.userId, member);
  return [...byUser.values()];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const capitalise = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The rows, columns and counts of the map, and its gaps: a pure function of the memberships. */
export function computePartnershipMap(model: MapModel) {
  const { slug } = model;
  const columns: MapColumn[] = [
    ...model.localities.map((locality) => ({ localityId: locality.id, name: locality.name })),
    { localityId: null, name: "Whole area" },
  ];
  const localityIds = new Set(model.localities.map((locality) => locality.id));
  // A membership locality from elsewhere (should not happen) reads as "Whole area".
  const placed = (members: Member[]) =>
    members.map((member) => (member.localityId && localityIds.has(member.localityId) ? member : { ...member, localityId: null }));
  const areas = model.areas.map((area) => ({
    ...area,
    subGroups: area.subGroups.map((group) => ({ ...group, members: placed(group.members) })),
  }));

  const rows: MapAreaRow[] = areas.map((area) => ({
    id: area.id,
    title: area.title,
    ...countCells(distinctMembers(area.subGroups), columns),
    subGroups: area.subGroups.map((group) => ({
      id: group.id,
      name: group.name,
      href: paths.subGroup(slug, group.id),
      ...countCells(group.members, columns),
    })),
  }));

  // --- gaps, rule by rule -------------------------------------------------------------
  const gaps: Record<GapRule, MapGap[]> = {
    AREA_EMPTY: [],
    AREA_SECTOR: [],
    SUBGROUP_EMPTY: [],
    SUBGROUP_SECTOR: [],
    LOCALITY_ABSENT: [],
    AREA_LOCALITY: [],
    SUBGROUP_LOCALITY_SECTOR: [],
  };
  const groupLink = (group: { id: string; name: string }) => ({
    label: `Open ${subGroupInSentence(group.name)}`,
    href: paths.subGroup(slug, group.id),
  });
  const prioritiesLink = (area: { title: string }) => ({
    label: `See the ${area.title} priority and its sub-groups`,
    href: paths.priorities(slug),
  });
  const localityName = new Map(model.localities.map((locality) => [locality.id, locality.name]));
  const withOrganisations = model.localities.filter((locality) => {
    const counts = model.organisationsByLocality.get(locality.id);
    return counts !== undefined && SECTORS.some((sector) => counts[sector] > 0);
  });
  const everyone = distinctMembers(areas.flatMap((area) => area.subGroups));
  const presentLocalities = new Set(everyone.map((member) => member.localityId));

  for (const area of areas) {
    if (area.subGroups.length === 0) continue;
    const areaMembers = distinctMembers(area.subGroups);
    const areaTotal = countCells(areaMembers, columns).total;
    const areaLocalities = new Set(areaMembers.map((member) => member.localityId));
    const areaEmpty = areaMembers.length === 0;

    if (areaEmpty) {
      gaps.AREA_EMPTY.push({
        rule: "AREA_EMPTY",
        statement: `The ${area.title} priority has no members in any of its sub-groups yet.`,
        priorityAreaId: area.id,
        subGroupId: null,
        localityId: null,
        sector: null,
        links: [prioritiesLink(area), { label: "Find people in the directory", href: directoryHref(slug, {}) }],
      });
      continue;
    }
    for (const sector of CORE_SECTORS) {
      if (areaTotal[sector] > 0) continue;
      gaps.AREA_SECTOR.push({
        rule: "AREA_SECTOR",
        statement: `The ${area.title} priority has no ${SECTOR_WORD[sector]}-sector member at all.`,
        priorityAreaId: area.id,
        subGroupId: null,
        localityId: null,
        sector,
        links: [
          prioritiesLink(area),
          { label: `Find ${SECTOR_WORD[sector]}-sector people in the directory`, href: directoryHref(slug, { sector }) },
        ],
      });
    }

    for (const group of area.subGroups) {
      const { total, cells } = countCells(group.members, columns);
      if (group.members.length === 0) {
        gaps.SUBGROUP_EMPTY.push({
          rule: "SUBGROUP_EMPTY",
          statement: `${capitalise(subGroupInSentence(group.name))} (${area.title}) has no members yet.`,
          priorityAreaId: area.id,
          subGroupId: group.id,
          localityId: null,
          sector: null,
          links: [
            groupLink(group),
            { label: `Find people working on ${area.title}`, href: directoryHref(slug, { priorityAreaId: area.id }) },
          ],
        });
        continue;
      }
      for (const sector of CORE_SECTORS) {
        if (total[sector] > 0 || areaTotal[sector] === 0) continue;
        gaps.SUBGROUP_SECTOR.push({
          rule: "SUBGROUP_SECTOR",
          statement: `${capitalise(subGroupInSentence(group.name))} (${area.title}) has no ${SECTOR_WORD[sector]}-sector member.`,
          priorityAreaId: area.id,
          subGroupId: group.id,
          localityId: null,
          sector,
          links: [
            groupLink(group),
            {
              label: `Find ${SECTOR_WORD[sector]}-sector people already working on ${area.title}`,
              href: directoryHref(slug, { sector, priorityAreaId: area.id }),
            },
          ],
        });
      }

      for (const locality of withOrganisations) {
        if (!areaLocalities.has(locality.id)) continue; // rules 5 and 6 say it
        const organisations = model.organisationsByLocality.get(locality.id)!;
        const cell = cells[columns.findIndex((column) => column.localityId === locality.id)]!;
        for (const sector of SECTORS) {
          if (organisations[sector] === 0 || cell[sector] > 0) continue;
          const coveredByCoreRule = (CORE_SECTORS as readonly SectorCode[]).includes(sector) && total[sector] === 0;
          if (coveredByCoreRule) continue; // rules 2 and 4 say it
          gaps.SUBGROUP_LOCALITY_SECTOR.push({
            rule: "SUBGROUP_LOCALITY_SECTOR",
            statement:
              `No ${SECTOR_WORD[sector]}-sector member in ${subGroupInSentence(group.name)} from ${locality.name}, ` +
              `where ${plural(organisations[sector], `${SECTOR_WORD[sector]} organisation takes`, `${SECTOR_WORD[sector]} organisations take`)} part.`,
            priorityAreaId: area.id,
            subGroupId: group.id,
            localityId: locality.id,
            sector,
            links: [
              groupLink(group),
              {
                label: `Find ${SECTOR_WORD[sector]}-sector people in ${locality.name}`,
                href: directoryHref(slug, { sector, localityId: locality.id }),
              },
              {
                label: `Find ${SECTOR_WORD[sector]} organisations in ${locality.name}`,
                href: directoryHref(slug, { view: "organisations", sector, localityId: locality.id }),
              },
            ],
          });
        }
      }
    }
  }

  const hasActiveSubGroups = areas.some((area) => area.subGroups.length > 0);
  for (const locality of withOrganisations) {
    const organisationCount = SECTORS.reduce(
      (sum, sector) => sum + model.organisationsByLocality.get(locality.id)![sector],
      0,
    );
    const links = [
      { label: `Find organisations in ${locality.name}`, href: directoryHref(slug, { view: "organisations", localityId: locality.id }) },
      { label: `Find people in ${locality.name}`, href: directoryHref(slug, { localityId: locality.id }) },
    ];
    if (!presentLocalities.has(locality.id)) {
      if (!hasActiveSubGroups) continue;
      gaps.LOCALITY_ABSENT.push({
        rule: "LOCALITY_ABSENT",
        statement:
          `No one from ${locality.name} is in any sub-group, although ` +
          `${plural(organisationCount, "organisation there takes", "organisations there take")} part in the partnership.`,
        priorityAreaId: null,
        subGroupId: null,
        localityId: locality.id,
        sector: null,
        links,
      });
      continue;
    }
    for (const area of areas) {
      const areaMembers = distinctMembers(area.subGroups);
      if (areaMembers.length === 0) continue; // rule 1 says it
      if (areaMembers.some((member) => member.localityId === locality.id)) continue;
      gaps.AREA_LOCALITY.push({
        rule: "AREA_LOCALITY",
        statement: `No one from ${localityName.get(locality.id)} is in any sub-group of the ${area.title} priority.`,
        priorityAreaId: area.id,
        subGroupId: null,
        localityId: locality.id,
        sector: null,
        links: [prioritiesLink(area), ...links],
      });
    }
  }
  // Rule 6 was gathered locality by locality: report it in priority-area order.
  const areaOrder = new Map(areas.map((area, index) => [area.id, index]));
  gaps.AREA_LOCALITY.sort((a, b) => areaOrder.get(a.priorityAreaId!)! - areaOrder.get(b.priorityAreaId!)!);

  const allGaps = (Object.keys(gaps) as GapRule[]).flatMap((rule) => gaps[rule]);
  return { columns, rows, gaps: allGaps.slice(0, MAX_GAPS), totalGaps: allGaps.length };
}

/** Loads the partnership's memberships and builds its map (see computePartnershipMap). */
export async function getPartnershipMap(db: Database, partnershipId: string) {
  const [partnership, areas, memberships] = await Promise.all([
    db.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: {
        slug: true,
        localities: { select: { id: true, name: true }, orderBy: { name: "asc" } },
        organisations: { select: { localityId: true, organisation: { select: { sector: true } } } },
      },
    }),
    db.priorityArea.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        subGroups: {
          where: { archivedAt: null },
          orderBy: [{ name: "asc" }, { createdAt: "asc" }],
          select: { id: true, name: true, members: { select: { userId: true } } },
        },
      },
    }),
    db.membership.findMany({
      where: { partnershipId },
      select: {
        userId: true,
        localityId: true,
        user: {
          select: {
            organisation: {
              select: { sector: true, partnerships: { where: { partnershipId }, select: { localityId: true } } },
            },
          },
        },
      },
    }),
  ]);

  const people = new Map<string, Member>(
    memberships.map((membership) => {
      const organisation = membership.user.organisation;
      return [
        membership.userId,
        {
          userId: membership.userId,
          sector: organisation?.sector ?? "INDIVIDUAL",
          localityId: membership.localityId ?? organisation?.partnerships[0]?.localityId ?? null,
        },
      ];
    }),
  );
  const organisationsByLocality = new Map<string, Record<SectorCode, number>>();
  for (const link of partnership.organisations) {
    if (!link.localityId) continue;
    const counts = organisationsByLocality.get(link.localityId) ?? { VOLUNTARY: 0, PUBLIC: 0, PRIVATE: 0, COMMUNITY: 0 };
    counts[link.organisation.sector] += 1;
    organisationsByLocality.set(link.localityId, counts);
  }

  return computePartnershipMap({
    slug: partnership.slug,
    localities: partnership.localities,
    organisationsByLocality,
    areas: areas.map((area) => ({
      id: area.id,
      title: area.title,
      subGroups: area.subGroups.map((group) => ({
        id: group.id,
        name: group.name,
        // Only people who are (still) members of the partnership are counted.
        members: group.members.flatMap((member) => {
          const person = people.get(member.userId);
          return person ? [person] : [];
        }),
      })),
    })),
  });
}

export type PartnershipMap = ReturnType<typeof computePartnershipMap>;
