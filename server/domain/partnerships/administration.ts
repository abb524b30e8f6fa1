import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import { recordActivity } from "@/server/domain/activity/record-activity";
import { AppError, notFound } from "@/server/errors";
import { paths } from "@/lib/paths";

type Tx = Prisma.TransactionClient;

/** How a person is named in summaries: their name, or their email when they have not given one. */
export function displayName(person: { name: string | null; email: string }): string {
  return person.name?.trim() || person.email;
}

export type PartnershipDetails = {
  name: string;
  area: string | null;
  description: string | null;
  /** The "branding text" shown at the top of the partnership's overview page. */
  welcomeText: string | null;
};

/** Officers edit who the partnership is and the welcome text members see first. */
export async function updatePartnership(db: Database, actor: Actor, partnershipId: string, details: PartnershipDetails) {
  return db.$transaction(async (tx) => {
    const partnership = await tx.partnership.update({
      where: { id: partnershipId },
      data: {
        name: details.name,
        area: details.area,
        description: details.description,
        welcomeText: details.welcomeText,
      },
      select: { id: true, slug: true, name: true, area: true, description: true, welcomeText: true },
    });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PARTNERSHIP_UPDATED",
      summary: `${displayName(actor)} updated the partnership's details`,
      linkPath: paths.partnership(partnership.slug),
    });
    return partnership;
  });
}

function duplicateLocality(name: string) {
  return new AppError("CONFLICT", `There is already a locality called "${name}" in this partnership.`, {
    name: ["Choose a name that no other locality of this partnership uses"],
  });
}

/**
 * Locality changes of one partnership run one at a time (the partnership row is locked),
 * so the case-insensitive duplicate check cannot be raced; the database's unique index
 * still catches an exact duplicate whatever happens.
 */
async function lockPartnership(tx: Tx, partnershipId: string): Promise<{ slug: string }> {
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT "slug" FROM "Partnership" WHERE "id" = ${partnershipId} FOR UPDATE`;
  if (!rows[0]) throw notFound("That partnership");
  return rows[0];
}

async function assertLocalityNameFree(tx: Tx, partnershipId: string, name: string, exceptId?: string) {
  const clash = await tx.locality.findFirst({
    where: {
      partnershipId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) throw duplicateLocality(clash.name);
}

async function withDuplicateCheck<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateLocality(name);
    throw error;
  }
}

export async function addLocality(db: Database, actor: Actor, partnershipId: string, input: { name: string }) {
  return withDuplicateCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const { slug } = await lockPartnership(tx, partnershipId);
      await assertLocalityNameFree(tx, partnershipId, input.name);
      const locality = await tx.locality.create({
        data: { partnershipId, name: input.name },
        select: { id: true, name: true },
      });
      await recordActivity(tx, {
        partnershipId,
        actorId: actor.userId,
        kind: "PARTNERSHIP_UPDATED",
        summary: `${displayName(actor)} added the locality ${locality.name}`,
        linkPath: paths.partnership(slug),
      });
      return locality;
    }),
  );
}

export async function renameLocality(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { localityId: string; name: string },
) {
  return withDuplicateCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const { slug } = await lockPartnership(tx, partnershipId);
      const locality = await tx.locality.findFirst({
        where: { id: input.localityId, partnershipId },
        select: { id: true, name: true },
      });
      if (!locality) throw notFound("That locality");
      if (locality.name === input.name) return locality;
      await assertLocalityNameFree(tx, partnershipId, input.name, locality.id);
      const renamed = await tx.locality.update({
        where: { id: locality.id },
        data: { name: input.name },
        select: { id: true, name: true },
      });
      await recordActivity(tx, {
        partnershipId,
        actorId: actor.userId,
        kind: "PARTNERSHIP_UPDATED",
        summary: `${displayName(actor)} renamed the locality ${locality.name} to ${renamed.name}`,
        linkPath: paths.partnership(slug),
      });
      return renamed;
    }),
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A locality can go only when no organisation or member of the partnership is placed in it. */
export async function removeLocality(db: Database, actor: Actor, partnershipId: string, input: { localityId: string }) {
  return db.$transaction(async (tx) => {
    const { slug } = await lockPartnership(tx, partnershipId);
    // Locking the row makes anyone assigning this locality meanwhile wait for us.
    const [locality] = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "Locality"
      WHERE "id" = ${input.localityId} AND "partnershipId" = ${partnershipId}
      FOR UPDATE`;
    if (!locality) throw notFound("That locality");
    const [organisations, members] = await Promise.all([
      tx.partnershipOrganisation.count({ where: { partnershipId, localityId: locality.id } }),
      tx.membership.count({ where: { partnershipId, localityId: locality.id } }),
    ]);
    if (organisations + members > 0) {
      const users = [
        organisations > 0 ? plural(organisations, "organisation", "organisations") : null,
        members > 0 ? plural(members, "member", "members") : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new AppError(
        "CONFLICT",
        `${locality.name} cannot be removed because ${users} ${organisations + members === 1 ? "is" : "are"} placed in it. Move them to another locality first.`,
      );
    }
    await tx.locality.delete({ where: { id: locality.id } });
    await recordActivity(tx, {
      partnershipId,
      actorId: actor.userId,
      kind: "PARTNERSHIP_UPDATED",
      summary: `${displayName(actor)} removed the locality ${locality.name}`,
      linkPath: paths.partnership(slug),
    });
    return { id: locality.id, name: locality.name };
  });
}
