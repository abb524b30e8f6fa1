import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { AWARD_ACTIONS, AWARD_STATES, AWARD_TRANSITIONS, awardState, type AwardAction, type AwardState } from "@/server/domain/funding/award-lifecycle";
import { awardGrant, completeAward, payTranche, returnUnderspend, varyAward, withdrawAward } from "@/server/domain/funding/awards";
import { createFund } from "@/server/domain/funding/funds";
import { AppError } from "@/server/errors";
import { withTestDatabase } from "./support/database";
import { createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

type Context = { db: Database; actor: Actor; partnershipId: string };

async function awardIn(context: Context, state: AwardState) {
  const { db, actor, partnershipId } = context;
  const fund = await createFund(db, actor, partnershipId, { name: "Fund", source: "HSCP", financialYear: "2021/22", totalPence: 1_000_000 });
  const award = await awardGrant(db, actor, partnershipId, {
    fundId: fund.id,
    projectName: "Test",
    recipientName: "Charity",
    amountPence: 20_000,
    tranches: [
      { amountPence: 10_000, dueOn: new Date("2021-04-01") },
      { amountPence: 10_000, dueOn: new Date("2021-07-01") },
    ],
    idempotencyKey: randomUUID(),
  });
  const [first, second] = [...award.tranches].sort((a, b) => a.sequence - b.sequence);
  const pay = (trancheId: string) =>
    payTranche(db, actor, partnershipId, { awardId: award.id, trancheId, paidOn: new Date(), reference: "REF", reason: "", idempotencyKey: randomUUID() });
  if (state === "PART_PAID" || state === "PAID_IN_FULL" || state === "COMPLETED") await pay(first!.id);
  if (state === "PAID_IN_FULL") await pay(second!.id);
  if (state === "COMPLETED") await completeAward(db, actor, partnershipId, { awardId: award.id, reason: "done", idempotencyKey: randomUUID() });
  if (state === "WITHDRAWN") await withdrawAward(db, actor, partnershipId, { awardId: award.id, reason: "stopped", idempotencyKey: randomUUID() });
  const stored = await db.award.findUniqueOrThrow({ where: { id: award.id }, include: { tranches: true } });
  expect(awardState(stored)).toBe(state);
  return stored;
}

async function perform(context: Context, action: AwardAction, award: Awaited<ReturnType<typeof awardIn>>) {
  const { db, actor, partnershipId } = context;
  const base = { awardId: award.id, reason: "lifecycle test", idempotencyKey: randomUUID() };
  switch (action) {
    case "PAY": {
      const tranche = award.tranches.find((t) => !t.paidAt) ?? award.tranches[0]!;
      return payTranche(db, actor, partnershipId, { ...base, trancheId: tranche.id, paidOn: new Date(), reference: "REF-2" });
    }
    case "VARY":
      return varyAward(db, actor, partnershipId, { ...base, newAmountPence: award.awardedPence + 1_000 });
    case "WITHDRAW":
      return withdrawAward(db, actor, partnershipId, base);
    case "RETURN_UNDERSPEND":
      return returnUnderspend(db, actor, partnershipId, { ...base, amountPence: 1_000 });
    case "COMPLETE":
      return completeAward(db, actor, partnershipId, base);
  }
}

describe("the award lifecycle", () => {
  it("lists an outcome for every (state, action) pair", () => {
    for (const state of AWARD_STATES) {
      expect(Object.keys(AWARD_TRANSITIONS[state]).sort()).toEqual([...AWARD_ACTIONS].sort());
    }
  });

  for (const state of AWARD_STATES) {
    for (const action of AWARD_ACTIONS) {
      const outcome = AWARD_TRANSITIONS[state][action];
      it(`${outcome.allowed ? "allows" : "refuses"} ${action} when ${state}`, async () => {
        const { db } = database;
        const partnership = await createPartnership(db);
        const { actor } = await createPerson(db);
        const context = { db, actor, partnershipId: partnership.id };
        const award = await awardIn(context, state);
        const ledgerBefore = await db.ledgerEntry.count({ where: { awardId: award.id } });

        if (outcome.allowed) {
          await perform(context, action, award);
          const after = await db.ledgerEntry.count({ where: { awardId: award.id } });
          // COMPLETE of a fully paid award has nothing to release; every other action moves money.
          expect(after - ledgerBefore).toBe(action === "COMPLETE" && award.paidPence === award.awardedPence ? 0 : 1);
        } else {
          const error = await perform(context, action, award).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(AppError);
          expect(error).toMatchObject({ code: "CONFLICT", userMessage: outcome.reason });
          expect(await db.ledgerEntry.count({ where: { awardId: award.id } })).toBe(ledgerBefore);
        }
      });
    }
  }
});
