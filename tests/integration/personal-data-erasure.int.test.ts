import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { resolveActorById } from "./support/erasure-helpers";
import type { Database } from "@/server/db/client";
import { carryOutErasure, erasedEmail, FORMER_MEMBER, REMOVED_TEXT, requestErasure } from "@/server/domain/personal-data/erasure";
import { parseEnv } from "@/server/env";
import { runNextJob } from "@/server/jobs/runner";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember, createPerson } from "./support/factories";

const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org", TANDEM_ERASURE_GRACE_DAYS: "14" });
const DAY = 24 * 3600_000;

/** Every text, text-array and JSON cell in the database that mentions `needle` (case-insensitive), as "Table.column". */
async function cellsMentioning(db: Database, needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table: string; column: string; kind: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "kind"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const hits: string[] = [];
  for (const { table, column, kind } of columns) {
    const cell = kind === "ARRAY" ? `array_to_string("${column}", ' ')` : `"${column}"::text`;
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE strpos(lower(${cell}), lower($1)) > 0`, needle);
    if (row && row.n > 0n) hits.push(`${table}.${column} (${row.n})`);
  }
  return hits;
}

async function ledgerEqualsBalances(db: Database) {
  const funds = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Fund" f LEFT JOIN "LedgerEntry" l ON l."fundId" = f."id"
    GROUP BY f."id" HAVING f."committedPence" <> coalesce(sum(l."committedDelta"), 0) OR f."paidPence" <> coalesce(sum(l."paidDelta"), 0)`;
  const awards = await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Award" a LEFT JOIN "LedgerEntry" l ON l."awardId" = a."id"
    GROUP BY a."id" HAVING a."paidPence" <> coalesce(sum(l."paidDelta"), 0)`;
  return { fundsOff: funds.length, awardsOff: awards.length };
}

/** The demo person with the most of their own records who leads nothing that needs a new lead. */
async function richestErasable(db: Database) {
  const people = await db.user.findMany({
    where: { memberships: { some: {} } },
    select: {
      id: true,
      email: true,
      name: true,
      _count: { select: { replies: true, threads: true, proposalAuthorships: true, eventRsvps: true, stories: true, storyComments: true, assessments: true, surveyResponses: true, progressUpdates: true, projectTeams: true } },
    },
  });
  const ranked = people
    .map((person) => ({ ...person, total: Object.values(person._count).reduce((sum, n) => sum + n, 0) }))
    .sort((a, b) => b.total - a.total);
  for (const person of ranked) {
    const leads = await db.subGroupMembership.count({ where: { userId: person.id, role: "LEAD" } });
    const projectLeads = await db.projectTeamMember.count({ where: { userId: person.id, role: "LEAD", project: { status: { not: "DECIDED" } } } });
    const proposalLeads = await db.proposalAuthor.count({ where: { userId: person.id, role: "LEAD", proposal: { status: { in: ["DRAFT", "SUBMITTED"] } } } });
    const officer = await db.membership.count({ where: { userId: person.id, role: "OFFICER" } });
    if (leads + projectLeads + proposalLeads + officer === 0) return person;
  }
  throw new Error("no demo person can be erased without a hand-over");
}

describe("closing an account and erasing a person's data", () => {
  let person: Awaited<ReturnType<typeof richestErasable>>;
  let officerIds: string[];
  beforeAll(async () => {
    await seedDemoData(database.db);
    person = await richestErasable(database.db);
    const memberships = await database.db.membership.findMany({ where: { userId: person.id }, select: { partnershipId: true } });
    officerIds = (
      await database.db.membership.findMany({ where: { partnershipId: { in: memberships.map((m) => m.partnershipId) }, role: "OFFICER" }, select: { userId: true } })
    ).map((m) => m.userId);
  }, 120_000);

  it("shows officers how much of each kind of personal data their partnership holds, and nobody else", async () => {
    const { db } = database;
    const partnership = await db.partnership.findFirstOrThrow({ where: { slug: "renfrewshire-spg" } });
    const officer = await db.membership.findFirstOrThrow({ where: { partnershipId: partnership.id, role: "OFFICER" } });
    const member = await db.membership.findFirstOrThrow({ where: { partnershipId: partnership.id, role: "MEMBER" } });
    const rows = await callerFor(db, await resolveActorById(db, officer.userId)).membership.personalData({ partnershipSlug: partnership.slug });
    const count = (key: string) => rows.find((row) => row.key === key)?.count;
    expect(count("members")).toBe(await db.membership.count({ where: { partnershipId: partnership.id } }));
    expect(count("events")).toBe(await db.eventRsvp.count({ where: { event: { partnershipId: partnership.id } } }));
    expect(count("audit")).toBe(await db.auditEvent.count({ where: { partnershipId: partnership.id } }));
    expect(count("namedAnswers")! + count("anonymousAnswers")!).toBe(await db.surveyResponse.count({ where: { survey: { partnershipId: partnership.id } } }));
    expect(count("members")).toBeGreaterThan(5);
    await expectFailure(callerFor(db, await resolveActorById(db, member.userId)).membership.personalData({ partnershipSlug: partnership.slug }), "FORBIDDEN");
  });

  it("is refused, naming what to hand over, for someone who leads a running project", async () => {
    const { db } = database;
    const leads = await db.$queryRaw<{ userId: string; name: string }[]>`
      SELECT t."userId", p."name" FROM "ProjectTeamMember" t JOIN "FundedProject" p ON p."id" = t."projectId"
      WHERE t."role" = 'LEAD' AND p."status" <> 'DECIDED'
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = t."userId" AND m."role" = 'OFFICER')
      ORDER BY p."name" LIMIT 1`;
    const lead = leads[0]!;
    const actor = await resolveActorById(db, lead.userId);
    await expectFailure(
      callerFor(db, actor).me.requestAccountClosure({ confirm: true }),
      "CONFLICT",
      /^Before your account can be closed, (.* )?hand the lead of “.+” to someone else \(on the project.s page\)\. Nothing was changed\.$/,
    );
    expect(await db.erasureRequest.count({ where: { userId: lead.userId } })).toBe(0);
    expect(await db.projectTeamMember.count({ where: { userId: lead.userId, role: "LEAD" } })).toBeGreaterThan(0);
  });

  it("waits for the grace period, tells the officers, and can be withdrawn", async () => {
    const { db } = database;
    const someone = await db.user.findUniqueOrThrow({ where: { email: "morag.campbell@resident.example" } });
    const actor = await resolveActorById(db, someone.id);
    const caller = callerFor(db, actor);
    const [first, second] = await Promise.all([caller.me.requestAccountClosure({ confirm: true }), caller.me.requestAccountClosure({ confirm: true })]);
    expect(first.id).toBe(second.id);
    expect(first.effectiveAt.getTime() - first.requestedAt.getTime()).toBe(14 * DAY);
    expect(await db.erasureRequest.count({ where: { userId: someone.id } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "MEMBER_LEAVING", title: { startsWith: `${someone.name} has asked to close` } } })).toBeGreaterThan(0);
    // Not due yet: the job waits.
    expect(await runNextJob({ db, env, clock: () => new Date(), kinds: undefined })).toBeNull();

    await caller.me.withdrawAccountClosure({});
    expect(await caller.me.accountClosure()).toBeNull();
    const outcome = await carryOutErasure(db, first.id, new Date(Date.now() + 15 * DAY));
    expect(outcome).toEqual({ erased: false, reason: "The request was withdrawn." });
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).email).toBe("morag.campbell@resident.example");
    await expectFailure(caller.me.withdrawAccountClosure({}), "CONFLICT", /nothing to withdraw/);
  });

  it("anonymises the person everywhere, keeps what the partnership must keep, and every page still loads", async () => {
    const { db } = database;
    const actor = await resolveActorById(db, person.id);
    const fullName = person.name!;
    expect(fullName).toContain(" ");
    // Their name and email also sit in other people's words: an officer's ledger reason and an audit summary.
    const entry = await db.ledgerEntry.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    await db.$transaction(async (tx) => {
      // Ledger reasons are history: only an erasure may rewrite them, so the fixture borrows its switch.
      await tx.$executeRaw`SELECT set_config('tandem.erasure', 'on', true)`;
      await tx.$executeRaw`UPDATE "LedgerEntry" SET "reason" = ${`${entry.reason} (agreed with ${fullName}, ${person.email})`} WHERE "id" = ${entry.id}`;
    });
    await expect(db.$executeRaw`UPDATE "LedgerEntry" SET "reason" = 'rewritten' WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await db.calendarFeed.create({ data: { userId: person.id, tokenHash: "a".repeat(64) } });
    await callerFor(db, actor).me.requestDataExport({});
    await db.session.create({ data: { userId: person.id, sessionToken: `erase-${person.id}`, expires: new Date(Date.now() + DAY) } });

    const before = {
      proposals: await db.proposalAuthor.findMany({ where: { userId: person.id }, select: { proposalId: true } }),
      assessments: await db.assessment.count({ where: { assessorId: person.id } }),
      updates: await db.progressUpdate.count({ where: { authorId: person.id } }),
      ledger: await db.ledgerEntry.count(),
      audit: await db.auditEvent.count(),
    };
    expect(await cellsMentioning(db, person.email)).not.toEqual([]);

    const request = (await callerFor(db, actor).me.requestAccountClosure({ confirm: true }));
    const later = new Date(request.effectiveAt.getTime() + 60_000);
    let ran;
    while ((ran = await runNextJob({ db, env, clock: () => later })) && (ran.job.payload as { requestId?: string }).requestId !== request.id);
    expect(ran?.job.kind).toBe("people.erasure");
    expect(ran?.outcome).toBe("succeeded");
    const jobResult = (await db.backgroundJob.findUniqueOrThrow({ where: { id: ran!.job.id } })).result;
    expect(jobResult, JSON.stringify(jobResult)).toMatchObject({ erased: true });

    // Nothing anywhere names them.
    expect(await cellsMentioning(db, person.email)).toEqual([]);
    expect(await cellsMentioning(db, fullName)).toEqual([]);

    const erased = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(erased).toMatchObject({ name: FORMER_MEMBER, email: erasedEmail(person.id), bio: null, phone: null, jobTitle: null, listedInDirectory: false });
    expect(erased.erasedAt).not.toBeNull();
    for (const count of [
      db.session.count({ where: { userId: person.id } }),
      db.account.count({ where: { userId: person.id } }),
      db.calendarFeed.count({ where: { userId: person.id } }),
      db.personalDataExport.count({ where: { userId: person.id } }),
      db.notification.count({ where: { userId: person.id } }),
      db.membership.count({ where: { userId: person.id } }),
      db.subGroupMembership.count({ where: { userId: person.id } }),
    ]) expect(await count).toBe(0);
    expect(await db.reply.count({ where: { authorId: person.id, NOT: { body: REMOVED_TEXT } } })).toBe(0);
    expect(await db.storyComment.count({ where: { authorId: person.id, NOT: { body: REMOVED_TEXT } } })).toBe(0);
    expect(await db.story.count({ where: { authorId: person.id, OR: [{ isPublic: true }, { NOT: { body: REMOVED_TEXT } }] } })).toBe(0);

    // What the partnership keeps stays, and still adds up.
    expect(await db.assessment.count({ where: { assessorId: person.id } })).toBe(before.assessments);
    expect(await db.progressUpdate.count({ where: { authorId: person.id } })).toBe(before.updates);
    expect(await db.ledgerEntry.count()).toBe(before.ledger);
    expect(await db.auditEvent.count()).toBeGreaterThan(before.audit);
    expect(await ledgerEqualsBalances(db)).toEqual({ fundsOff: 0, awardsOff: 0 });
    expect(await db.auditEvent.count({ where: { subjectId: person.id, action: "personal-data.erased" } })).toBeGreaterThan(0);

    // The pages that showed them load, for an officer, with "Former member" in their place.
    const officer = await resolveActorById(db, officerIds[0]!);
    const asOfficer = callerFor(db, officer);
    for (const { proposalId } of before.proposals) {
      const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { id: true, partnershipId: true } });
      if (!officerIds.length) continue;
      const officerHere = await db.membership.findFirst({ where: { partnershipId: proposal.partnershipId, role: "OFFICER" }, select: { userId: true } });
      if (!officerHere) continue;
      const view = await callerFor(db, await resolveActorById(db, officerHere.userId)).proposal.get({ proposalId });
      expect(JSON.stringify(view)).not.toContain(person.email);
      await callerFor(db, await resolveActorById(db, officerHere.userId)).proposal.timeline({ proposalId });
    }
    const slugs = await db.partnership.findMany({ select: { slug: true, memberships: { where: { userId: officer.userId } } } });
    for (const { slug } of slugs.filter((p) => p.memberships.length > 0)) {
      const audit = await asOfficer.funding.auditLog({ partnershipSlug: slug });
      expect(JSON.stringify(audit)).not.toContain(person.email);
      for (const project of (await asOfficer.project.list({ partnershipSlug: slug })).items ?? []) {
        await asOfficer.project.get({ projectId: project.id });
      }
    }
    // Signing in is no longer possible: their old session is gone and their old address is unknown.
    expect(await db.user.findUnique({ where: { email: person.email } })).toBeNull();
  }, 180_000);

  it("can be carried out at once by the data controller for someone who asked by email", async () => {
    const { db } = database;
    const partnership = await db.partnership.findFirstOrThrow({ where: { slug: "renfrewshire-spg" } });
    const someone = await createPerson(db, { name: "Wilma Letterwriter" });
    await addMember(db, partnership.id, someone.user.id);
    const { request, created } = await requestErasure(db, { userId: someone.user.id, requestedById: null }, { TANDEM_ERASURE_GRACE_DAYS: 0 });
    expect(created).toBe(true);
    expect(await carryOutErasure(db, request.id)).toEqual({ erased: true, partnerships: 1 });
    expect(await cellsMentioning(db, "Wilma Letterwriter")).toEqual([]);
    expect(await cellsMentioning(db, someone.user.email)).toEqual([]);
    await expectFailure(requestErasure(db, { userId: someone.user.id, requestedById: null }, env), "CONFLICT", /already been closed/);
  });
});
