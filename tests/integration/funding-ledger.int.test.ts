import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import {
  awardGrant,
  completeAward,
  payTranche,
  returnUnderspend,
  varyAward,
  withdrawAward,
  type AwardGrantInput,
} from "@/server/domain/funding/awards";
import { addRingFence, createFund, fundBalances } from "@/server/domain/funding/funds";
import { requestFingerprint } from "@/server/domain/funding/idempotency";
import { changeRoundStatus, createRound } from "@/server/domain/funding/rounds";
import { AppError } from "@/server/errors";
import { countingDatabase } from "./support/counting-database";
import { withTestDatabase } from "./support/database";
import { createOrganisationIn, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

async function setup(db: Database, totalPence: number) {
  const partnership = await createPartnership(db);
  const { actor } = await createPerson(db);
  const fund = await createFund(db, actor, partnership.id, {
    name: "Non-recurring partnership fund 2020/21",
    source: "HSCP",
    financialYear: "2020/21",
    totalPence,
  });
  return { partnershipId: partnership.id, actor, fund };
}

function grant(fundId: string, amountPence: number, overrides: Partial<AwardGrantInput> = {}): AwardGrantInput {
  return {
    fundId,
    projectName: "Carers short breaks test",
    recipientName: "Renfrewshire Carers Centre",
    amountPence,
    tranches: [{ amountPence, dueOn: new Date("2021-04-01") }],
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function expectBalancesMatchLedger(db: Database, fundId: string) {
  const balances = await fundBalances(db, fundId);
  const awards = await db.award.aggregate({ where: { fundId }, _sum: { awardedPence: true, paidPence: true } });
  expect(balances.committedPence).toBe(balances.ledgerCommittedPence);
  expect(balances.paidPence).toBe(balances.ledgerPaidPence);
  expect(balances.committedPence).toBe(awards._sum.awardedPence ?? 0);
  expect(balances.paidPence).toBe(awards._sum.paidPence ?? 0);
  return balances;
}

const isBusy = (reason: unknown) => reason instanceof AppError && reason.code === "TOO_MANY_REQUESTS";

/**
 * Sends every request at once. On a loaded machine some may wait longer for the fund's lock
 * than Tandem lets a request wait; those are told "busy, nothing changed, try again". Like
 * a person would, they try again (the same request, so the same idempotency key), one
 * after another. Returns how each request finally ended.
 */
async function burstWithRetries<T>(requests: AwardGrantInput[], send: (request: AwardGrantInput) => Promise<T>) {
  const results: PromiseSettledResult<T>[] = await Promise.allSettled(requests.map(send));
  for (const [index, result] of results.entries()) {
    if (result.status === "rejected" && isBusy(result.reason)) {
      results[index] = await send(requests[index]!).then(
        (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
        (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
      );
    }
  }
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return { fulfilled, rejected };
}

describe("awarding under concurrency", () => {
  it("never commits more than the fund holds: 200 concurrent awards of random sizes against £10,000", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const amounts = Array.from({ length: 200 }, (_, i) => 1_000 + ((i * 7919) % 25_000)); // £10 to £260, varied

    const { fulfilled, rejected } = await burstWithRetries(
      amounts.map((amount) => grant(fund.id, amount)),
      (request) => awardGrant(db, actor, partnershipId, request),
    );

    for (const failure of rejected) {
      expect(failure.reason).toBeInstanceOf(AppError);
      expect((failure.reason as AppError).code).toBe("CONFLICT");
      expect((failure.reason as AppError).userMessage).toMatch(/^Not enough money left in Non-recurring partnership fund 2020\/21/);
    }
    const balances = await expectBalancesMatchLedger(db, fund.id);
    const awarded = fulfilled.reduce((sum, r) => sum + r.value.awardedPence, 0);
    expect(balances.committedPence).toBe(awarded);
    expect(balances.committedPence).toBeLessThanOrEqual(1_000_000);
    expect(rejected.length).toBeGreaterThan(0); // the amounts add up to far more than the fund
    expect(await db.award.count({ where: { fundId: fund.id } })).toBe(fulfilled.length);
  });

  it("lets exactly 200 of 400 concurrent £50 awards through a £10,000 fund", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const { fulfilled, rejected } = await burstWithRetries(
      Array.from({ length: 400 }, () => grant(fund.id, 5_000)),
      (request) => awardGrant(db, actor, partnershipId, request),
    );
    expect(fulfilled).toHaveLength(200);
    expect(rejected).toHaveLength(200);
    expect(rejected.every((r) => r.reason instanceof AppError && r.reason.code === "CONFLICT")).toBe(true);
    const balances = await expectBalancesMatchLedger(db, fund.id);
    expect(balances.committedPence).toBe(1_000_000);
    expect(balances.availablePence).toBe(0);
  });

  it("creates exactly one award when the same request is sent 50 times at once", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const request = grant(fund.id, 250_000);
    const { fulfilled, rejected } = await burstWithRetries(Array.from({ length: 50 }, () => request), (same) =>
      awardGrant(db, actor, partnershipId, same),
    );
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((r) => r.value.id)).size).toBe(1);
    expect(await db.award.count({ where: { fundId: fund.id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { fundId: fund.id } })).toBe(1);
    expect((await expectBalancesMatchLedger(db, fund.id)).committedPence).toBe(250_000);
  });
});

describe("granting an award", () => {
  it("writes the award, its tranches, the key's claim, the audit entry and the ledger entry, and returns them as written", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const carers = await db.priorityArea.create({
      data: { partnershipId, title: "Carers", description: "d", outcomesSought: "o", position: 0 },
    });
    await addRingFence(db, actor, partnershipId, { fundId: fund.id, priorityAreaId: carers.id, limitPence: 500_000 });
    const centre = await createOrganisationIn(db, partnershipId, { name: "Renfrewshire Carers Centre" });
    const request = grant(fund.id, 300_000, {
      priorityAreaId: carers.id,
      recipientOrganisationId: centre.id,
      conditions: "Report quarterly",
      published: true,
      tranches: [
        { amountPence: 200_000, dueOn: new Date("2021-04-01T00:00:00Z") },
        { amountPence: 100_000, dueOn: new Date("2021-10-01T12:30:00.250Z") },
      ],
    });
    const started = new Date();
    const award = await awardGrant(db, actor, partnershipId, request);

    const stored = await db.award.findUniqueOrThrow({ where: { id: award.id }, include: { tranches: { orderBy: { sequence: "asc" } } } });
    // The ledger trigger has since moved the balances and the award's updatedAt; everything else is as returned.
    const { updatedAt: _returnedUpdatedAt, ...returned } = award;
    const { updatedAt: _storedUpdatedAt, ...kept } = stored;
    expect(returned).toEqual(kept);
    expect(award).toMatchObject({
      fundId: fund.id,
      roundId: null,
      priorityAreaId: carers.id,
      projectName: "Carers short breaks test",
      proposalId: null,
      recipientName: "Renfrewshire Carers Centre",
      recipientOrganisationId: centre.id,
      conditions: "Report quarterly",
      awardedPence: 300_000,
      paidPence: 0,
      status: "ACTIVE",
      createdById: actor.userId,
    });
    expect(award.publishedAt).toBeInstanceOf(Date);
    expect(award.createdAt.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1);
    expect(award.updatedAt).toEqual(award.createdAt);
    expect(award.tranches).toEqual([
      { id: expect.any(String), awardId: award.id, sequence: 1, amountPence: 200_000, dueOn: new Date("2021-04-01T00:00:00Z"), paidAt: null, paidOn: null, reference: null, requiresPeriodId: null },
      { id: expect.any(String), awardId: award.id, sequence: 2, amountPence: 100_000, dueOn: new Date("2021-10-01T12:30:00.250Z"), paidAt: null, paidOn: null, reference: null, requiresPeriodId: null },
    ]);

    const claims = await db.idempotencyKey.findMany({ where: { awardId: award.id } });
    expect(claims).toEqual([
      {
        id: expect.any(String),
        partnershipId,
        operation: "funding.awardGrant",
        key: request.idempotencyKey,
        requestHash: requestFingerprint(request),
        awardId: award.id,
        createdAt: award.createdAt,
      },
    ]);
    const audits = await db.auditEvent.findMany({ where: { subjectId: award.id } });
    expect(audits).toEqual([
      {
        id: expect.any(String),
        partnershipId,
        actorId: actor.userId,
        action: "award.granted",
        subjectType: "Award",
        subjectId: award.id,
        summary: 'Awarded £3,000.00 to Renfrewshire Carers Centre for "Carers short breaks test" from Non-recurring partnership fund 2020/21',
        amountPence: 300_000,
        createdAt: award.createdAt,
      },
    ]);
    const ledger = await db.ledgerEntry.findMany({ where: { awardId: award.id } });
    expect(ledger).toEqual([
      {
        id: expect.any(String),
        fundId: fund.id,
        awardId: award.id,
        trancheId: null,
        kind: "COMMIT",
        committedDelta: 300_000,
        paidDelta: 0,
        reason: 'Award to Renfrewshire Carers Centre for "Carers short breaks test"',
        actorId: actor.userId,
        idempotencyKey: request.idempotencyKey,
        createdAt: expect.any(Date),
      },
    ]);
    expect(ledger[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(award.createdAt.getTime());
    // Ids are distinct, and read like the ids Prisma makes (25 lower-case letters and digits).
    const ids = [award.id, ...award.tranches.map((t) => t.id), claims[0]!.id, audits[0]!.id, ledger[0]!.id];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{25}$/);

    const balances = await expectBalancesMatchLedger(db, fund.id);
    expect(balances.ringFences).toEqual([{ priorityAreaId: carers.id, limitPence: 500_000, committedPence: 300_000, availablePence: 200_000 }]);
    expect(await db.fund.findUniqueOrThrow({ where: { id: fund.id }, select: { unfencedCommittedPence: true } })).toEqual({ unfencedCommittedPence: 0 });
  });

  it("reads once before any money moves, then writes in one statement, with no transaction around it", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const counted = countingDatabase(database.url);
    try {
      const request = grant(fund.id, 10_000);
      await awardGrant(counted.db, actor, partnershipId, request);
      const firstWords = (statements: readonly { sql: string }[]) => statements.map((statement) => /^\s*(\w+)/.exec(statement.sql)?.[1]);
      expect(firstWords(counted.statements)).toEqual(["SELECT", "WITH"]);
      expect(counted.statements[1]!.sql).toMatch(/"ledger" AS \(\s*INSERT INTO "LedgerEntry"/);

      // A retry is answered from the first request: the same read, then the award it made.
      counted.reset();
      await awardGrant(counted.db, actor, partnershipId, request);
      expect(counted.statements.length).toBeLessThanOrEqual(3);
      expect(counted.statements.some((statement) => /INSERT|COMMIT/.test(statement.sql))).toBe(false);
    } finally {
      await counted.db.$disconnect();
    }
  });

  it("holds no lock on the fund while a retry waits for the first request, then answers the retry from it", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const first = await awardGrant(db, actor, partnershipId, grant(fund.id, 10_000));
    const retried = grant(fund.id, 20_000);
    // The first request with this key, still under way: its claim is written but not committed.
    const inFlight = new pg.Client({ connectionString: database.url });
    await inFlight.connect();
    try {
      await inFlight.query("BEGIN");
      await inFlight.query(
        `INSERT INTO "IdempotencyKey" ("id", "partnershipId", "operation", "key", "requestHash", "awardId") VALUES ($1, $2, 'funding.awardGrant', $3, $4, $5)`,
        [randomUUID(), partnershipId, retried.idempotencyKey, requestFingerprint(retried), first.id],
      );
      const retry = awardGrant(db, actor, partnershipId, retried);
      await expect.poll(async () => {
        const waiting = await db.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS "count" FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "query" LIKE '%"IdempotencyKey"%'`;
        return waiting[0]!.count;
      }, { timeout: 10_000 }).toBe(1);

      // Another award from the same fund goes through meanwhile.
      const other = await awardGrant(db, actor, partnershipId, grant(fund.id, 30_000));
      expect(other.awardedPence).toBe(30_000);

      await inFlight.query("COMMIT");
      await expect(retry).resolves.toMatchObject({ id: first.id });
    } finally {
      await inFlight.end();
    }
    expect(await db.award.count({ where: { fundId: fund.id } })).toBe(2);
    expect((await expectBalancesMatchLedger(db, fund.id)).committedPence).toBe(40_000);
  });

  it("refuses what it cannot find or the round does not allow, with the same messages, and writes nothing", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const other = await setup(db, 1_000_000);
    const carers = await db.priorityArea.create({ data: { partnershipId, title: "Carers", description: "d", outcomesSought: "o", position: 0 } });
    const youth = await db.priorityArea.create({ data: { partnershipId, title: "Youth", description: "d", outcomesSought: "o", position: 1 } });
    const elsewhere = await createOrganisationIn(db, other.partnershipId);
    const round = await createRound(db, actor, partnershipId, {
      fundId: fund.id,
      title: "Carers round",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Impact", weight: 100 }],
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      minAwardPence: 10_000,
      maxAwardPence: 50_000,
      priorityAreaIds: [carers.id],
    });
    await changeRoundStatus(db, actor, partnershipId, { roundId: round.id, status: "OPEN" });
    const otherRound = await createRound(db, other.actor, other.partnershipId, {
      fundId: other.fund.id,
      title: "Their round",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Impact", weight: 100 }],
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      minAwardPence: 10_000,
      maxAwardPence: 50_000,
      priorityAreaIds: [],
    });
    const refused = (overrides: Partial<AwardGrantInput>, amountPence = 20_000) =>
      awardGrant(db, actor, partnershipId, grant(fund.id, amountPence, overrides)).then(
        () => null,
        (error: unknown) => {
          if (!(error instanceof AppError)) throw error;
          return [error.code, error.userMessage];
        },
      );
    const unseen = (what: string) => ["NOT_FOUND", `${what} could not be found, or you do not have access to it.`];

    expect(await refused({ fundId: other.fund.id })).toEqual(unseen("That fund"));
    expect(await refused({ fundId: "no-such-fund" })).toEqual(unseen("That fund"));
    expect(await refused({ priorityAreaId: "no-such-area" })).toEqual(unseen("That priority area"));
    expect(await refused({ recipientOrganisationId: elsewhere.id })).toEqual(unseen("That organisation"));
    expect(await refused({ roundId: otherRound.id })).toEqual(unseen("That funding round"));
    expect(await refused({ roundId: round.id, priorityAreaId: carers.id }, 60_000)).toEqual([
      "BAD_REQUEST",
      "That amount is outside this round's award range.",
    ]);
    expect(await refused({ roundId: round.id, priorityAreaId: youth.id })).toEqual(["BAD_REQUEST", "This round does not fund that priority area."]);
    expect(await refused({ roundId: round.id })).toEqual(["BAD_REQUEST", "This round does not fund that priority area."]);
    expect(await refused({}, 0)).toEqual(["BAD_REQUEST", "An award must be more than £0."]);
    expect(await db.award.count({ where: { fundId: fund.id } })).toBe(0);
    expect(await db.idempotencyKey.count({ where: { partnershipId } })).toBe(0);

    // What the round does allow goes through.
    const award = await awardGrant(db, actor, partnershipId, grant(fund.id, 20_000, { roundId: round.id, priorityAreaId: carers.id }));
    expect(award).toMatchObject({ roundId: round.id, priorityAreaId: carers.id, awardedPence: 20_000 });
  });
});

describe("the database guards the money itself", () => {
  it("refuses a direct SQL movement that would overspend, and any change to the ledger", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 100_000);
    const award = await awardGrant(db, actor, partnershipId, grant(fund.id, 80_000));

    await expect(
      db.$executeRaw`INSERT INTO "LedgerEntry" ("id", "fundId", "awardId", "kind", "committedDelta", "reason", "actorId", "idempotencyKey")
                     VALUES (${randomUUID()}, ${fund.id}, ${award.id}, 'VARY', 30000, 'sneaky', ${actor.userId}, ${randomUUID()})`,
    ).rejects.toThrow(/Fund_committed_within_total/);
    await expect(db.$executeRaw`UPDATE "Fund" SET "totalPence" = 50000 WHERE "id" = ${fund.id}`).rejects.toThrow(
      /Fund_committed_within_total/,
    );
    await expect(db.$executeRaw`UPDATE "Fund" SET "committedPence" = 0 WHERE "id" = ${fund.id}`).rejects.toThrow(
      /change only through ledger entries/,
    );
    await expect(db.$executeRaw`UPDATE "LedgerEntry" SET "reason" = 'edited' WHERE "fundId" = ${fund.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "LedgerEntry" WHERE "fundId" = ${fund.id}`).rejects.toThrow(/append-only/);
    expect((await expectBalancesMatchLedger(db, fund.id)).committedPence).toBe(80_000);
  });

  it("keeps ring-fenced money for its priority area", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 100_000);
    const carers = await db.priorityArea.create({
      data: { partnershipId, title: "Carers", description: "d", outcomesSought: "o", position: 0 },
    });
    await addRingFence(db, actor, partnershipId, { fundId: fund.id, priorityAreaId: carers.id, limitPence: 40_000 });

    await expect(awardGrant(db, actor, partnershipId, grant(fund.id, 60_001))).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("outside its ring-fences: £600.00 is available"),
    });
    await awardGrant(db, actor, partnershipId, grant(fund.id, 60_000));
    await expect(
      awardGrant(db, actor, partnershipId, grant(fund.id, 40_001, { priorityAreaId: carers.id })),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("ring-fence") });
    await awardGrant(db, actor, partnershipId, grant(fund.id, 40_000, { priorityAreaId: carers.id }));
    const balances = await expectBalancesMatchLedger(db, fund.id);
    expect(balances.availablePence).toBe(0);
    expect(balances.ringFences).toEqual([
      { priorityAreaId: carers.id, limitPence: 40_000, committedPence: 40_000, availablePence: 0 },
    ]);
  });
});

describe("paying, varying, returning and withdrawing", () => {
  it("follows an award from commitment to completion, with every movement in the ledger", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 1_000_000);
    const award = await awardGrant(
      db,
      actor,
      partnershipId,
      grant(fund.id, 600_000, {
        tranches: [
          { amountPence: 400_000, dueOn: new Date("2021-04-01") },
          { amountPence: 200_000, dueOn: new Date("2021-10-01") },
        ],
      }),
    );
    const [first, second] = award.tranches.sort((a, b) => a.sequence - b.sequence);

    await payTranche(db, actor, partnershipId, {
      awardId: award.id,
      trancheId: first!.id,
      paidOn: new Date("2021-04-02"),
      reference: "BACS-001",
      reason: "",
      idempotencyKey: randomUUID(),
    });
    await expect(
      payTranche(db, actor, partnershipId, {
        awardId: award.id,
        trancheId: first!.id,
        paidOn: new Date("2021-04-03"),
        reference: "BACS-002",
        reason: "",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: "Payment 1 has already been paid." });

    await expect(
      varyAward(db, actor, partnershipId, { awardId: award.id, newAmountPence: 300_000, reason: "smaller", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await varyAward(db, actor, partnershipId, { awardId: award.id, newAmountPence: 650_000, reason: "extra venue hire", idempotencyKey: randomUUID() });
    await returnUnderspend(db, actor, partnershipId, { awardId: award.id, amountPence: 25_000, reason: "venue cheaper", idempotencyKey: randomUUID() });
    await completeAward(db, actor, partnershipId, { awardId: award.id, reason: "test finished", idempotencyKey: randomUUID() });

    const done = await db.award.findUniqueOrThrow({ where: { id: award.id } });
    expect(done).toMatchObject({ status: "COMPLETED", awardedPence: 375_000, paidPence: 375_000 });
    expect(second!.paidAt).toBeNull();
    const balances = await expectBalancesMatchLedger(db, fund.id);
    expect(balances).toMatchObject({ committedPence: 375_000, paidPence: 375_000, availablePence: 625_000 });
    const kinds = (await db.ledgerEntry.findMany({ where: { awardId: award.id }, orderBy: { createdAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["COMMIT", "PAY", "VARY", "RETURN", "RELEASE"]);
    expect(await db.auditEvent.count({ where: { partnershipId, subjectId: award.id } })).toBe(5);
  });

  it("refuses bad amounts with clear messages and writes nothing", async () => {
    const { db } = database;
    const { actor, fund, partnershipId } = await setup(db, 100_000);
    const before = await db.ledgerEntry.count({ where: { fundId: fund.id } });
    await expect(awardGrant(db, actor, partnershipId, grant(fund.id, -5))).rejects.toThrow("cannot be negative");
    await expect(awardGrant(db, actor, partnershipId, grant(fund.id, 10.5))).rejects.toThrow("whole number of pence");
    await expect(
      awardGrant(db, actor, partnershipId, { ...grant(fund.id, 10_000), tranches: [{ amountPence: 9_000, dueOn: new Date() }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { tranches: [expect.stringContaining("add up to £90.00")] } });
    const withdrawn = await awardGrant(db, actor, partnershipId, grant(fund.id, 10_000));
    await withdrawAward(db, actor, partnershipId, { awardId: withdrawn.id, reason: "project could not start", idempotencyKey: randomUUID() });
    await expect(
      varyAward(db, actor, partnershipId, { awardId: withdrawn.id, newAmountPence: 5_000, reason: "x", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: "This award was withdrawn and cannot be varied." });
    expect(await db.ledgerEntry.count({ where: { fundId: fund.id } })).toBe(before + 2);
    expect((await expectBalancesMatchLedger(db, fund.id)).committedPence).toBe(0);
  });
});
