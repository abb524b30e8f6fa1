import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { awardGrant, payTranche, varyAward, type AwardGrantInput } from "@/server/domain/funding/awards";
import { createFund, fundBalances } from "@/server/domain/funding/funds";
import { REQUEST_CHANGED_MESSAGE } from "@/server/domain/funding/idempotency";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { createTestDatabase, withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson, unique } from "./support/factories";
import { mutate } from "./support/http";

/**
 * Idempotency keys count within one partnership and one operation, and are bound to what
 * the request asked for: a retry gets the first result, a reused key with different details
 * is refused, and another partnership's key never returns that partnership's award.
 */

const database = withTestDatabase();

const MESSAGE = "This request was already made with different details. Nothing was changed: reload the page and try again.";

/** A partnership with an officer and a £10,000 fund. */
async function partnershipWithFund(db: Database) {
  const partnership = await createPartnership(db);
  const { actor } = await createPerson(db, { name: "Fiona Officer" });
  await addMember(db, partnership.id, actor.userId, "OFFICER");
  const fund = await createFund(db, actor, partnership.id, {
    name: "Test and learn fund",
    source: "HSCP",
    financialYear: "2021/22",
    totalPence: 1_000_000,
  });
  return { partnership, partnershipId: partnership.id, actor, fund, api: callerFor(db, actor) };
}

function grant(fundId: string, amountPence: number, idempotencyKey: string = randomUUID()): AwardGrantInput {
  return {
    fundId,
    projectName: "Carers short breaks test",
    recipientName: "Carers Centre",
    amountPence,
    tranches: [{ amountPence, dueOn: new Date("2021-04-01T00:00:00Z") }],
    idempotencyKey,
  };
}

/** Everything a money request could change for a fund, to compare before and after. */
async function moneyState(db: Database, fundId: string, partnershipId: string) {
  const balances = await fundBalances(db, fundId);
  return {
    committedPence: balances.committedPence,
    paidPence: balances.paidPence,
    ledgerEntries: await db.ledgerEntry.count({ where: { fundId } }),
    awards: await db.award.findMany({ where: { fundId }, orderBy: { id: "asc" }, select: { id: true, awardedPence: true, paidPence: true, status: true } }),
    paidTranches: await db.tranche.count({ where: { award: { fundId }, paidAt: { not: null } } }),
    auditEvents: await db.auditEvent.count({ where: { partnershipId } }),
    keys: await db.idempotencyKey.count({ where: { partnershipId } }),
  };
}

async function refusedWith(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => {
      throw new Error("expected the request to be refused");
    },
    (error: unknown) => error,
  );
}

const isBusy = (reason: unknown) =>
  (reason instanceof AppError && reason.code === "TOO_MANY_REQUESTS") || (reason instanceof TRPCError && reason.code === "TOO_MANY_REQUESTS");

/** Sends every request at once; one told "busy, try again" is sent again, as a person would. */
async function burst<T>(count: number, send: (index: number) => Promise<T>) {
  const results: PromiseSettledResult<T>[] = await Promise.allSettled(Array.from({ length: count }, (_, index) => send(index)));
  for (const [index, result] of results.entries()) {
    if (result.status === "rejected" && isBusy(result.reason)) {
      results[index] = await send(index).then(
        (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
        (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
      );
    }
  }
  return {
    fulfilled: results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value),
    rejected: results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown),
  };
}

describe("the same key and the same request", () => {
  it("replays an award: the first result, tranches in order, nothing new written", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const dueOn = (month: number) => new Date(Date.UTC(2021, month, 1));
    const request = { ...grant(a.fund.id, 250_000), tranches: [100_000, 50_000, 60_000, 40_000].map((amountPence, index) => ({ amountPence, dueOn: dueOn(3 + index) })) };
    const first = await a.api.funding.awardGrant(request);
    const before = await moneyState(db, a.fund.id, a.partnershipId);
    const again = await a.api.funding.awardGrant(request);
    expect(again.id).toBe(first.id);
    // As they were scheduled, the first tranche first, as the first answer gave them.
    expect(again.tranches.map((tranche) => [tranche.sequence, tranche.amountPence])).toEqual([[1, 100_000], [2, 50_000], [3, 60_000], [4, 40_000]]);
    expect(again.tranches.map((tranche) => tranche.id)).toEqual(first.tranches.map((tranche) => tranche.id));
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toEqual(before);
    expect(before).toMatchObject({ committedPence: 250_000, ledgerEntries: 1, keys: 1 });
  });

  it("creates one award when the same request arrives 50 times at once through the API", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const request = grant(a.fund.id, 40_000);
    const { fulfilled, rejected } = await burst(50, () => callerFor(db, a.actor).funding.awardGrant(request));
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((award) => award.id)).size).toBe(1);
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toMatchObject({
      committedPence: 40_000,
      ledgerEntries: 1,
      awards: [expect.objectContaining({ awardedPence: 40_000 })],
      auditEvents: 2, // the fund, then the one award
      keys: 1,
    });
  });

  it("pays a tranche once when the same payment arrives 20 times at once", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const award = await awardGrant(db, a.actor, a.partnershipId, grant(a.fund.id, 100_000));
    const payment = {
      awardId: award.id,
      trancheId: award.tranches[0]!.id,
      paidOn: new Date("2021-04-02T00:00:00Z"),
      reference: "BACS-0001",
      reason: "",
      idempotencyKey: randomUUID(),
    };
    const { fulfilled, rejected } = await burst(20, () => payTranche(db, a.actor, a.partnershipId, payment));
    expect(rejected).toEqual([]);
    expect(fulfilled.every((paid) => paid.id === award.id && paid.paidPence === 100_000)).toBe(true);
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toMatchObject({ paidPence: 100_000, ledgerEntries: 2, paidTranches: 1 });
  });
});

describe("the same key with a different request", () => {
  it("refuses an award with a different amount, and writes nothing", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const request = grant(a.fund.id, 250_000);
    const first = await awardGrant(db, a.actor, a.partnershipId, request);
    const before = await moneyState(db, a.fund.id, a.partnershipId);

    const changed = await refusedWith(awardGrant(db, a.actor, a.partnershipId, grant(a.fund.id, 300_000, request.idempotencyKey)));
    expect(changed).toBeInstanceOf(AppError);
    expect(changed).toMatchObject({ code: "CONFLICT", userMessage: MESSAGE });
    expect(REQUEST_CHANGED_MESSAGE).toBe(MESSAGE);
    // Any other detail counts too: the recipient, the schedule.
    await expect(
      awardGrant(db, a.actor, a.partnershipId, { ...request, recipientName: "Someone else" }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: MESSAGE });
    await expect(
      awardGrant(db, a.actor, a.partnershipId, { ...request, tranches: [{ amountPence: 250_000, dueOn: new Date("2021-05-01T00:00:00Z") }] }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: MESSAGE });

    expect(await moneyState(db, a.fund.id, a.partnershipId)).toEqual(before);
    expect(before.awards).toEqual([expect.objectContaining({ id: first.id, awardedPence: 250_000 })]);
    // A field left out and the same field sent as null are the same request.
    await expect(awardGrant(db, a.actor, a.partnershipId, { ...request, roundId: null, conditions: null })).resolves.toMatchObject({ id: first.id });
  });

  it("refuses a variation, a payment and a return whose key was used for different details", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const award = await awardGrant(db, a.actor, a.partnershipId, {
      ...grant(a.fund.id, 200_000),
      tranches: [
        { amountPence: 100_000, dueOn: new Date("2021-04-01T00:00:00Z") },
        { amountPence: 100_000, dueOn: new Date("2021-10-01T00:00:00Z") },
      ],
    });
    const [first, second] = [...award.tranches].sort((x, y) => x.sequence - y.sequence);
    const vary = { awardId: award.id, newAmountPence: 250_000, reason: "More sessions", idempotencyKey: randomUUID() };
    await varyAward(db, a.actor, a.partnershipId, vary);
    const payment = { awardId: award.id, trancheId: first!.id, paidOn: new Date("2021-04-02T00:00:00Z"), reference: "BACS-1", reason: "", idempotencyKey: randomUUID() };
    await payTranche(db, a.actor, a.partnershipId, payment);
    const before = await moneyState(db, a.fund.id, a.partnershipId);

    await expect(varyAward(db, a.actor, a.partnershipId, { ...vary, newAmountPence: 260_000 })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: MESSAGE,
    });
    await expect(payTranche(db, a.actor, a.partnershipId, { ...payment, trancheId: second!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: MESSAGE,
    });
    // The same requests again are retries: they answer with the award as it is, and change nothing.
    await expect(varyAward(db, a.actor, a.partnershipId, vary)).resolves.toMatchObject({ id: award.id, awardedPence: 250_000 });
    await expect(payTranche(db, a.actor, a.partnershipId, payment)).resolves.toMatchObject({ id: award.id, paidPence: 100_000 });
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toEqual(before);
  });

  it("lets exactly one of 10 requests sharing a key but not an amount through, at the same moment", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const key = randomUUID();
    const { fulfilled, rejected } = await burst(10, (index) => awardGrant(db, a.actor, a.partnershipId, grant(a.fund.id, 10_000 + index, key)));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    expect(rejected.every((reason) => reason instanceof AppError && reason.code === "CONFLICT" && reason.userMessage === MESSAGE)).toBe(true);
    const state = await moneyState(db, a.fund.id, a.partnershipId);
    expect(state).toMatchObject({ committedPence: fulfilled[0]!.awardedPence, ledgerEntries: 1, keys: 1 });
    expect(state.awards).toHaveLength(1);
  });

  it("answers 409 over HTTP with the plain message, and no stack or SQL", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const request = { ...grant(a.fund.id, 120_000), tranches: [{ amountPence: 120_000, dueOn: "2021-04-01T00:00:00.000Z" }] };
    const first = await mutate(db, a.actor, "funding.awardGrant", request);
    expect(first.status).toBe(200);
    const before = await moneyState(db, a.fund.id, a.partnershipId);

    const retry = await mutate(db, a.actor, "funding.awardGrant", request);
    expect(retry.status).toBe(200);

    const changed = await mutate(db, a.actor, "funding.awardGrant", {
      ...request,
      amountPence: 130_000,
      tranches: [{ amountPence: 130_000, dueOn: "2021-04-01T00:00:00.000Z" }],
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error?.json.message).toBe(MESSAGE);
    expect(changed.body.error?.json.data.code).toBe("CONFLICT");
    const text = JSON.stringify(changed.body);
    expect(text).not.toMatch(/stack|at \w+ \(|\.ts:\d+|INSERT|SELECT|IdempotencyKey|prisma|unique constraint/i);
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toEqual(before);
  });
});

describe("keys of another partnership", () => {
  it("never return that partnership's award: the caller's own award is made, the other left alone", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const b = await partnershipWithFund(db);
    const bRequest = grant(b.fund.id, 300_000);
    const bAward = await b.api.funding.awardGrant(bRequest);
    const bOtherRequest = grant(b.fund.id, 20_000);
    const bOtherAward = await b.api.funding.awardGrant(bOtherRequest);
    const bBefore = await moneyState(db, b.fund.id, b.partnershipId);

    // A's officer sends one of B's keys with A's own details...
    const aAward = await a.api.funding.awardGrant(grant(a.fund.id, 50_000, bOtherRequest.idempotencyKey));
    expect(aAward.id).not.toBe(bOtherAward.id);
    expect(aAward).toMatchObject({ fundId: a.fund.id, awardedPence: 50_000 });
    // ...and B's very request with A's fund: A's own new award again.
    const aSecond = await a.api.funding.awardGrant({ ...bRequest, fundId: a.fund.id });
    expect(aSecond.id).not.toBe(bAward.id);
    expect(aSecond).toMatchObject({ fundId: a.fund.id, awardedPence: 300_000 });
    // B's own request, sent by A's officer, is refused by the policy: B's fund is not A's.
    const refused = await refusedWith(a.api.funding.awardGrant(bRequest));
    expect(refused).toBeInstanceOf(TRPCError);
    expect(JSON.stringify(refused)).not.toContain(bAward.id);

    expect(await moneyState(db, b.fund.id, b.partnershipId)).toEqual(bBefore);
    expect(await moneyState(db, a.fund.id, a.partnershipId)).toMatchObject({ committedPence: 350_000, ledgerEntries: 2 });
  });

  it("changes the caller's own award when a change carries another partnership's key", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const b = await partnershipWithFund(db);
    const bAward = await awardGrant(db, b.actor, b.partnershipId, grant(b.fund.id, 100_000));
    const bVary = { awardId: bAward.id, newAmountPence: 150_000, reason: "More sessions", idempotencyKey: randomUUID() };
    await b.api.funding.varyAward(bVary);
    const bBefore = await moneyState(db, b.fund.id, b.partnershipId);

    const aAward = await awardGrant(db, a.actor, a.partnershipId, grant(a.fund.id, 100_000));
    const varied = await a.api.funding.varyAward({ ...bVary, awardId: aAward.id });
    expect(varied).toMatchObject({ id: aAward.id, awardedPence: 150_000 });
    expect(await moneyState(db, b.fund.id, b.partnershipId)).toEqual(bBefore);
  });

  it("lets two partnerships that happen to use the same key both succeed", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const b = await partnershipWithFund(db);
    const key = `shared-${randomUUID()}`;
    const [aAward, bAward] = await Promise.all([
      a.api.funding.awardGrant(grant(a.fund.id, 70_000, key)),
      b.api.funding.awardGrant(grant(b.fund.id, 80_000, key)),
    ]);
    expect(aAward.id).not.toBe(bAward.id);
    expect(await db.ledgerEntry.findMany({ where: { idempotencyKey: key }, select: { fundId: true, committedDelta: true }, orderBy: { committedDelta: "asc" } })).toEqual([
      { fundId: a.fund.id, committedDelta: 70_000 },
      { fundId: b.fund.id, committedDelta: 80_000 },
    ]);
    // Each retry finds its own partnership's award.
    await expect(a.api.funding.awardGrant(grant(a.fund.id, 70_000, key))).resolves.toMatchObject({ id: aAward.id });
    await expect(b.api.funding.awardGrant(grant(b.fund.id, 80_000, key))).resolves.toMatchObject({ id: bAward.id });
  });

  it("counts a key separately for each kind of request in one partnership", async () => {
    const { db } = database;
    const a = await partnershipWithFund(db);
    const key = randomUUID();
    const award = await awardGrant(db, a.actor, a.partnershipId, grant(a.fund.id, 100_000, key));
    const paid = await payTranche(db, a.actor, a.partnershipId, {
      awardId: award.id,
      trancheId: award.tranches[0]!.id,
      paidOn: new Date("2021-04-02T00:00:00Z"),
      reference: "BACS-1",
      reason: "",
      idempotencyKey: key,
    });
    expect(paid.paidPence).toBe(100_000);
    expect(await db.ledgerEntry.findMany({ where: { fundId: a.fund.id }, select: { kind: true, idempotencyKey: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { kind: "COMMIT", idempotencyKey: key },
      { kind: "PAY", idempotencyKey: key },
    ]);
  });
});

/** A partnership with a closed round and a proposal under assessment, for approvals. */
async function proposalToDecide(db: Database) {
  const a = await partnershipWithFund(db);
  const organisation = await createOrganisation(db, { name: `Carers Centre ${unique()}` });
  await db.partnershipOrganisation.create({ data: { partnershipId: a.partnershipId, organisationId: organisation.id } });
  const { actor: author } = await createPerson(db, { name: "Lena Author", organisationId: organisation.id });
  await addMember(db, a.partnershipId, author.userId);
  const priorityArea = await db.priorityArea.create({
    data: { partnershipId: a.partnershipId, title: "Unpaid carers", description: "d", outcomesSought: "o", position: 0 },
  });
  const subGroup = await db.subGroup.create({
    data: { partnershipId: a.partnershipId, priorityAreaId: priorityArea.id, name: "Carers' breaks", purpose: "Test short breaks" },
  });
  const day = 24 * 3600 * 1000;
  const round = await db.fundingRound.create({
    data: {
      fundId: a.fund.id,
      title: "Test and learn round",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Learning", weight: 100 }],
      opensAt: new Date(Date.now() - 30 * day),
      closesAt: new Date(Date.now() - day),
      status: "OPEN",
      minAwardPence: 1_000,
      maxAwardPence: 1_000_000,
    },
  });
  const proposal = (title: string) =>
    db.proposal.create({
      data: {
        partnershipId: a.partnershipId,
        subGroupId: subGroup.id,
        roundId: round.id,
        title: `${title} ${unique()}`,
        requestedPence: 500_000,
        leadOrganisationId: organisation.id,
        partnerOrganisationIds: [organisation.id],
        status: "UNDER_ASSESSMENT",
        submittedAt: new Date(),
        createdById: author.userId,
        authors: { create: [{ userId: author.userId, role: "LEAD" }] },
      },
    });
  return { ...a, proposal };
}

const approval = (proposalId: string, amountPence: number, idempotencyKey: string = randomUUID()) => ({
  outcome: "APPROVE" as const,
  proposalId,
  reason: "A clear plan",
  amountPence,
  tranches: [{ amountPence, dueOn: new Date("2021-06-01T00:00:00Z") }],
  published: false,
  idempotencyKey,
  override: { reason: "The panel met without scoring in Tandem" },
});

describe("approving a proposal", () => {
  it("replays the same approval, refuses the key with a different amount, and writes nothing the second time", async () => {
    const { db } = database;
    const w = await proposalToDecide(db);
    const proposal = await w.proposal("Carers' café");
    const input = approval(proposal.id, 300_000);
    const first = await w.api.assessment.decide(input);
    expect(first).toMatchObject({ proposalId: proposal.id, status: "APPROVED" });
    const before = await moneyState(db, w.fund.id, w.partnershipId);

    await expect(w.api.assessment.decide(input)).resolves.toEqual(first);
    const changed = await refusedWith(w.api.assessment.decide({ ...input, amountPence: 350_000, tranches: [{ amountPence: 350_000, dueOn: new Date("2021-06-01T00:00:00Z") }] }));
    expect(changed).toBeInstanceOf(TRPCError);
    expect(changed).toMatchObject({ code: "CONFLICT", message: MESSAGE });
    const http = await mutate(db, w.actor, "assessment.decide", { ...input, amountPence: 200_000, tranches: [{ amountPence: 200_000, dueOn: "2021-06-01T00:00:00.000Z" }] });
    expect(http.status).toBe(409);
    expect(http.body.error?.json.message).toBe(MESSAGE);

    expect(await moneyState(db, w.fund.id, w.partnershipId)).toEqual(before);
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect(await db.idempotencyKey.findMany({ where: { partnershipId: w.partnershipId, operation: "assessment.decide" }, select: { key: true, awardId: true } })).toEqual([
      { key: input.idempotencyKey, awardId: first.awardId },
    ]);
  });

  it("approves once when the same approval arrives 10 times at once", async () => {
    const { db } = database;
    const w = await proposalToDecide(db);
    const proposal = await w.proposal("Peer support");
    const input = approval(proposal.id, 250_000);
    const { fulfilled, rejected } = await burst(10, () => callerFor(db, w.actor).assessment.decide(input));
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((result) => result.awardId)).size).toBe(1);
    expect(await moneyState(db, w.fund.id, w.partnershipId)).toMatchObject({ committedPence: 250_000, ledgerEntries: 1 });
    expect(await db.proposalDecision.count({ where: { proposalId: proposal.id } })).toBe(1);
  });

  it("treats an approval key from another partnership as new", async () => {
    const { db } = database;
    const a = await proposalToDecide(db);
    const b = await proposalToDecide(db);
    const key = randomUUID();
    const bResult = await b.api.assessment.decide(approval((await b.proposal("B's café")).id, 100_000, key));
    const aProposal = await a.proposal("A's café");
    const aResult = await a.api.assessment.decide(approval(aProposal.id, 100_000, key));
    expect(aResult.awardId).not.toBe(bResult.awardId);
    expect(await db.award.findUniqueOrThrow({ where: { id: aResult.awardId! } })).toMatchObject({ proposalId: aProposal.id, fundId: a.fund.id });
  });
});

describe("the migration to scoped keys", () => {
  it("keeps existing movements answering their retries, only in their own partnership", async () => {
    const migrations = path.resolve("prisma/migrations");
    const folders = fs.readdirSync(migrations).filter((name) => /^\d{14}_/.test(name)).sort();
    const scoped = folders.indexOf("20261202100000_scoped_idempotency_keys");
    expect(scoped).toBeGreaterThan(0);
    const sql = (folder: string) => fs.readFileSync(path.join(migrations, folder, "migration.sql"), "utf8");

    const legacy = await createTestDatabase({ migrated: false });
    const client = new pg.Client({ connectionString: legacy.url });
    await client.connect();
    try {
      for (const folder of folders.slice(0, scoped)) await client.query(sql(folder));

      // Money moved before the change, with globally unique keys on the ledger.
      const { db } = legacy;
      const partnership = await createPartnership(db);
      const other = await createPartnership(db);
      // Only columns that existed then: later migrations add more to a person.
      const person = await db.user.create({
        data: { name: "Old officer", email: `old-officer-${partnership.id}@example.org` },
        select: { id: true, name: true, email: true, organisationId: true },
      });
      const actor = { userId: person.id, name: person.name, email: person.email, organisationId: person.organisationId };
      await addMember(db, partnership.id, actor.userId, "OFFICER");
      const fund = await db.fund.create({
        data: { partnershipId: partnership.id, name: "Old fund", source: "HSCP", financialYear: "2020/21", totalPence: 1_000_000, createdById: actor.userId },
        // Only columns that existed then: later migrations add more to the fund.
        select: { id: true },
      });
      const oldAward = (status: "ACTIVE" | "WITHDRAWN" | "COMPLETED") =>
        db.award.create({
          data: {
            fundId: fund.id,
            projectName: `Old project ${status}`,
            recipientName: "Old charity",
            createdById: actor.userId,
            tranches: { create: [{ sequence: 1, amountPence: 100_000, dueOn: new Date("2021-04-01") }] },
          },
          include: { tranches: true },
        });
      const move = (awardId: string, kind: "COMMIT" | "PAY" | "VARY" | "RELEASE" | "RETURN", committedDelta: number, paidDelta: number, key: string, trancheId?: string) =>
        db.ledgerEntry.create({
          data: { fundId: fund.id, awardId, trancheId: trancheId ?? null, kind, committedDelta, paidDelta, reason: "old", actorId: actor.userId, idempotencyKey: key },
        });
      const active = await oldAward("ACTIVE");
      const withdrawn = await oldAward("WITHDRAWN");
      const completed = await oldAward("COMPLETED");
      const keys = Object.fromEntries(["commit", "pay", "vary", "return", "withdrawCommit", "withdraw", "completeCommit", "complete"].map((k) => [k, `old-${k}-${randomUUID()}`]));
      await move(active.id, "COMMIT", 100_000, 0, keys.commit!);
      await db.tranche.update({ where: { id: active.tranches[0]!.id }, data: { paidAt: new Date(), paidOn: new Date(), reference: "OLD" } });
      await move(active.id, "PAY", 0, 100_000, keys.pay!, active.tranches[0]!.id);
      await move(active.id, "VARY", 20_000, 0, keys.vary!);
      await move(active.id, "RETURN", -10_000, -10_000, keys.return!);
      await move(withdrawn.id, "COMMIT", 50_000, 0, keys.withdrawCommit!);
      await move(withdrawn.id, "RELEASE", -50_000, 0, keys.withdraw!);
      await db.award.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });
      await move(completed.id, "COMMIT", 60_000, 0, keys.completeCommit!);
      await move(completed.id, "RELEASE", -60_000, 0, keys.complete!);
      await db.award.update({ where: { id: completed.id }, data: { status: "COMPLETED" } });

      await client.query(sql(folders[scoped]!));
      // And the ones after it, so today's code runs against today's tables.
      for (const folder of folders.slice(scoped + 1)) await client.query(sql(folder));

      const backfilled = await db.idempotencyKey.findMany({ select: { partnershipId: true, operation: true, key: true, awardId: true, requestHash: true } });
      expect(new Map(backfilled.map((row) => [row.key, row]))).toEqual(
        new Map(
          (
            [
              ["commit", "funding.awardGrant", active.id],
              ["pay", "funding.payTranche", active.id],
              ["vary", "funding.varyAward", active.id],
              ["return", "funding.returnUnderspend", active.id],
              ["withdrawCommit", "funding.awardGrant", withdrawn.id],
              ["withdraw", "funding.withdrawAward", withdrawn.id],
              ["completeCommit", "funding.awardGrant", completed.id],
              ["complete", "funding.completeAward", completed.id],
            ] as const
          ).map(([name, operation, awardId]) => [
            keys[name]!,
            { partnershipId: partnership.id, operation, key: keys[name]!, awardId, requestHash: null },
          ]),
        ),
      );
      // The append-only ledger is untouched, and still guarded.
      expect(await db.ledgerEntry.count({ where: { fundId: fund.id } })).toBe(8);
      await expect(db.$executeRaw`DELETE FROM "LedgerEntry" WHERE "fundId" = ${fund.id}`).rejects.toThrow(/append-only/);

      // A retry of an old request gets its award back and changes nothing.
      const balances = await fundBalances(db, fund.id);
      const replay = await awardGrant(db, actor, partnership.id, { ...grant(fund.id, 100_000), idempotencyKey: keys.commit! });
      expect(replay.id).toBe(active.id);
      const varied = await varyAward(db, actor, partnership.id, { awardId: active.id, newAmountPence: 120_000, reason: "old", idempotencyKey: keys.vary! });
      expect(varied.id).toBe(active.id);
      expect(await fundBalances(db, fund.id)).toEqual(balances);
      // An old key sent for another award is refused.
      await expect(
        varyAward(db, actor, partnership.id, { awardId: completed.id, newAmountPence: 1_000, reason: "x", idempotencyKey: keys.vary! }),
      ).rejects.toMatchObject({ code: "CONFLICT", userMessage: MESSAGE });

      // Another partnership's officer with the old key gets a new award of their own.
      const { actor: otherOfficer } = await createPerson(db);
      await addMember(db, other.id, otherOfficer.userId, "OFFICER");
      const otherFund = await createFund(db, otherOfficer, other.id, { name: "New fund", source: "HSCP", financialYear: "2021/22", totalPence: 500_000 });
      const theirs = await awardGrant(db, otherOfficer, other.id, { ...grant(otherFund.id, 10_000), idempotencyKey: keys.commit! });
      expect(theirs.id).not.toBe(active.id);
      expect(theirs.fundId).toBe(otherFund.id);
      expect(await fundBalances(db, fund.id)).toEqual(balances);
    } finally {
      await client.end();
      await legacy.drop();
    }
  });
});
