import { randomBytes } from "node:crypto";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { JoinPolicy, MembershipRole, OrganisationType, Sector } from "@/server/db/generated/enums";

/*
 * Single rows, as the tests need them. The worlds built from them (a partnership with its
 * people, a sub-group, a fund, a funded project) are in worlds.ts.
 */

/** Unique suffixes keep tests independent of each other within one database. */
export const unique = (prefix = "t") => `${prefix}-${randomBytes(5).toString("hex")}`;

export async function createOrganisation(
  db: Database,
  overrides: { name?: string; sector?: Sector; type?: OrganisationType } = {},
) {
  return db.organisation.create({
    data: {
      name: overrides.name ?? `Organisation ${unique()}`,
      sector: overrides.sector ?? "VOLUNTARY",
      type: overrides.type ?? "CHARITY",
    },
  });
}

/** An organisation that takes part in the partnership (in a locality, when given). */
export async function createOrganisationIn(
  db: Database,
  partnershipId: string,
  overrides: { name?: string; sector?: Sector; type?: OrganisationType; localityId?: string | null } = {},
) {
  const organisation = await createOrganisation(db, overrides);
  await db.partnershipOrganisation.create({
    data: { partnershipId, organisationId: organisation.id, localityId: overrides.localityId ?? null },
  });
  return organisation;
}

const actorOf = (user: { id: string; name: string | null; email: string; organisationId: string | null }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  organisationId: user.organisationId,
});

export async function createPerson(db: Database, overrides: { name?: string; organisationId?: string | null } = {}) {
  const tag = unique("person");
  const user = await db.user.create({
    data: {
      name: overrides.name ?? `Person ${tag}`,
      email: `${tag}@example.org`,
      organisationId: overrides.organisationId ?? null,
    },
  });
  return { user, actor: actorOf(user) };
}

/** Several people in one statement, in the order given (so their ids are in that order too). */
export async function createPeople(db: Database, specs: { name?: string; organisationId?: string | null }[]) {
  if (specs.length === 0) return [];
  const data = specs.map((spec) => {
    const tag = unique("person");
    return { name: spec.name ?? `Person ${tag}`, email: `${tag}@example.org`, organisationId: spec.organisationId ?? null };
  });
  const users = await db.user.createManyAndReturn({ data });
  const byEmail = new Map(users.map((user) => [user.email, user]));
  return data.map(({ email }) => {
    const user = byEmail.get(email)!;
    return { user, actor: actorOf(user) };
  });
}

export async function createPartnership(db: Database, overrides: { name?: string; localities?: string[] } = {}) {
  const slug = unique("partnership");
  return db.partnership.create({
    data: {
      slug,
      name: overrides.name ?? `Partnership ${slug}`,
      kind: "STRATEGIC_PLANNING_GROUP",
      localities: { create: (overrides.localities ?? []).map((name) => ({ name })) },
    },
  });
}

export async function addMember(db: Database, partnershipId: string, userId: string, role: MembershipRole = "MEMBER") {
  return db.membership.create({ data: { partnershipId, userId, role } });
}

export async function createPriorityArea(
  db: Database,
  partnershipId: string,
  overrides: { title?: string; description?: string; outcomesSought?: string; position?: number; archived?: boolean } = {},
) {
  return db.priorityArea.create({
    data: {
      partnershipId,
      title: overrides.title ?? "Unpaid carers",
      description: overrides.description ?? "d",
      outcomesSought: overrides.outcomesSought ?? "o",
      position: overrides.position ?? 0,
      archivedAt: overrides.archived ? new Date() : null,
    },
  });
}

export async function createSubGroup(
  db: Database,
  area: { partnershipId: string; id: string },
  overrides: { name?: string; purpose?: string; joinPolicy?: JoinPolicy; archived?: boolean } = {},
) {
  return db.subGroup.create({
    data: {
      partnershipId: area.partnershipId,
      priorityAreaId: area.id,
      name: overrides.name ?? "Carers",
      purpose: overrides.purpose ?? "p",
      joinPolicy: overrides.joinPolicy,
      archivedAt: overrides.archived ? new Date() : null,
    },
  });
}
