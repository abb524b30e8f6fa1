/**
 * Seeds one large partnership straight in SQL (INSERT … SELECT over generate_series, no
 * row-by-row client work), so the comparative benchmark can build its data set in seconds:
 *
 *   BENCH_PROJECTS (default 10,000) funded projects, each a year of monthly reporting
 *   (12 periods: 120,000 at the default), about 100,000 progress updates with full
 *   narratives (accepted once a month past due, the newest waiting, some returned and
 *   resubmitted, drafts for the current month), 5,000 people in the partnership and an
 *   officer with a live session.
 *
 * The rows are ones the app itself accepts: money goes through the ledger (its trigger
 * keeps fund and award balances), periods follow lib/projects/schedule.ts (the 1st of a
 * month to the end of it, due 14 days later), submitted updates carry RAG, progress and
 * their review, and a period's accepted update is an accepted update of that period.
 * Deterministic: the same count always gives the same rows (only "now" moves).
 *
 *   node --import tsx scripts/bench/seed-large.ts <database url>   # an empty, migrated database
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const BENCH_PARTNERSHIP_SLUG = "bench-large";
const PEOPLE = 5_000;
const FUNDS = 20;
const NARRATIVE = "The team met carers at six pharmacies this month and booked short breaks. ".repeat(20);

export type LargeWorld = {
  partnershipSlug: string;
  officerId: string;
  sessionToken: string;
  counts: { projects: number; periods: number; updates: number; people: number };
};

/** The triggers that keep the dashboards' tallies (prisma/migrations/20261206090000_portfolio_tallies). */
const TALLY_TRIGGERS = [
  ["ProjectReportSummary", "ProjectReportSummary_tally"],
  ["ProjectReportSummary", "ProjectReportSummary_tally_change"],
  ["ReportingPeriod", "ReportingPeriod_tally"],
  ["ReportingPeriod", "ReportingPeriod_tally_change"],
  ["FundedProject", "FundedProject_move_tally"],
] as const;

/** The statements, in order; each runs in its own transaction so the ledger trigger's updates of a fund row never pile up. */
function statements(projects: number): string[] {
  const now = `(now() AT TIME ZONE 'UTC')`;
  const today = `(now() AT TIME ZONE 'UTC')::date`;
  return [
    // The dashboards' tallies would be kept row by row through every insert below: their
    // triggers are off for the load, and the tallies are counted once at the end.
    ...TALLY_TRIGGERS.map(([table, trigger]) => `ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`),
    `INSERT INTO "Partnership" ("id", "slug", "name", "kind", "area", "updatedAt")
     VALUES ('bench-partnership', '${BENCH_PARTNERSHIP_SLUG}', 'Bench Health and Care Partnership', 'STRATEGIC_PLANNING_GROUP', 'Benchshire', ${now})`,
    // Person 1 is the officer; the rest are members, one in five leading projects.
    `INSERT INTO "User" ("id", "email", "name", "updatedAt")
     SELECT 'bench-user-' || i, 'person-' || i || '@bench.example', CASE WHEN i = 1 THEN 'Bench Officer' ELSE 'Person ' || i END, ${now}
     FROM generate_series(1, ${PEOPLE}) AS i`,
    `INSERT INTO "Membership" ("id", "partnershipId", "userId", "role", "updatedAt")
     SELECT 'bench-membership-' || i, 'bench-partnership', 'bench-user-' || i,
            (CASE WHEN i = 1 THEN 'OFFICER' ELSE 'MEMBER' END)::"MembershipRole", ${now}
     FROM generate_series(1, ${PEOPLE}) AS i`,
    `INSERT INTO "PriorityArea" ("id", "partnershipId", "title", "description", "outcomesSought", "position", "updatedAt")
     SELECT 'bench-area-' || i, 'bench-partnership', (ARRAY['Unpaid carers', 'Mental health', 'Falls', 'Loneliness', 'Hospital discharge'])[i],
            'What the partnership wants to change.', 'Fewer crises, more support at home.', i - 1, ${now}
     FROM generate_series(1, 5) AS i`,
    `INSERT INTO "SubGroup" ("id", "partnershipId", "priorityAreaId", "name", "purpose", "updatedAt")
     SELECT 'bench-subgroup-' || i, 'bench-partnership', 'bench-area-' || i,
            (ARRAY['Unpaid carers', 'Mental health', 'Falls', 'Loneliness', 'Hospital discharge'])[i] || ' group', 'Testing ideas.', ${now}
     FROM generate_series(1, 5) AS i`,
    `INSERT INTO "Fund" ("id", "partnershipId", "name", "source", "financialYear", "totalPence", "createdById", "updatedAt")
     SELECT 'bench-fund-' || f, 'bench-partnership', 'Better Care Fund pot ' || f, 'Better Care Fund', '2026/27', 2000000000, 'bench-user-1', ${now}
     FROM generate_series(1, ${FUNDS}) AS f`,
    `INSERT INTO "Award" ("id", "fundId", "priorityAreaId", "projectName", "recipientName", "createdById", "updatedAt")
     SELECT 'bench-award-' || i, 'bench-fund-' || (1 + i % ${FUNDS}), 'bench-area-' || (1 + i % 5), 'Test project ' || i, 'Bench charity', 'bench-user-1', ${now}
     FROM generate_series(1, ${projects}) AS i`,
    // Money through the ledger, one fund at a time: a commitment per award, half of them half paid.
    ...Array.from({ length: FUNDS }, (_, index) => {
      const fund = index + 1;
      return `INSERT INTO "LedgerEntry" ("id", "fundId", "awardId", "kind", "committedDelta", "paidDelta", "reason", "actorId", "idempotencyKey")
       SELECT 'bench-ledger-' || e.kind || '-' || i, 'bench-fund-${fund}', 'bench-award-' || i, e.kind::"LedgerKind",
              CASE WHEN e.kind = 'COMMIT' THEN (1 + i % 5) * 20000 ELSE 0 END,
              CASE WHEN e.kind = 'PAY' THEN (1 + i % 5) * 10000 ELSE 0 END,
              CASE WHEN e.kind = 'COMMIT' THEN 'Awarded' ELSE 'First tranche' END, 'bench-user-1', 'bench-' || e.kind || '-' || i
       FROM generate_series(1, ${projects}) AS i
       CROSS JOIN (VALUES ('COMMIT', 1), ('PAY', 2)) AS e(kind, position)
       WHERE 1 + i % ${FUNDS} = ${fund} AND (e.kind = 'COMMIT' OR i % 2 = 0)
       ORDER BY i, e.position`;
    }),
    // Started on the 1st of one of the last 24 months (newer projects started later), a year each.
    `INSERT INTO "FundedProject" ("id", "partnershipId", "awardId", "subGroupId", "name", "summary", "startsOn", "endsOn",
                                  "reportingFrequency", "status", "measures", "budgetLines", "createdById", "createdAt", "updatedAt")
     SELECT 'bench-project-' || i, 'bench-partnership', 'bench-award-' || i, 'bench-subgroup-' || (1 + i % 5), 'Test project ' || i,
            'Short breaks for unpaid carers, booked through community pharmacies.', s.starts, (s.starts + interval '12 months' - interval '1 day')::date,
            'MONTHLY', (CASE WHEN (s.starts + interval '12 months' - interval '1 day')::date < ${today} THEN 'EVALUATING' ELSE 'ACTIVE' END)::"ProjectStatus",
            '[{"id":"m1","name":"People supported","unit":"people","kind":"NUMBER","baseline":0,"target":100}]'::jsonb,
            jsonb_build_array(jsonb_build_object('id', 'line-1', 'item', 'Short breaks', 'organisationId', null, 'awardedPence', (1 + i % 5) * 20000)),
            'bench-user-1', ${now} - make_interval(mins => ${projects} - i), ${now}
     FROM generate_series(1, ${projects}) AS i
     CROSS JOIN LATERAL (SELECT (date_trunc('month', ${today}) - make_interval(months => 23 - ((i - 1) * 24 / ${projects})))::date AS starts) AS s`,
    `INSERT INTO "ProjectTeamMember" ("projectId", "userId", "role")
     SELECT 'bench-project-' || i, 'bench-user-' || (2 + (i - 1) % ${PEOPLE / 5 - 1}), 'LEAD' FROM generate_series(1, ${projects}) AS i`,
    `INSERT INTO "ReportingPeriod" ("id", "projectId", "sequence", "startsOn", "endsOn", "dueOn")
     SELECT 'bench-period-' || i || '-' || k, p."id", k, (p."startsOn" + make_interval(months => k - 1))::date,
            (p."startsOn" + make_interval(months => k) - interval '1 day')::date,
            (p."startsOn" + make_interval(months => k) - interval '1 day' + interval '14 days')::date
     FROM generate_series(1, ${projects}) AS i
     JOIN "FundedProject" p ON p."id" = 'bench-project-' || i
     CROSS JOIN generate_series(1, 12) AS k`,
    // Row by row, the trigger that keeps each project's report summary would cost more than
    // the inserts themselves: it is off for them, and the summaries are built once after.
    `ALTER TABLE "ProgressUpdate" DISABLE TRIGGER "ProgressUpdate_keep_summary"`,
    // Nine in ten reports that fell due are in (submitted a few days either side of the due
    // day): accepted when a month past due, otherwise waiting. A quarter were first returned.
    `INSERT INTO "ProgressUpdate" ("id", "projectId", "periodId", "authorId", "status", "rag", "percentComplete", "narrative",
                                   "measureValues", "risks", "learning", "submittedAt", "late", "reviewedById", "reviewedAt", "reviewNote",
                                   "createdAt", "updatedAt")
     SELECT 'bench-update-' || r."id" || '-' || v.version, r."projectId", r."id", t."userId",
            (CASE WHEN v.version = 1 AND h % 4 = 0 THEN 'RETURNED' WHEN r."dueOn" < ${today} - 30 THEN 'ACCEPTED' ELSE 'SUBMITTED' END)::"ProgressUpdateStatus",
            (ARRAY['GREEN', 'GREEN', 'AMBER', 'RED'])[1 + h % 4]::"RagStatus", LEAST(100, r."sequence" * 8), '${NARRATIVE}',
            jsonb_build_array(jsonb_build_object('measureId', 'm1', 'value', h % 120)),
            'Staff turnover at two pharmacies.', 'Carers prefer evening sessions.',
            s.at, s.at >= r."dueOn" + 1,
            CASE WHEN v.version = 1 AND h % 4 = 0 OR r."dueOn" < ${today} - 30 THEN 'bench-user-1' END,
            CASE WHEN v.version = 1 AND h % 4 = 0 OR r."dueOn" < ${today} - 30 THEN s.at + interval '2 days' END,
            CASE WHEN v.version = 1 AND h % 4 = 0 THEN 'Please add the spend so far.' END,
            s.at, s.at
     FROM "ReportingPeriod" r
     JOIN "ProjectTeamMember" t ON t."projectId" = r."projectId" AND t."role" = 'LEAD'
     CROSS JOIN LATERAL (SELECT (hashtext(r."id") & 2147483647) AS h) AS hashed
     CROSS JOIN LATERAL (SELECT generate_series(CASE WHEN h % 4 = 0 THEN 1 ELSE 2 END, 2) AS version) AS v
     CROSS JOIN LATERAL (SELECT (r."dueOn" - 6 + h % 9 - (2 - v.version) * 5)::timestamp + make_interval(mins => 540 + h % 480) AS at) AS s
     WHERE r."dueOn" + 3 <= ${today} AND h % 10 <> 0 AND r."projectId" LIKE 'bench-project-%'`,
    // Drafts for the month under way on running projects.
    `INSERT INTO "ProgressUpdate" ("id", "projectId", "periodId", "authorId", "status", "narrative", "createdAt", "updatedAt")
     SELECT 'bench-draft-' || r."id", r."projectId", r."id", t."userId", 'DRAFT', 'Notes so far: ' || '${NARRATIVE.slice(0, 400)}', ${now}, ${now}
     FROM "ReportingPeriod" r
     JOIN "ProjectTeamMember" t ON t."projectId" = r."projectId" AND t."role" = 'LEAD'
     WHERE r."startsOn" <= ${today} AND r."endsOn" >= ${today} AND (hashtext(r."id") & 2147483647) % 2 = 0`,
    `UPDATE "ReportingPeriod" r SET "acceptedUpdateId" = u."id"
     FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" = 'ACCEPTED'`,
    // What the trigger would have written (as the migration that added it backfilled).
    `INSERT INTO "ProjectReportSummary" ("projectId", "latestUpdateId", "latestRag", "latestMeasureValues", "latestSubmittedAt")
     SELECT DISTINCT ON (u."projectId") u."projectId", u."id", u."rag", u."measureValues", u."submittedAt"
     FROM "ProgressUpdate" u WHERE u."status" IN ('SUBMITTED', 'ACCEPTED')
     ORDER BY u."projectId", u."submittedAt" DESC, u."id" DESC
     ON CONFLICT ("projectId") DO UPDATE SET "latestUpdateId" = excluded."latestUpdateId", "latestRag" = excluded."latestRag",
       "latestMeasureValues" = excluded."latestMeasureValues", "latestSubmittedAt" = excluded."latestSubmittedAt"`,
    // Each project's measures counted against its latest update, as the update trigger would have.
    `SELECT count("project_summary_recount"(p."id")) FROM "FundedProject" p`,
    `UPDATE "ReportingPeriod" r SET "reported" = true
     WHERE EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = r."id" AND u."status" IN ('SUBMITTED', 'ACCEPTED'))`,
    `ALTER TABLE "ProgressUpdate" ENABLE TRIGGER "ProgressUpdate_keep_summary"`,
    `SELECT "portfolio_tallies_rebuild"()`,
    ...TALLY_TRIGGERS.map(([table, trigger]) => `ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`),
    `ANALYZE`,
  ];
}

/** Seeds the large partnership into an empty, migrated database and opens a session for its officer. */
export async function seedLarge(url: string, projects: number, log: (message: string) => void = () => {}): Promise<LargeWorld> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    for (const sql of statements(projects)) await client.query(sql);
    // The ledger trigger kept every balance: check it, as funding's own fundBalances does.
    const { rows } = await client.query<{ funds: string }>(
      `SELECT count(*) AS funds FROM "Fund" f
       LEFT JOIN (SELECT "fundId", sum("committedDelta") AS committed, sum("paidDelta") AS paid FROM "LedgerEntry" GROUP BY "fundId") l ON l."fundId" = f."id"
       WHERE (f."committedPence", f."paidPence") IS DISTINCT FROM (coalesce(l.committed, 0), coalesce(l.paid, 0))`,
    );
    if (Number(rows[0]!.funds) > 0) throw new Error(`${rows[0]!.funds} seeded funds have balances that differ from their ledger`);
    log(`seeded ${projects.toLocaleString("en-GB")} projects in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return await openOfficerSession(client);
  } finally {
    await client.end();
  }
}

/** The partnership already seeded in this database (or null), with a fresh officer session. */
export async function existingLargeWorld(url: string): Promise<LargeWorld | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM "Partnership" WHERE "slug" = $1`, [BENCH_PARTNERSHIP_SLUG]);
    return rowCount ? await openOfficerSession(client) : null;
  } finally {
    await client.end();
  }
}

/** A session row as server/auth/session.ts createSession makes one: the cookie value is its token. */
async function openOfficerSession(client: pg.Client): Promise<LargeWorld> {
  const sessionToken = randomBytes(32).toString("hex");
  await client.query(
    `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "lastUsedAt")
     VALUES ($1, $2, 'bench-user-1', (now() AT TIME ZONE 'UTC') + interval '1 day', (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'))`,
    [`bench-session-${sessionToken.slice(0, 16)}`, sessionToken],
  );
  const { rows } = await client.query<{ projects: string; periods: string; updates: string; people: string }>(
    `SELECT (SELECT count(*) FROM "FundedProject" WHERE "partnershipId" = 'bench-partnership') AS projects,
            (SELECT count(*) FROM "ReportingPeriod") AS periods,
            (SELECT count(*) FROM "ProgressUpdate") AS updates,
            (SELECT count(*) FROM "Membership" WHERE "partnershipId" = 'bench-partnership') AS people`,
  );
  const counts = rows[0]!;
  return {
    partnershipSlug: BENCH_PARTNERSHIP_SLUG,
    officerId: "bench-user-1",
    sessionToken,
    counts: { projects: Number(counts.projects), periods: Number(counts.periods), updates: Number(counts.updates), people: Number(counts.people) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("Give the database URL: node --import tsx scripts/bench/seed-large.ts postgresql://…");
    process.exit(1);
  }
  seedLarge(url, Number(process.env.BENCH_PROJECTS ?? 10_000), console.log)
    .then((world) => console.log(world.counts))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
