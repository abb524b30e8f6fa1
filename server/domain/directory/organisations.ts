import { DIRECTORY_PAGE_SIZE, type DirectoryOrganisationsFilters } from "@/lib/schemas/directory";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notFound } from "@/server/errors";
import { escapeLike, searchTerms } from "./people";
import { directoryUserSelect, loadSubGroupsOf, toPersonCard } from "./shared-profile";
import { paths } from "@/lib/paths";

/** At most this many people are listed on an organisation's page (the directory search finds the rest). */
export const ORGANISATION_PAGE_PEOPLE = 100;

/** Who counts as "an organisation's people" here: members of this partnership who work for it. */
const peopleOf = (partnershipId: string, organisationId: string | { in: string[] }) =>
  ({ organisationId, memberships: { some: { partnershipId } } }) satisfies Prisma.UserWhereInput;

const activeSubGroup = (partnershipId: string) =>
  ({ partnershipId, archivedAt: null, priorityArea: { archivedAt: null } }) satisfies Prisma.SubGroupWhereInput;

/**
 * Which of the partnership's organisations match each term as an English word in their name
 * or description (stemmed, through the GIN-indexed document the migration defines). The
 * term is a bound parameter read by websearch_to_tsquery, so no text is ever query syntax.
 */
async function organisationWordMatches(
  db: Database,
  partnershipId: string,
  terms: string[],
): Promise<Map<string, string[]>> {
  const matches = new Map<string, string[]>(terms.map((term) => [term, []]));
  if (terms.length === 0) return matches;
  const rows = await db.$queryRaw<{ organisationId: string; term: string }[]>`
    SELECT DISTINCT po."organisationId" AS "organisationId", t.term AS term
    FROM "PartnershipOrganisation" po
    JOIN "Organisation" o ON o.id = po."organisationId"
    CROSS JOIN unnest(${terms}::text[]) AS t(term)
    WHERE po."partnershipId" = ${partnershipId}
      AND tandem_organisation_search_document(o.name, o.description) @@ websearch_to_tsquery('english', t.term)`;
  for (const row of rows) matches.get(row.term)?.push(row.organisationId);
  return matches;
}

function organisationsWhere(
  partnershipId: string,
  filters: DirectoryOrganisationsFilters,
  terms: string[],
  wordHits: Map<string, string[]>,
): Prisma.PartnershipOrganisationWhereInput {
  const and: Prisma.PartnershipOrganisationWhereInput[] = terms.map((term) => {
    const contains = { contains: escapeLike(term), mode: "insensitive" } as const;
    return {
      OR: [
        { organisation: { OR: [{ name: contains }, { description: contains }] } },
        { organisationId: { in: wordHits.get(term) ?? [] } },
      ],
    };
  });
  if (filters.sector) and.push({ organisation: { sector: filters.sector } });
  if (filters.organisationType) and.push({ organisation: { type: filters.organisationType } });
  if (filters.localityId) and.push({ localityId: filters.localityId });
  if (filters.priorityAreaId) {
    and.push({
      organisation: {
        people: {
          some: {
            memberships: { some: { partnershipId } },
            subGroupMemberships: {
              some: { subGroup: { ...activeSubGroup(partnershipId), priorityAreaId: filters.priorityAreaId } },
            },
          },
        },
      },
    });
  }
  return { partnershipId, AND: and };
}

/** A page of the organisations taking part in the partnership. */
export async function searchOrganisations(db: Database, partnershipId: string, filters: DirectoryOrganisationsFilters) {
  const terms = searchTerms(filters.q);
  const where = organisationsWhere(partnershipId, filters, terms, await organisationWordMatches(db, partnershipId, terms));
  const page = filters.page;
  const [total, rows] = await Promise.all([
    db.partnershipOrganisation.count({ where }),
    db.partnershipOrganisation.findMany({
      where,
      select: {
        verifiedAt: true,
        locality: { select: { id: true, name: true } },
        organisation: { select: { id: true, name: true, sector: true, type: true, description: true } },
      },
      orderBy: [{ organisation: { name: "asc" } }, { organisationId: "asc" }],
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
    }),
  ]);
  const ids = rows.map((row) => row.organisation.id);

  // The page's people counts and sub-groups: two queries, whatever the page size.
  const [counts, subGroupRows] = await Promise.all([
    db.user.groupBy({
      by: ["organisationId"],
      where: { ...peopleOf(partnershipId, { in: ids }), listedInDirectory: true },
      _count: { _all: true },
    }),
    db.subGroupMembership.findMany({
      where: { user: peopleOf(partnershipId, { in: ids }), subGroup: activeSubGroup(partnershipId) },
      select: { user: { select: { organisationId: true } }, subGroup: { select: { id: true, name: true } } },
      orderBy: { subGroup: { name: "asc" } },
    }),
  ]);
  const peopleCount = new Map(counts.map((row) => [row.organisationId, row._count._all]));
  const subGroupsOf = new Map<string, Map<string, { id: string; name: string }>>();
  for (const row of subGroupRows) {
    const organisationId = row.user.organisationId;
    if (!organisationId) continue;
    const groups = subGroupsOf.get(organisationId) ?? new Map();
    groups.set(row.subGroup.id, row.subGroup);
    subGroupsOf.set(organisationId, groups);
  }

  return {
    organisations: rows.map(({ organisation, locality, verifiedAt }) => ({
      id: organisation.id,
      name: organisation.name,
      sector: organisation.sector,
      type: organisation.type,
      description: organisation.description,
      locality,
      verified: verifiedAt !== null,
      peopleCount: peopleCount.get(organisation.id) ?? 0,
      subGroups: [...(subGroupsOf.get(organisation.id)?.values() ?? [])],
    })),
    total,
    page,
    pageSize: DIRECTORY_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
  };
}

/** A web address is shown as a link only when it is an ordinary http(s) address. */
function safeWebsite(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** An organisation's page within a partnership: what it does, its people here, its sub-groups. */
export async function getDirectoryOrganisation(db: Database, partnershipId: string, organisationId: string) {
  const link = await db.partnershipOrganisation.findUnique({
    where: { partnershipId_organisationId: { partnershipId, organisationId } },
    select: {
      verifiedAt: true,
      locality: { select: { id: true, name: true } },
      organisation: {
        select: {
          id: true,
          name: true,
          sector: true,
          type: true,
          description: true,
          website: true,
          charityNumber: true,
          scottishCharityNumber: true,
          companyNumber: true,
          partnerships: {
            where: { partnershipId: { not: partnershipId } },
            select: { partnership: { select: { name: true } } },
            orderBy: { partnership: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!link) throw notFound("That organisation");

  const peopleWhere = {
    partnershipId,
    user: { organisationId, listedInDirectory: true },
  } satisfies Prisma.MembershipWhereInput;
  const [peopleTotal, memberships, subGroups] = await Promise.all([
    db.membership.count({ where: peopleWhere }),
    db.membership.findMany({
      where: peopleWhere,
      select: { locality: { select: { id: true, name: true } }, user: { select: directoryUserSelect(partnershipId) } },
      orderBy: [{ user: { name: { sort: "asc", nulls: "last" } } }, { userId: "asc" }],
      take: ORGANISATION_PAGE_PEOPLE,
    }),
    db.subGroup.findMany({
      where: { ...activeSubGroup(partnershipId), members: { some: { user: peopleOf(partnershipId, organisationId) } } },
      select: {
        id: true,
        name: true,
        priorityArea: { select: { id: true, title: true } },
        _count: { select: { members: { where: { user: peopleOf(partnershipId, organisationId) } } } },
      },
      orderBy: [{ priorityArea: { position: "asc" } }, { name: "asc" }],
    }),
  ]);
  const subGroupsByPerson = await loadSubGroupsOf(
    db,
    partnershipId,
    memberships.map((membership) => membership.user.id),
  );
  const { organisation } = link;

  return {
    id: organisation.id,
    name: organisation.name,
    sector: organisation.sector,
    type: organisation.type,
    description: organisation.description,
    website: safeWebsite(organisation.website),
    locality: link.locality,
    verified: link.verifiedAt !== null,
    verifiedAt: link.verifiedAt,
    charityNumber: organisation.charityNumber,
    scottishCharityNumber: organisation.scottishCharityNumber,
    companyNumber: organisation.companyNumber,
    people: memberships.map((membership) =>
      toPersonCard(membership.user, membership.locality, subGroupsByPerson.get(membership.user.id) ?? []),
    ),
    peopleTotal,
    subGroups: subGroups.map(({ _count, ...group }) => ({ ...group, peopleCount: _count.members })),
    otherPartnerships: organisation.partnerships.map((other) => other.partnership.name),
  };
}

/**
 * An officer records that they checked the organisation is who it says it is (or takes
 * that back). Setting the state it already has changes nothing and records nothing.
 */
export async function setOrganisationVerified(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { organisationId: string; verified: boolean },
) {
  return db.$transaction(async (tx) => {
    const link = await tx.partnershipOrganisation.findUnique({
      where: { partnershipId_organisationId: { partnershipId, organisationId: input.organisationId } },
      select: {
        verifiedAt: true,
        organisation: { select: { name: true } },
        partnership: { select: { slug: true } },
      },
    });
    if (!link) throw notFound("That organisation");
    const alreadyVerified = link.verifiedAt !== null;
    if (alreadyVerified === input.verified) {
      return { organisationId: input.organisationId, verified: alreadyVerified, verifiedAt: link.verifiedAt };
    }

    const updated = await tx.partnershipOrganisation.update({
      where: { partnershipId_organisationId: { partnershipId, organisationId: input.organisationId } },
      data: input.verified
        ? { verifiedAt: new Date(), verifiedById: actor.userId }
        : { verifiedAt: null, verifiedById: null },
      select: { verifiedAt: true },
    });
    const who = actor.name ?? "An officer";
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "ORGANISATION_VERIFIED",
      summary: input.verified
        ? `${who} verified ${link.organisation.name}`
        : `${who} removed the verification of ${link.organisation.name}`,
      linkPath: paths.organisation(link.partnership.slug, input.organisationId),
    });
    return { organisationId: input.organisationId, verified: input.verified, verifiedAt: updated.verifiedAt };
  });
}

/**
 * An officer of a partnership the organisation takes part in records its registered numbers
 * (from which its identifier in open grants data is made). A blank number is removed.
 */
export async function setOrganisationNumbers(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { organisationId: string; charityNumber: string | null; scottishCharityNumber: string | null; companyNumber: string | null },
) {
  return db.$transaction(async (tx) => {
    const link = await tx.partnershipOrganisation.findUnique({
      where: { partnershipId_organisationId: { partnershipId, organisationId: input.organisationId } },
      select: { organisation: { select: { id: true, name: true, charityNumber: true, scottishCharityNumber: true, companyNumber: true } } },
    });
    if (!link) throw notFound("That organisation");
    const before = link.organisation;
    const updated = await tx.organisation.update({
      where: { id: before.id },
      data: { charityNumber: input.charityNumber, scottishCharityNumber: input.scottishCharityNumber, companyNumber: input.companyNumber },
      select: { id: true, charityNumber: true, scottishCharityNumber: true, companyNumber: true },
    });
    const changes = (
      [
        ["charity number", before.charityNumber, updated.charityNumber],
        ["Scottish charity number", before.scottishCharityNumber, updated.scottishCharityNumber],
        ["company number", before.companyNumber, updated.companyNumber],
      ] as const
    )
      .filter(([, from, to]) => from !== to)
      .map(([label, from, to]) => (!from ? `${label} set to ${to}` : to ? `${label} changed from ${from} to ${to}` : `${label} ${from} removed`));
    if (changes.length > 0) {
      // Registered numbers name the organisation in published open data, so changes are kept in the audit trail.
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "organisation.numbers_changed",
        subjectType: "Organisation",
        subjectId: before.id,
        summary: `Registered numbers of ${before.name}: ${changes.join("; ")}`,
      });
    }
    return updated;
  });
}
