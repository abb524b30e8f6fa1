import type { Database } from "../../server/db/client";
import {
  DEMO_JOIN_REQUESTS,
  DEMO_NOTES,
  DEMO_ORGANISATIONS,
  DEMO_PARTNERSHIPS,
  DEMO_PEOPLE,
  DEMO_PRIORITY_AREAS,
  DEMO_THREADS,
  DEMO_FUND,
  DEMO_AWARDS_PUBLISHED_DAYS_AGO,
  seedDay,
} from "./demo-data";
import { seedDemoProjects } from "./seed-projects";
import { seedDemoProposals } from "./seed-proposals";
import { seedDemoReflections } from "./seed-reflections";
import { seedDemoStories } from "./seed-stories";
import { seedDemoEvents } from "./seed-events";
import { seedDemoLibrary } from "./seed-library";
import { seedDemoDocuments } from "./seed-documents";

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

      const userIds = new Map<string, string>();
      const userNames = new Map<string, string>();
      for (const person of DEMO_PEOPLE) {
        const user = await tx.user.create({
          select: { id: true },
          data: {
            name: person.name,
            email: person.email,
            jobTitle: person.jobTitle,
            interests: person.interests ?? [],
            bio: person.bio ?? null,
            showEmail: person.showEmail ?? false,
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
        userIds.set(person.email, user.id);
        userNames.set(person.email, person.name);
      }

      const userId = (email: string) => {
        const id = userIds.get(email);
        if (!id) throw new Error(`Demo data names an unknown person: ${email}`);
        return id;
      };
      const partnershipOf = new Map(DEMO_PEOPLE.map((person) => [person.email, Object.keys(person.memberships)]));
      const subGroups = new Map<string, { id: string; partnershipId: string; slug: string }>();
      const positions = new Map<string, number>();
      for (const area of DEMO_PRIORITY_AREAS) {
        const partnershipId = partnershipIds.get(area.partnership)!;
        const position = positions.get(area.partnership) ?? 0;
        positions.set(area.partnership, position + 1);
        const priorityArea = await tx.priorityArea.create({
          data: {
            partnershipId,
            title: area.title,
            description: area.description,
            outcomesSought: area.outcomesSought,
            position,
          },
        });
        for (const group of area.subGroups) {
          const people = [
            ...group.leads.map((email) => ({ email, role: "LEAD" as const })),
            ...group.members.map((email) => ({ email, role: "MEMBER" as const })),
          ];
          for (const { email } of people) {
            if (!partnershipOf.get(email)?.includes(area.partnership)) {
              throw new Error(`Demo data puts ${email} in "${group.name}" but not in ${area.partnership}`);
            }
          }
          const subGroup = await tx.subGroup.create({
            data: {
              partnershipId,
              priorityAreaId: priorityArea.id,
              name: group.name,
              purpose: group.purpose,
              joinPolicy: group.joinPolicy,
              members: { create: people.map(({ email, role }) => ({ userId: userId(email), role })) },
            },
          });
          subGroups.set(group.name, { id: subGroup.id, partnershipId, slug: area.partnership });
          await tx.activity.createMany({
            data: people.map(({ email, role }) => ({
              partnershipId,
              subGroupId: subGroup.id,
              actorId: userId(email),
              kind: role === "LEAD" ? ("LEAD_ADDED" as const) : ("MEMBER_JOINED" as const),
              summary: `${userNames.get(email)} joined ${group.name}${role === "LEAD" ? " as a lead" : ""}`,
            })),
          });
        }
      }

      const subGroup = (name: string) => {
        const found = subGroups.get(name);
        if (!found) throw new Error(`Demo data names an unknown sub-group: ${name}`);
        return found;
      };
      for (const request of DEMO_JOIN_REQUESTS) {
        const group = subGroup(request.subGroup);
        await tx.joinRequest.create({
          data: { subGroupId: group.id, userId: userId(request.requester), message: request.message },
        });
        const leads = await tx.subGroupMembership.findMany({
          where: { subGroupId: group.id, role: "LEAD" },
          select: { userId: true },
        });
        await tx.notification.createMany({
          data: leads.map((lead) => ({
            userId: lead.userId,
            partnershipId: group.partnershipId,
            kind: "JOIN_REQUEST" as const,
            title: `${userNames.get(request.requester)} asked to join ${request.subGroup}`,
            body: request.message,
            linkPath: `/p/${group.slug}/groups/${group.id}/requests`,
          })),
        });
      }
      for (const demoThread of DEMO_THREADS) {
        const group = subGroup(demoThread.subGroup);
        const thread = await tx.thread.create({
          data: {
            subGroupId: group.id,
            authorId: userId(demoThread.author),
            title: demoThread.title,
            body: demoThread.body,
            replies: {
              create: demoThread.replies.map((reply) => ({ authorId: userId(reply.author), body: reply.body })),
            },
          },
        });
        await tx.activity.create({
          data: {
            partnershipId: group.partnershipId,
            subGroupId: group.id,
            actorId: userId(demoThread.author),
            kind: "THREAD_STARTED",
            summary: `${userNames.get(demoThread.author)} started "${demoThread.title}"`,
            linkPath: `/p/${group.slug}/groups/${group.id}/discussions/${thread.id}`,
          },
        });
      }
      for (const note of DEMO_NOTES) {
        const group = subGroup(note.subGroup);
        await tx.subGroupNote.create({
          data: {
            subGroupId: group.id,
            authorId: userId(note.author),
            title: note.title,
            body: note.body,
            pinnedAt: new Date(),
          },
        });
      }

      // The fund and its 11 awards: every movement goes through the ledger, whose trigger
      // keeps the balances, exactly as the application does it.
      const fundPartnershipId = partnershipIds.get(DEMO_FUND.partnership)!;
      const officerId = userId(DEMO_FUND.officer);
      const fund = await tx.fund.create({
        data: {
          partnershipId: fundPartnershipId,
          name: DEMO_FUND.name,
          source: DEMO_FUND.source,
          financialYear: DEMO_FUND.financialYear,
          funderOrganisationId: organisationIds.get(DEMO_FUND.funder)!,
          totalPence: DEMO_FUND.totalPence,
          createdById: officerId,
        },
      });
      const round = await tx.fundingRound.create({
        data: { fundId: fund.id, ...DEMO_FUND.round, status: "DECIDED" },
      });
      const areaIds = new Map(
        (await tx.priorityArea.findMany({ where: { partnershipId: fundPartnershipId }, select: { id: true, title: true } })).map(
          (area) => [area.title, area.id],
        ),
      );
      const organisationNames = new Map(DEMO_ORGANISATIONS.map((organisation) => [organisation.key, organisation.name]));
      for (const [index, demoAward] of DEMO_FUND.awards.entries()) {
        const half = Math.floor(demoAward.pence / 2);
        const recipientName = organisationNames.get(demoAward.recipient)!;
        const award = await tx.award.create({
          data: {
            fundId: fund.id,
            roundId: round.id,
            priorityAreaId: areaIds.get(demoAward.area)!,
            projectName: demoAward.project,
            recipientName,
            recipientOrganisationId: organisationIds.get(demoAward.recipient)!,
            publishedAt: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO),
            conditions: "Quarterly progress updates; an end-of-test evaluation.",
            createdById: officerId,
            tranches: {
              create: [
                {
                  sequence: 1,
                  amountPence: half,
                  dueOn: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO),
                  paidAt: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 2),
                  paidOn: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 2),
                  reference: `BACS-${seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 2).getUTCFullYear()}-${101 + index}`,
                },
                {
                  sequence: 2,
                  amountPence: demoAward.pence - half,
                  // Six months on: the ones paid were paid three days after they fell due.
                  dueOn: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 182),
                  ...(demoAward.secondPaid && {
                    paidAt: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 185),
                    paidOn: seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 185),
                    reference: `BACS-${seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO + 185).getUTCFullYear()}-${201 + index}`,
                  }),
                },
              ],
            },
          },
          include: { tranches: true },
        });
        const movements = [
          { kind: "COMMIT" as const, committedDelta: demoAward.pence, paidDelta: 0, reason: `Award to ${recipientName} for "${demoAward.project}"` },
          { kind: "PAY" as const, committedDelta: 0, paidDelta: half, reason: "Payment 1" },
          ...(demoAward.secondPaid ? [{ kind: "PAY" as const, committedDelta: 0, paidDelta: demoAward.pence - half, reason: "Payment 2" }] : []),
        ];
        for (const [step, movement] of movements.entries()) {
          // Each movement dated when it happened: the award when published, a payment when paid.
          const at = movement.kind === "PAY" ? award.tranches[step - 1]!.paidAt! : award.publishedAt!;
          await tx.ledgerEntry.create({
            data: {
              fundId: fund.id,
              awardId: award.id,
              trancheId: movement.kind === "PAY" ? award.tranches[step - 1]!.id : null,
              ...movement,
              actorId: officerId,
              idempotencyKey: `demo-seed-${award.id}-${step}`,
              createdAt: at,
            },
          });
          await tx.auditEvent.create({
            data: {
              partnershipId: fundPartnershipId,
              actorId: officerId,
              action: movement.kind === "COMMIT" ? "award.granted" : "award.pay",
              subjectType: "Award",
              subjectId: award.id,
              summary: movement.kind === "COMMIT" ? `Awarded "${demoAward.project}" to ${recipientName}` : `${movement.reason} to ${recipientName}`,
              amountPence: movement.committedDelta || movement.paidDelta,
              createdAt: at,
            },
          });
        }
      }

      await seedDemoProjects(tx, {
        partnershipId: fundPartnershipId,
        fundId: fund.id,
        officerId,
        userId,
        now: new Date(),
      });

      await seedDemoProposals(tx, {
        partnershipId: fundPartnershipId,
        userId,
        userName: (email) => userNames.get(email)!,
        organisationId: (key) => organisationIds.get(key)!,
        subGroupId: (name) => subGroup(name).id,
        now: new Date(),
      });

      await seedDemoEvents(tx, { partnershipIds, userId, now: new Date() });
      await seedDemoStories(tx, { partnershipIds, userId, now: new Date() });
      await seedDemoReflections(tx, { partnershipIds, userId, now: new Date() });
      await seedDemoLibrary(tx, { partnershipIds, userId, now: new Date() });
      await seedDemoDocuments(tx, { partnershipIds, userId, now: new Date() });

      await tx.installationFact.create({ data: { key: DEMO_SEED_FACT, value: new Date().toISOString() } });
      return "seeded";
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
