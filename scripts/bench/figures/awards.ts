/**
 * Grant awards from one fund, many at once, in-process on the seeded database: Tandem's
 * `awardGrant` (Prisma, the app's pool size) beside a reference that writes the same rows in
 * raw SQL with pg (the award and its tranche, the idempotency key and the audit entry in
 * one statement, then the ledger entry, whose trigger takes the fund's row lock, then the
 * commit). Each side awards from a fund of its own; afterwards every bench fund's balances
 * must still equal its ledger, and each award's its own, or the run fails.
 */
import { createHash, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDatabaseClient, type Database } from "../../../server/db/client";
import { awardGrant } from "../../../server/domain/funding/awards";
import { createFund } from "../../../server/domain/funding/funds";
import { summarise, type LoadRun } from "../http-load";
import type { Figure, FigureContext, FigureRow } from "./types";

const POOL_SIZE = 10; // Tandem's default DATABASE_POOL_SIZE, on both sides
const AMOUNT = 5_000;
const actor = { userId: "bench-user-1", name: "Bench Officer", email: "person-1@bench.example", organisationId: null };

type Award = (fundId: string) => Promise<void>;

async function timed(award: Award, fundId: string, requests: number, concurrency: number): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        sent += 1;
        const t0 = performance.now();
        await award(fundId);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
}

function tandemAward(db: Database, partnershipId: string): Award {
  return async (fundId) => {
    await awardGrant(db, actor, partnershipId, {
      fundId,
      projectName: "Bench project",
      recipientName: "Bench charity",
      amountPence: AMOUNT,
      tranches: [{ amountPence: AMOUNT, dueOn: new Date() }],
      idempotencyKey: randomUUID(),
    });
  };
}

function referenceAward(pool: pg.Pool, partnershipId: string): Award {
  return async (fundId) => {
    const client = await pool.connect();
    const awardId = `ref-award-${randomUUID()}`;
    const key = randomUUID();
    try {
      await client.query("BEGIN");
      await client.query(
        `WITH award AS (
           INSERT INTO "Award" ("id", "fundId", "projectName", "recipientName", "createdById", "updatedAt")
           VALUES ($1, $2, 'Bench project', 'Bench charity', $3, now()) RETURNING "id"
         ), tranche AS (
           INSERT INTO "Tranche" ("id", "awardId", "sequence", "amountPence", "dueOn") SELECT $4, "id", 1, $5, now() FROM award
         ), claim AS (
           INSERT INTO "IdempotencyKey" ("id", "partnershipId", "operation", "key", "requestHash", "awardId")
           SELECT $6, $7, 'funding.awardGrant', $8, $9, "id" FROM award
         )
         INSERT INTO "AuditEvent" ("id", "partnershipId", "actorId", "action", "subjectType", "subjectId", "summary", "amountPence")
         SELECT $10, $7, $3, 'award.granted', 'Award', "id", 'Awarded £50.00 to Bench charity for "Bench project"', $5 FROM award`,
        [awardId, fundId, actor.userId, `ref-tranche-${randomUUID()}`, AMOUNT, `ref-key-${randomUUID()}`, partnershipId, key,
          createHash("sha256").update(key).digest("hex"), `ref-audit-${randomUUID()}`],
      );
      await client.query(
        `INSERT INTO "LedgerEntry" ("id", "fundId", "awardId", "kind", "committedDelta", "paidDelta", "reason", "actorId", "idempotencyKey")
         VALUES ($1, $2, $3, 'COMMIT', $4, 0, 'Award to Bench charity for "Bench project"', $5, $6)`,
        [`ref-ledger-${randomUUID()}`, fundId, awardId, AMOUNT, actor.userId, key],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };
}

/** Every fund's and every award's balances equal their ledger (and no fund is overspent). */
async function checkLedger(pool: pg.Pool) {
  const { rows } = await pool.query<{ funds: string; awards: string }>(
    `SELECT
       (SELECT count(*) FROM "Fund" f
        LEFT JOIN (SELECT "fundId", sum("committedDelta") AS c, sum("paidDelta") AS p FROM "LedgerEntry" GROUP BY "fundId") l ON l."fundId" = f."id"
        WHERE (f."committedPence", f."paidPence") IS DISTINCT FROM (coalesce(l.c, 0), coalesce(l.p, 0)) OR f."committedPence" > f."totalPence") AS funds,
       (SELECT count(*) FROM "Award" a
        LEFT JOIN (SELECT "awardId", sum("committedDelta") AS c, sum("paidDelta") AS p FROM "LedgerEntry" GROUP BY "awardId") l ON l."awardId" = a."id"
        WHERE (a."awardedPence", a."paidPence") IS DISTINCT FROM (coalesce(l.c, 0), coalesce(l.p, 0))) AS awards`,
  );
  const { funds, awards } = rows[0]!;
  if (Number(funds) > 0) throw new Error(`awards: ${funds} funds' balances no longer equal their ledger`);
  return Number(awards);
}

export const awardsFigure: Figure = {
  name: "awards",
  async run(context: FigureContext) {
    const db = createDatabaseClient(context.databaseUrl, { poolSize: POOL_SIZE });
    const pool = new pg.Pool({ connectionString: context.databaseUrl, max: POOL_SIZE });
    const partnershipId = "bench-partnership";
    const requests = Math.max(50, Math.round(context.requests / 2));
    const rows: FigureRow[] = [];
    try {
      for (const concurrency of context.concurrencies) {
        const fundFor = async (side: string) =>
          (await createFund(db, actor, partnershipId, { name: `Bench awards ${side} ${concurrency} ${randomUUID().slice(0, 6)}`, source: "Bench", financialYear: "2026/27", totalPence: 900_000_000 })).id;
        const sides = { tandem: { award: tandemAward(db, partnershipId), fund: await fundFor("Tandem"), runs: [] as LoadRun[] }, reference: { award: referenceAward(pool, partnershipId), fund: await fundFor("reference"), runs: [] as LoadRun[] } };
        await timed(sides.tandem.award, sides.tandem.fund, Math.max(10, concurrency * 2), concurrency);
        await timed(sides.reference.award, sides.reference.fund, Math.max(10, concurrency * 2), concurrency);
        for (let round = 0; round < context.rounds; round++) {
          for (const side of round % 2 === 0 ? (["tandem", "reference"] as const) : (["reference", "tandem"] as const)) {
            sides[side].runs.push(await timed(sides[side].award, sides[side].fund, requests, concurrency));
          }
        }
        const row: FigureRow = { request: "grant award (£50, one fund)", concurrency, tandem: summarise(sides.tandem.runs), reference: summarise(sides.reference.runs), referenceName: "raw SQL" };
        context.log(`awards at ${concurrency}: Tandem ${row.tandem.perSecond.toFixed(0)}/s, raw SQL ${row.reference!.perSecond.toFixed(0)}/s`);
        rows.push(row);
      }
      const wrongAwards = await checkLedger(pool);
      if (wrongAwards > 0) throw new Error(`awards: ${wrongAwards} awards' balances no longer equal their ledger`);
      context.log("awards: every fund's and award's balances still equal the ledger");
      return rows;
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  },
};
