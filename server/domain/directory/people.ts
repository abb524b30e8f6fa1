import { DIRECTORY_PAGE_SIZE, type DirectoryPeopleFilters } from "@/lib/schemas/directory";
import { normaliseInterest } from "@/lib/schemas/profile";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { notFound } from "@/server/errors";
import { directoryUserSelect, loadSubGroupsOf, toPersonCard } from "./shared-profile";

/** Up to this many words of a search are matched (each must match somewhere). */
const MAX_SEARCH_TERMS = 6;

/** Prisma passes `contains` to ILIKE as it is: a typed % or _ must match itself, not anything. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_TERMS);
}

/**
 * Which listed members of the partnership match each term as an English word (stemmed, so
 * "carer" finds "carers" and "volunteering" finds "volunteer") in their name, job title,
 * interests or organisation's name, or have an interest tag containing the term.
 * Prisma cannot express full-text search, so this one query finds them; the documents are
 * the ones the migration indexes with GIN. Each term goes through websearch_to_tsquery as a
 * bound parameter, which reads any text safely: quotes, `&` or `:*` are never query syntax.
 * Scoped to the partnership and to listed people like everything else.
 */
async function textMatches(db: Database, partnershipId: string, terms: string[]): Promise<Map<string, string[]>> {
  const matches = new Map<string, string[]>(terms.map((term) => [term, []]));
  if (terms.length === 0) return matches;
  const rows = await db.$queryRaw<{ userId: string; term: string }[]>`
    SELECT DISTINCT m."userId" AS "userId", t.term AS term
    FROM "Membership" m
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "Organisation" o ON o.id = u."organisationId"
    CROSS JOIN unnest(${terms}::text[]) AS t(term)
    CROSS JOIN LATERAL websearch_to_tsquery('english', t.term) AS query(words)
    WHERE m."partnershipId" = ${partnershipId}
      AND u."listedInDirectory"
      AND (
        tandem_person_search_document(u.name, u."jobTitle", u.interests) @@ query.words
        OR (o.id IS NOT NULL AND to_tsvector('english', o.name) @@ query.words)
        OR EXISTS (SELECT 1 FROM unnest(u.interests) AS i(tag) WHERE strpos(lower(i.tag), t.term) > 0)
      )`;
  for (const row of rows) matches.get(row.term)?.push(row.userId);
  return matches;
}

/** The Prisma filter for a directory search: it can only ever match listed members of this partnership. */
function peopleWhere(
  partnershipId: string,
  filters: DirectoryPeopleFilters,
  terms: string[],
  wordHits: Map<string, string[]>,
): Prisma.MembershipWhereInput {
  const and: Prisma.MembershipWhereInput[] = terms.map((term) => {
    const contains = { contains: escapeLike(term), mode: "insensitive" } as const;
    return {
      OR: [
        { user: { name: contains } },
        { user: { jobTitle: contains } },
        { user: { organisation: { name: contains } } },
        { userId: { in: wordHits.get(term) ?? [] } },
      ],
    };
  });
  if (filters.sector === "INDIVIDUAL") and.push({ user: { organisationId: null } });
  else if (filters.sector) and.push({ user: { organisation: { sector: filters.sector } } });
  if (filters.organisationType) and.push({ user: { organisation: { type: filters.organisationType } } });
  if (filters.localityId) {
    const localityId = filters.localityId;
    and.push({
      OR: [
        { localityId },
        { localityId: null, user: { organisation: { partnerships: { some: { partnershipId, localityId } } } } },
      ],
    });
  }
  if (filters.priorityAreaId) {
    and.push({
      user: {
        subGroupMemberships: {
          some: { subGroup: { partnershipId, priorityAreaId: filters.priorityAreaId, archivedAt: null } },
        },
      },
    });
  }
  if (filters.interest) and.push({ user: { interests: { has: normaliseInterest(filters.interest) } } });
  return { partnershipId, user: { listedInDirectory: true }, AND: and };
}

/** A page of the partnership's people directory, with only what each person shares. */
export async function searchPeople(db: Database, partnershipId: string, filters: DirectoryPeopleFilters) {
  const terms = searchTerms(filters.q);
  const where = peopleWhere(partnershipId, filters, terms, await textMatches(db, partnershipId, terms));
  const page = filters.page;
  const [total, memberships] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      select: { locality: { select: { id: true, name: true } }, user: { select: directoryUserSelect(partnershipId) } },
      orderBy: [{ user: { name: { sort: "asc", nulls: "last" } } }, { userId: "asc" }],
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
    }),
  ]);
  const subGroups = await loadSubGroupsOf(
    db,
    partnershipId,
    memberships.map((membership) => membership.user.id),
  );
  return {
    people: memberships.map((membership) =>
      toPersonCard(membership.user, membership.locality, subGroups.get(membership.user.id) ?? []),
    ),
    total,
    page,
    pageSize: DIRECTORY_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
  };
}

/** One person's directory page. Someone not in this partnership, or not listed, does not exist here. */
export async function getDirectoryPerson(db: Database, partnershipId: string, userId: string) {
  const membership = await db.membership.findFirst({
    where: { partnershipId, userId, user: { listedInDirectory: true } },
    select: { locality: { select: { id: true, name: true } }, user: { select: directoryUserSelect(partnershipId) } },
  });
  if (!membership) throw notFound("That person");
  const subGroups = await loadSubGroupsOf(db, partnershipId, [userId]);
  return toPersonCard(membership.user, membership.locality, subGroups.get(userId) ?? []);
}
