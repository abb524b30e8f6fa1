import type { Database } from "../../server/db/client";
import { DEMO_ORGANISATIONS, DEMO_PARTNERSHIPS, DEMO_PEOPLE } from "./demo-data";

export const DEMO_SEED_FACT = "demo-data-seeded";

/**
 * Seeds the demo partnerships once per database. Safe to call on every start and from
 * several instances at once: an advisory lock serialises callers, and a recorded fact
 * stops a second seeding.
 */
export async function seedDemoData(db: Database): Promise<"seeded" | "already-seeded"> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tandem-demo-seed'))`;
      const done = await tx.installationFact.findUnique({ where: { key: DEMO_SEED_FACT } });
      if (done) return "already-seeded";

      const partnershipIds = new Map<string, string>();
      const localityIds = new Map<string, string>();
      for (const partnership of DEMO_PARTNERSHIPS) {
        const created = await tx.partnership.create({
          data: {
            slug: partnership.slug,
            name: partnership.name,
            kind: partnership.kind,
            area: partnership.area,
            description: partnership.description,
            localities: { create: partnership.localities.map((name) => ({ name })) },
          },
          select: { id: true, localities: { select: { id: true, name: true } } },
        });
        partnershipIds.set(partnership.slug, created.id);
        for (const locality of created.localities) localityIds.set(`${partnership.slug}/${locality.name}`, locality.id);
      }

      const organisationIds = new Map<string, string>();
      for (const organisation of DEMO_ORGANISATIONS) {
        const created = await tx.organisation.create({
          data: {
            name: organisation.name,
            sector: organisation.sector,
            type: organisation.type,
            description: organisation.description,
            website: organisation.website ?? null,
            partnerships: {
              create: Object.entries(organisation.partnerships).map(([slug, locality]) => ({
                partnershipId: partnershipIds.get(slug)!,
                localityId: locality ? localityIds.get(`${slug}/${locality}`)! : null,
              })),
            },
          },
          select: { id: true },
        });
        organisationIds.set(organisation.key, created.id);
      }

      for (const person of DEMO_PEOPLE) {
        await tx.user.create({
          data: {
            name: person.name,
            email: person.email,
            jobTitle: person.jobTitle,
            emailVerified: new Date(),
            organisationId: person.organisation ? organisationIds.get(person.organisation)! : null,
            memberships: {
              create: Object.entries(person.memberships).map(([slug, role]) => ({
                partnershipId: partnershipIds.get(slug)!,
                role,
              })),
            },
          },
        });
      }

      await tx.installationFact.create({ data: { key: DEMO_SEED_FACT, value: new Date().toISOString() } });
      return "seeded";
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
