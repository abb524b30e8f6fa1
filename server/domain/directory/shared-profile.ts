import { INDIVIDUAL_LABEL } from "@/lib/schemas/directory";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { OrganisationType, Sector, SubGroupRole } from "@/server/db/generated/enums";

export type SubGroupRef = {
  id: string;
  name: string;
  role: SubGroupRole;
  priorityArea: { id: string; title: string };
};

/**
 * What the directory shows about a person: only what they chose to share. `email` and
 * `phone` are present only when the person ticked "show"; otherwise the keys are absent.
 */
export type DirectoryPersonCard = {
  userId: string;
  name: string | null;
  jobTitle: string | null;
  organisation: {
    id: string;
    name: string;
    sector: Sector;
    type: OrganisationType;
    /** Whether the organisation takes part in this partnership (so has a page here). */
    inPartnership: boolean;
    verified: boolean;
  } | null;
  /** The organisation's name, or "Individual / local resident". */
  organisationLabel: string;
  locality: { id: string; name: string } | null;
  interests: string[];
  bio: string | null;
  email?: string;
  phone?: string;
  subGroups: SubGroupRef[];
};

/** The columns a directory card is made from, for people seen within one partnership. */
export function directoryUserSelect(partnershipId: string) {
  return {
    id: true,
    name: true,
    jobTitle: true,
    bio: true,
    interests: true,
    email: true,
    phone: true,
    showEmail: true,
    showPhone: true,
    organisation: {
      select: {
        id: true,
        name: true,
        sector: true,
        type: true,
        partnerships: {
          where: { partnershipId },
          select: { verifiedAt: true, locality: { select: { id: true, name: true } } },
        },
      },
    },
  } satisfies Prisma.UserSelect;
}

type DirectoryUserRow = Prisma.UserGetPayload<{ select: ReturnType<typeof directoryUserSelect> }>;

/**
 * Shapes a person for the directory, leaving out everything they did not choose to share.
 * Their locality is the one on their membership, else their organisation's in this partnership.
 */
export function toPersonCard(
  user: DirectoryUserRow,
  membershipLocality: { id: string; name: string } | null,
  subGroups: SubGroupRef[],
): DirectoryPersonCard {
  const link = user.organisation?.partnerships[0];
  const card: DirectoryPersonCard = {
    userId: user.id,
    name: user.name,
    jobTitle: user.jobTitle,
    organisation: user.organisation
      ? {
          id: user.organisation.id,
          name: user.organisation.name,
          sector: user.organisation.sector,
          type: user.organisation.type,
          inPartnership: Boolean(link),
          verified: Boolean(link?.verifiedAt),
        }
      : null,
    organisationLabel: user.organisation?.name ?? INDIVIDUAL_LABEL,
    locality: membershipLocality ?? link?.locality ?? null,
    interests: user.interests,
    bio: user.bio,
    subGroups,
  };
  if (user.showEmail) card.email = user.email;
  if (user.showPhone && user.phone) card.phone = user.phone;
  return card;
}

/** The active sub-groups of this partnership that each of these people is in: one query for a whole page. */
export async function loadSubGroupsOf(
  db: Database,
  partnershipId: string,
  userIds: string[],
): Promise<Map<string, SubGroupRef[]>> {
  const bySubGroupPerson = new Map<string, SubGroupRef[]>();
  if (userIds.length === 0) return bySubGroupPerson;
  const rows = await db.subGroupMembership.findMany({
    where: {
      userId: { in: userIds },
      subGroup: { partnershipId, archivedAt: null, priorityArea: { archivedAt: null } },
    },
    select: {
      userId: true,
      role: true,
      subGroup: { select: { id: true, name: true, priorityArea: { select: { id: true, title: true } } } },
    },
    orderBy: [{ subGroup: { priorityArea: { position: "asc" } } }, { subGroup: { name: "asc" } }],
  });
  for (const row of rows) {
    const list = bySubGroupPerson.get(row.userId) ?? [];
    list.push({ id: row.subGroup.id, name: row.subGroup.name, role: row.role, priorityArea: row.subGroup.priorityArea });
    bySubGroupPerson.set(row.userId, list);
  }
  return bySubGroupPerson;
}
