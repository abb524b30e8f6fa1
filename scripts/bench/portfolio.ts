/**
 * Measures the dashboards against a large portfolio: seeds one partnership with N funded
 * projects (monthly reporting periods, progress updates with full narratives, evaluations
 * and decisions, money paid and committed) and times, through the API with its policy,
 * portfolio.overview, project.list (first page and a deep cursor page) and
 * portfolio.myWork. Prints figures; asserts nothing.
 *
 *   node --import tsx scripts/bench/portfolio.ts                   # embedded PostgreSQL
 *   DATABASE_URL=... node --import tsx scripts/bench/portfolio.ts  # an existing server (creates and drops a database)
 *   BENCH_PROJECTS=10000 BENCH_RUNS=50 ...                         # more projects, more timed calls
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createCaller } from "../../server/api/root";
import type { Actor } from "../../server/auth/session";
import type { Database } from "../../server/db/client";
import type { ProjectOutcome, ProjectStatus, RagStatus } from "../../server/db/generated/enums";
import { addMonths, reportingPeriods } from "../../lib/projects/schedule";
import { withScratchDatabase } from "./scratch-database";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PROJECTS_PER_LEAD = 5;
const CHUNK = 1000;

const DAY = 24 * 3600 * 1000;
const RAGS: RagStatus[] = ["GREEN", "GREEN", "AMBER", "RED"];
const OUTCOMES: ProjectOutcome[] = ["SCALE_UP", "SUSTAIN", "ADAPT", "STOP"];
const NARRATIVE = "The team met carers at six pharmacies this month and booked short breaks. ".repeat(20);

/** A deterministic sequence, so every run seeds the same portfolio. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

const actorOf = (user: { id: string; email: string; name: string | null }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  organisationId: null,
});

async function seed(db: Database) {
  const next = random(42);
  const now = new Date();
  const partnership = await db.partnership.create({
    data: { slug: `bench-${randomUUID().slice(0, 8)}`, name: "Bench partnership", kind: "STRATEGIC_PLANNING_GROUP" },
  });
  const officer = await db.user.create({ data: { email: `officer-${randomUUID()}@bench.example`, name: "Bench Officer" } });
  const leadCount = Math.max(1, Math.ceil(PROJECTS / PROJECTS_PER_LEAD));
  const leads = Array.from({ length: leadCount }, (_, index) => ({
    id: randomUUID(),
    email: `lead-${index}-${randomUUID()}@bench.example`,
    name: `Lead ${index + 1}`,
  }));
  await inChunks(leads, (chunk) => db.user.createMany({ data: chunk }));
  await db.membership.createMany({
    data: [
      { partnershipId: partnership.id, userId: officer.id, role: "OFFICER" as const },
      ...leads.map((lead) => ({ partnershipId: partnership.id, userId: lead.id, role: "MEMBER" as const })),
    ],
  });
  const areas = await Promise.all(
    ["Unpaid carers", "Mental health", "Falls", "Loneliness", "Hospital discharge"].map((title, position) =>
      db.priorityArea.create({ data: { partnershipId: partnership.id, title, description: "d", outcomesSought: "o", position } }),
    ),
  );
  const subGroups = await Promise.all(
    areas.map((area) => db.subGroup.create({ data: { partnershipId: partnership.id, priorityAreaId: area.id, name: area.title, purpose: "p" } })),
  );
  const fund = await db.fund.create({
    data: { partnershipId: partnership.id, name: "Bench fund", source: "Bench", financialYear: "2021/22", totalPence: 2_000_000_000, createdById: officer.id },
  });

  const projects = Array.from({ length: PROJECTS }, (_, index) => {
    const area = index % areas.length;
    const amountPence = (1 + Math.floor(next() * 5)) * 20_000;
    // Started up to 18 months ago; a year's test each.
    const startsOn = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - Math.floor(next() * 18), 1));
    const endsOn = new Date(addMonths(startsOn, 12).getTime() - DAY);
    const ended = endsOn < now;
    const status: ProjectStatus = ended ? (next() < 0.6 ? "DECIDED" : "EVALUATING") : "ACTIVE";
    return {
      id: randomUUID(),
      awardId: randomUUID(),
      name: `Test project ${index + 1}`,
      areaId: areas[area]!.id,
      subGroupId: subGroups[area]!.id,
      leadId: leads[index % leadCount]!.id,
      amountPence,
      paidPence: next() < 0.5 ? amountPence / 2 : 0,
      startsOn,
      endsOn,
      status,
    };
  });

  await inChunks(projects, (chunk) =>
    db.award.createMany({
      data: chunk.map((project) => ({
        id: project.awardId,
        fundId: fund.id,
        priorityAreaId: project.areaId,
        projectName: project.name,
        recipientName: "Bench charity",
        createdById: officer.id,
      })),
    }),
  );
  const ledger = projects.flatMap((project) => [
    { fundId: fund.id, awardId: project.awardId, kind: "COMMIT" as const, committedDelta: project.amountPence, reason: "Awarded", actorId: officer.id, idempotencyKey: randomUUID() },
    ...(project.paidPence > 0
      ? [{ fundId: fund.id, awardId: project.awardId, kind: "PAY" as const, paidDelta: project.paidPence, reason: "Paid", actorId: officer.id, idempotencyKey: randomUUID() }]
      : []),
  ]);
  await inChunks(ledger, (chunk) => db.ledgerEntry.createMany({ data: chunk }));

  await inChunks(projects, (chunk) =>
    db.fundedProject.createMany({
      data: chunk.map((project) => ({
        id: project.id,
        partnershipId: partnership.id,
        awardId: project.awardId,
        subGroupId: project.subGroupId,
        name: project.name,
        startsOn: project.startsOn,
        endsOn: project.endsOn,
        reportingFrequency: "MONTHLY" as const,
        status: project.status,
        measures: [
          { id: "m1", name: "People supported", unit: "people", kind: "NUMBER", baseline: 0, target: 100 },
          { id: "m2", name: "Days waiting", unit: "days", kind: "NUMBER", baseline: 30, target: 10 },
        ],
        createdById: officer.id,
      })),
    }),
  );
  await inChunks(projects, (chunk) =>
    db.projectTeamMember.createMany({ data: chunk.map((project) => ({ projectId: project.id, userId: project.leadId, role: "LEAD" as const })) }),
  );

  const periods = projects.flatMap((project) =>
    reportingPeriods(project.startsOn, project.endsOn, "MONTHLY").map((period) => ({ id: randomUUID(), projectId: project.id, ...period })),
  );
  await inChunks(periods, (chunk) => db.reportingPeriod.createMany({ data: chunk }));

  // Most reports that have fallen due are in: the older ones accepted, the newest waiting.
  const leadOf = new Map(projects.map((project) => [project.id, project.leadId]));
  const updates = periods.flatMap((period) => {
    if (period.dueOn.getTime() > now.getTime() || next() < 0.15) return [];
    const submittedAt = new Date(period.dueOn.getTime() - Math.floor(next() * 10 - 3) * DAY);
    const accepted = now.getTime() - period.dueOn.getTime() > 30 * DAY;
    const authorId = leadOf.get(period.projectId)!;
    return [
      {
        id: randomUUID(),
        projectId: period.projectId,
        periodId: period.id,
        authorId,
        status: accepted ? ("ACCEPTED" as const) : ("SUBMITTED" as const),
        rag: RAGS[Math.floor(next() * RAGS.length)]!,
        percentComplete: Math.min(100, period.sequence * 8),
        narrative: NARRATIVE,
        measureValues: [
          { measureId: "m1", value: Math.floor(next() * 120) },
          { measureId: "m2", value: Math.floor(next() * 30) },
        ],
        risks: "Staff turnover at two pharmacies.",
        learning: "Carers prefer evening sessions.",
        submittedAt,
        late: submittedAt.getTime() >= period.dueOn.getTime() + DAY,
        reviewedById: accepted ? officer.id : null,
        reviewedAt: accepted ? new Date(submittedAt.getTime() + 3 * DAY) : null,
      },
    ];
  });
  await inChunks(updates, (chunk) => db.progressUpdate.createMany({ data: chunk }));
  await db.$executeRaw`
    UPDATE "ReportingPeriod" r SET "acceptedUpdateId" = u."id"
    FROM "ProgressUpdate" u
    WHERE u."periodId" = r."id" AND u."status" = 'ACCEPTED' AND u."projectId" IN (SELECT "id" FROM "FundedProject" WHERE "partnershipId" = ${partnership.id})`;

  const evaluated = projects.filter((project) => project.status !== "ACTIVE");
  await inChunks(evaluated, (chunk) =>
    db.projectEvaluation.createMany({
      data: chunk.map((project) => ({
        projectId: project.id,
        authorId: project.leadId,
        measureResults: [
          { measureId: "m1", value: Math.floor(next() * 120) },
          { measureId: "m2", value: Math.floor(next() * 30) },
        ],
        costPence: project.amountPence,
        whatWorked: NARRATIVE,
        whatDidNot: NARRATIVE,
        recommendation: OUTCOMES[Math.floor(next() * OUTCOMES.length)]!,
      })),
    }),
  );
  const decided = projects.filter((project) => project.status === "DECIDED");
  await inChunks(decided, (chunk) =>
    db.projectDecision.createMany({
      data: chunk.map((project) => ({
        projectId: project.id,
        outcome: OUTCOMES[Math.floor(next() * OUTCOMES.length)]!,
        reasons: "Decided at the steering group.",
        decidedById: officer.id,
      })),
    }),
  );

  // Every lead is writing their next proposal.
  const proposals = leads.map((lead) => ({
    id: randomUUID(),
    partnershipId: partnership.id,
    subGroupId: subGroups[Math.floor(next() * subGroups.length)]!.id,
    title: `Next test by ${lead.name}`,
    createdById: lead.id,
  }));
  await inChunks(proposals, (chunk) => db.proposal.createMany({ data: chunk }));
  await inChunks(proposals, (chunk) =>
    db.proposalAuthor.createMany({ data: chunk.map((proposal) => ({ proposalId: proposal.id, userId: proposal.createdById, role: "LEAD" as const })) }),
  );

  return { partnership, officer: actorOf(officer), lead: actorOf(leads[0]!), periodCount: periods.length, updateCount: updates.length };
}

async function time(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm up
  const latencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(1);
  console.log(`${name.padEnd(36)} median ${pct(50).padStart(7)} ms   p95 ${pct(95).padStart(7)} ms`);
}

async function main() {
  await withScratchDatabase(async (db) => {
    const seedStarted = performance.now();
    const world = await seed(db);
    await db.$executeRawUnsafe("ANALYZE");
    console.log(
      `Tandem portfolio benchmark: ${PROJECTS.toLocaleString("en-GB")} projects, ${world.periodCount.toLocaleString("en-GB")} reporting periods, ` +
        `${world.updateCount.toLocaleString("en-GB")} progress updates (seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s); ` +
        `${RUNS} timed calls each, Node ${process.version}, ${os.cpus().length} cores\n`,
    );
    const officer = createCaller({ db, actor: world.officer });
    const lead = createCaller({ db, actor: world.lead });
    const partnershipSlug = world.partnership.slug;

    // The cursor of a page near the end: the id just before the last 10% of projects, newest first.
    const ordered = await db.fundedProject.findMany({
      where: { partnershipId: world.partnership.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const deepCursor = ordered[Math.floor(ordered.length * 0.9)]!.id;

    const overview = await officer.portfolio.overview({ partnershipSlug });
    console.log(
      `(overview: ${overview.projects.total} projects, ${overview.overdue.projectCount} with overdue updates, ` +
        `${overview.decisions.total} decided, ${overview.outcomes.onTrackCount} of ${overview.outcomes.targetCount} measures at target)\n`,
    );
    await time("portfolio.overview (officer)", () => officer.portfolio.overview({ partnershipSlug }));
    await time("project.list first page (25)", () => officer.project.list({ partnershipSlug, limit: 25 }));
    await time("project.list deep cursor page (25)", () => officer.project.list({ partnershipSlug, limit: 25, cursor: deepCursor }));
    await time("portfolio.myWork (officer)", () => officer.portfolio.myWork({ partnershipSlug }));
    await time("portfolio.myWork (lead of 5 projects)", () => lead.portfolio.myWork({ partnershipSlug }));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
