import { randomBytes } from "node:crypto";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { MembershipRole, OrganisationType, Sector } from "@/server/db/generated/enums";

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

export async function createPerson(db: Database, overrides: { name?: string; organisationId?: string | null } = {}) {
  const tag = unique("person");
  const user = await db.user.create({
    data: {
      name: overrides.name ?? `Person ${tag}`,
      email: `${tag}@example.org`,
      organisationId: overrides.organisationId ?? null,
    },
  });
  const actor: Actor = { userId: user.id, name: user.name, email: user.email, organisationId: user.organisationId };
  return { user, actor };
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
