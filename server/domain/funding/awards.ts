import { formatPence, pence } from "@/lib/money";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isTransactionUnavailable } from "@/server/db/errors";
import { Prisma, type Award, type Tranche } from "@/server/db/generated/client";
import type { LedgerKind, RoundStatus } from "@/server/db/generated/enums";
import { createId } from "@/server/db/ids";
import { auditEventInsert, recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { assertAwardTransition, awardState, type AwardAction } from "./award-lifecycle";
import {
  claimIdempotencyKey,
  earlierResult,
  idempotencyKeyInsert,
  idempotentRequest,
  isIdempotencyReplay,
  matchEarlier,
  type IdempotentRequest,
  type MoneyOperation,
} from "./idempotency";
import { explainMoneyRefusal } from "./money-errors";
import { effectiveRoundStatus } from "./rounds";

export { explainMoneyRefusal, isIdempotencyReplay };

/**
 * Awards move money. Every movement is one append-only ledger row; a database trigger
 * applies it to the fund, ring-fence and award balances, whose CHECK constraints refuse
 * any overspend even under concurrent requests. A retried request carries the same
 * idempotency key and changes nothing the second time (see ./idempotency.ts: keys count per
 * partnership and operation, and a reused key with different details is refused).
 */

type Tx = Prisma.TransactionClient;

export type AwardGrantInput = {
  fundId: string;
  roundId?: string | null;
  priorityAreaId?: string | null;
  projectName: string;
  recipientName: string;
  recipientOrganisationId?: string | null;
  conditions?: string | null;
  /** Publish to everyone in the partnership (observers included) straight away. */
  published?: boolean;
  amountPence: number;
  tranches: { amountPence: number; dueOn: Date }[];
  idempotencyKey: string;
};

/**
 * Money movements queue for the fund's row lock under bursts of requests: let them wait
 * for a connection and the lock rather than fail (Prisma's defaults are 2 s and 5 s).
 */
export const MONEY_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;

type LedgerMovement = {
  fundId: string;
  awardId: string;
  trancheId?: string | null;
  kind: LedgerKind;
  committedDelta?: number;
  paidDelta?: number;
  reason: string;
  actorId: string;
  idempotencyKey: string;
};

/** The INSERT of one ledger entry, in raw SQL (its id and time made here, as Prisma would). */
function ledgerEntryInsert(entry: LedgerMovement): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "LedgerEntry" ("id", "fundId", "awardId", "trancheId", "kind", "committedDelta", "paidDelta", "reason", "actorId", "idempotencyKey", "createdAt")
    VALUES (${createId()}, ${entry.fundId}, ${entry.awardId}, ${entry.trancheId ?? null}, ${entry.kind}::"LedgerKind",
            ${entry.committedDelta ?? 0}, ${entry.paidDelta ?? 0}, ${entry.reason}, ${entry.actorId}, ${entry.idempotencyKey}, ${new Date()})`;
}

/**
 * Appends one movement to the ledger: nothing is read back, and its trigger takes the
 * fund's row lock, so the caller runs it as late in its transaction as it can.
 */
async function appendLedger(tx: Tx, entry: LedgerMovement) {
  await tx.$executeRaw(ledgerEntryInsert(entry));
}

const awardWithTranches = (db: Database | Tx, awardId: string) =>
  db.award.findUniqueOrThrow({ where: { id: awardId }, include: { tranches: { orderBy: { sequence: "asc" } } } });

/**
 * The award an earlier request with this key, in this partnership and for this operation,
 * created or changed; null when the key is new here. Refuses (CONFLICT) a reused key whose
 * request asked for something different.
 */
export async function replayedAward(db: Database | Tx, request: IdempotentRequest, expectedAwardId?: string) {
  const earlier = await earlierResult(db, request, expectedAwardId);
  return earlier ? awardWithTranches(db, earlier.awardId) : null;
}

/**
 * Turns a failed money transaction into what the person should see: a busy database into
 * "try again", a CHECK refusal into the fund's figures. Returns the error itself otherwise.
 */
export async function explainMoneyFailure(db: Database, error: unknown, context: { fundId: string; awardId?: string }) {
  if (isTransactionUnavailable(error)) return busy();
  return (await explainMoneyRefusal(db, error, context)) ?? error;
}

const busy = () => new AppError("TOO_MANY_REQUESTS", "Tandem is very busy right now. Nothing was changed: please try again.");

/** The reads before a money transaction: a database too busy to answer them in time is "busy, try again" too. */
async function beforeMoving<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw isTransactionUnavailable(error) ? busy() : error;
  }
}

/** Runs a money movement and turns the database's refusals into clear messages. */
async function moveMoney<T>(db: Database, fundId: string, run: () => Promise<T>): Promise<T | "replayed"> {
  try {
    return await run();
  } catch (error) {
    if (isIdempotencyReplay(error)) return "replayed";
    throw await explainMoneyFailure(db, error, { fundId });
  }
}

/** What checkAwardGrant found: the fund the money comes from and the amount, in pence. */
export type CheckedAwardGrant = { fund: { id: string; name: string }; amountPence: number };

/** What a grant's checks need from the database, read in one statement (see readGrantFacts). */
type GrantFacts = {
  /** The earlier request's claim of this idempotency key, when a key was given and it has one. */
  earlierAwardId: string | null;
  earlierRequestHash: string | null;
  fundId: string | null;
  fundName: string | null;
  priorityAreaFound: boolean;
  organisationFound: boolean;
  roundId: string | null;
  roundTitle: string | null;
  roundStatus: RoundStatus | null;
  roundClosesAt: Date | null;
  roundMinAwardPence: number | null;
  roundMaxAwardPence: number | null;
  roundPriorityAreaIds: string[] | null;
};

/**
 * One round trip for everything a grant checks before any money moves: the earlier claim of
 * the request's idempotency key (when `request` is given), the fund in this partnership, the
 * priority area, whether the recipient organisation takes part, and the round of that fund.
 */
async function readGrantFacts(
  db: Database | Tx,
  partnershipId: string,
  input: AwardGrantInput,
  request?: IdempotentRequest,
): Promise<GrantFacts> {
  const [facts] = await db.$queryRaw<GrantFacts[]>`
    SELECT k."awardId" AS "earlierAwardId", k."requestHash" AS "earlierRequestHash",
           f."id" AS "fundId", f."name" AS "fundName",
           EXISTS (SELECT 1 FROM "PriorityArea" WHERE "id" = ${input.priorityAreaId ?? null} AND "partnershipId" = ${partnershipId}) AS "priorityAreaFound",
           EXISTS (SELECT 1 FROM "PartnershipOrganisation"
                   WHERE "partnershipId" = ${partnershipId} AND "organisationId" = ${input.recipientOrganisationId ?? null}) AS "organisationFound",
           r."id" AS "roundId", r."title" AS "roundTitle", r."status"::text AS "roundStatus", r."closesAt" AS "roundClosesAt",
           r."minAwardPence" AS "roundMinAwardPence", r."maxAwardPence" AS "roundMaxAwardPence",
           COALESCE(r."priorityAreaIds", ARRAY[]::text[]) AS "roundPriorityAreaIds"
    FROM (VALUES (1)) AS one ("row")
    LEFT JOIN "IdempotencyKey" k
      ON k."partnershipId" = ${partnershipId} AND k."operation" = ${request?.operation ?? null} AND k."key" = ${request?.key ?? null}
    LEFT JOIN "Fund" f ON f."id" = ${input.fundId} AND f."partnershipId" = ${partnershipId}
    LEFT JOIN "FundingRound" r ON r."id" = ${input.roundId ?? null} AND r."fundId" = f."id"`;
  return facts!;
}

/** The amount of a grant, in pence, once its payment schedule is known to add up to it. */
function checkedAmount(input: AwardGrantInput): number {
  const amountPence = pence(input.amountPence);
  if (amountPence === 0) throw new AppError("BAD_REQUEST", "An award must be more than £0.", { amountPence: ["Enter an amount above £0"] });
  const scheduled = input.tranches.reduce((sum, tranche) => sum + pence(tranche.amountPence), 0);
  if (input.tranches.length === 0 || scheduled !== amountPence) {
    throw new AppError("BAD_REQUEST", "The payment schedule must add up to the award.", {
      tranches: [`The tranches add up to ${formatPence(scheduled)}, but the award is ${formatPence(amountPence)}.`],
    });
  }
  return amountPence;
}

/** The checks of the fund, priority area, recipient and round, on what readGrantFacts found. */
function checkFacts(facts: GrantFacts, input: AwardGrantInput, amountPence: number): CheckedAwardGrant {
  if (facts.fundId === null || facts.fundName === null) throw notFound("That fund");
  if (input.priorityAreaId && !facts.priorityAreaFound) throw notFound("That priority area");
  if (input.recipientOrganisationId && !facts.organisationFound) throw notFound("That organisation");
  if (input.roundId) {
    if (facts.roundId === null) throw notFound("That funding round");
    const round = {
      title: facts.roundTitle!,
      minAwardPence: facts.roundMinAwardPence!,
      maxAwardPence: facts.roundMaxAwardPence!,
      priorityAreaIds: facts.roundPriorityAreaIds ?? [],
    };
    const status = effectiveRoundStatus({ status: facts.roundStatus!, closesAt: facts.roundClosesAt! });
    if (status === "DRAFT") throw new AppError("CONFLICT", `"${round.title}" has not opened yet, so it cannot make awards.`);
    if (status === "DECIDED") throw new AppError("CONFLICT", `Decisions for "${round.title}" are final: it cannot make more awards.`);
    if (amountPence < round.minAwardPence || amountPence > round.maxAwardPence) {
      throw new AppError("BAD_REQUEST", "That amount is outside this round's award range.", {
        amountPence: [`Awards in this round are from ${formatPence(round.minAwardPence)} to ${formatPence(round.maxAwardPence)}.`],
      });
    }
    if (round.priorityAreaIds.length > 0 && (!input.priorityAreaId || !round.priorityAreaIds.includes(input.priorityAreaId))) {
      throw new AppError("BAD_REQUEST", "This round does not fund that priority area.", {
        priorityAreaId: ["Choose one of the priority areas this round funds."],
      });
    }
  }
  return { fund: { id: facts.fundId, name: facts.fundName }, amountPence };
}

/**
 * Checks a grant before any money moves: the amount and its schedule, the fund, priority
 * area, recipient and round. Reads only, so a caller may run it before its own transaction.
 */
export async function checkAwardGrant(
  db: Database | Tx,
  partnershipId: string,
  input: AwardGrantInput,
): Promise<CheckedAwardGrant> {
  const amountPence = checkedAmount(input);
  return checkFacts(await readGrantFacts(db, partnershipId, input), input, amountPence);
}

/**
 * The writes of a grant, in one statement: the award and its tranches, the claim of the
 * request's idempotency key for the new award, the audit entry and, last, the ledger COMMIT.
 * The ledger entry's trigger (which applies it to the balances under the fund's row lock,
 * their CHECKs refusing an overspend) fires only once the statement's INSERTs are all done,
 * and the foreign keys are checked then too, so a retry waiting at the claim holds no lock
 * on the fund. One statement is atomic on its own: awardGrant sends it by itself, so the
 * fund's lock is held only until the statement commits, with no round trip in between;
 * proposal approval sends it inside its own transaction (`tx`), whose later statements
 * then run under the lock. Returns the new award with its tranches, as written (nothing is
 * read back while the lock is held). Run checkAwardGrant first. The caller translates
 * refusals (explainMoneyFailure, isIdempotencyReplay: a retry of a request that has just
 * been carried out waits at the claim, then fails there).
 */
export async function grantAwardInTransaction(
  tx: Tx | Database,
  actor: Actor,
  partnershipId: string,
  checked: CheckedAwardGrant,
  input: AwardGrantInput & { proposalId?: string | null },
  request: IdempotentRequest,
): Promise<Award & { tranches: Tranche[] }> {
  const { fund, amountPence } = checked;
  // Ids and times are made here, as Prisma makes them for its own creates (@default(cuid()),
  // @default(now()) and @updatedAt are all filled in by the client, not the database).
  const now = new Date();
  const awardId = createId();
  const tranches: Tranche[] = input.tranches.map((tranche, index) => ({
    id: createId(),
    awardId,
    sequence: index + 1,
    amountPence: tranche.amountPence,
    dueOn: tranche.dueOn,
    paidAt: null,
    paidOn: null,
    reference: null,
    requiresPeriodId: null,
  }));
  const audit = auditEventInsert(
    {
      partnershipId,
      actorId: actor.userId,
      action: "award.granted",
      subjectType: "Award",
      subjectId: awardId,
      summary: `Awarded ${formatPence(amountPence)} to ${input.recipientName} for "${input.projectName}" from ${fund.name}`,
      amountPence,
    },
    now,
  );
  // Last in effect, whatever order the INSERTs below run in: its trigger takes the fund's
  // row lock, which every award from the fund queues for, at the end of the statement, so
  // nothing but the commit follows it (when the statement is sent by itself).
  const ledger = ledgerEntryInsert({
    fundId: fund.id,
    awardId,
    kind: "COMMIT",
    committedDelta: amountPence,
    reason: `Award to ${input.recipientName} for "${input.projectName}"`,
    actorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
  });
  const [award] = await tx.$queryRaw<Award[]>`
    WITH "award" AS (
      INSERT INTO "Award" ("id", "fundId", "roundId", "priorityAreaId", "projectName", "proposalId", "recipientName",
                           "recipientOrganisationId", "publishedAt", "conditions", "createdById", "createdAt", "updatedAt")
      VALUES (${awardId}, ${fund.id}, ${input.roundId ?? null}, ${input.priorityAreaId ?? null}, ${input.projectName},
              ${input.proposalId ?? null}, ${input.recipientName}, ${input.recipientOrganisationId ?? null},
              ${input.published ? now : null}, ${input.conditions ?? null}, ${actor.userId}, ${now}, ${now})
      RETURNING "id", "fundId", "roundId", "priorityAreaId", "projectName", "proposalId", "recipientName", "recipientOrganisationId",
                "publishedAt", "conditions", "awardedPence", "paidPence", "status"::text AS "status", "createdById", "createdAt", "updatedAt"
    ), "tranches" AS (
      INSERT INTO "Tranche" ("id", "awardId", "sequence", "amountPence", "dueOn")
      SELECT "id", ${awardId}, "sequence", "amountPence", "dueOn"
      FROM unnest(${tranches.map((t) => t.id)}::text[], ${tranches.map((t) => t.sequence)}::int[],
                  ${tranches.map((t) => t.amountPence)}::int[], ${tranches.map((t) => t.dueOn)}::timestamp(3)[])
           AS t ("id", "sequence", "amountPence", "dueOn")
    ), "claim" AS (${idempotencyKeyInsert(request, awardId, now)}
    ), "audit" AS (${audit}
    ), "ledger" AS (${ledger}
    )
    SELECT * FROM "award"`;
  // Not read back: RETURNING saw the award as inserted, and the trigger then applied
  // exactly this entry (its only one) to it.
  return { ...award!, awardedPence: amountPence, tranches };
}

/**
 * Awards a grant: commits money from the fund, with conditions and a schedule of tranches.
 * One read before any money moves (an earlier claim of the key, and what the checks need),
 * then the single statement of grantAwardInTransaction, which needs no transaction around it.
 */
export async function awardGrant(db: Database, actor: Actor, partnershipId: string, input: AwardGrantInput) {
  const request = idempotentRequest(partnershipId, "funding.awardGrant", input);
  const facts = await beforeMoving(() => readGrantFacts(db, partnershipId, input, request));
  const earlier = matchEarlier(
    facts.earlierAwardId === null ? null : { awardId: facts.earlierAwardId, requestHash: facts.earlierRequestHash },
    request,
  );
  if (earlier) return beforeMoving(() => awardWithTranches(db, earlier.awardId));
  const checked = checkFacts(facts, input, checkedAmount(input));
  const outcome = await moveMoney(db, checked.fund.id, () => grantAwardInTransaction(db, actor, partnershipId, checked, input, request));
  if (outcome === "replayed") return (await beforeMoving(() => replayedAward(db, request)))!;
  return outcome;
}

type AwardChange = {
  awardId: string;
  idempotencyKey: string;
  reason: string;
};

async function loadAward(db: Database, partnershipId: string, awardId: string) {
  const award = await db.award.findFirst({
    where: { id: awardId, fund: { partnershipId } },
    include: { tranches: { orderBy: { sequence: "asc" } }, fund: { select: { name: true } } },
  });
  if (!award) throw notFound("That award");
  return award;
}

/**
 * Runs one change to an award. `change` is the whole request (its fingerprint binds the
 * idempotency key to it), `operation` names the kind of request the key counts for.
 */
async function changeAward(
  db: Database,
  actor: Actor,
  partnershipId: string,
  operation: MoneyOperation,
  change: AwardChange,
  action: AwardAction,
  apply: (tx: Tx, award: Awaited<ReturnType<typeof loadAward>>) => Promise<{ summary: string; amountPence: number }>,
) {
  const request = idempotentRequest(partnershipId, operation, change);
  const previous = await beforeMoving(() => replayedAward(db, request, change.awardId));
  if (previous) return previous;
  const award = await beforeMoving(() => loadAward(db, partnershipId, change.awardId));
  assertAwardTransition(awardState(award), action);
  const outcome = await moveMoney(db, award.fundId, () =>
    db.$transaction(async (tx) => {
      await claimIdempotencyKey(tx, request, award.id);
      // Lock the award so two changes to it cannot both pass the lifecycle check.
      const [locked] = await tx.$queryRaw<{ status: "ACTIVE" | "COMPLETED" | "WITHDRAWN"; awardedPence: number; paidPence: number }[]>`
        SELECT "status", "awardedPence", "paidPence" FROM "Award" WHERE "id" = ${award.id} FOR UPDATE`;
      assertAwardTransition(awardState(locked!), action);
      const { summary, amountPence } = await apply(tx, { ...award, ...locked! });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: `award.${action.toLowerCase()}`,
        subjectType: "Award",
        subjectId: award.id,
        summary,
        amountPence,
      });
      return awardWithTranches(tx, award.id);
    }, MONEY_TRANSACTION),
  );
  if (outcome === "replayed") return (await replayedAward(db, request, change.awardId))!;
  return outcome;
}

/** Marks a tranche paid, with the date and the payment reference. */
export function payTranche(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: AwardChange & { trancheId: string; paidOn: Date; reference: string },
) {
  return changeAward(db, actor, partnershipId, "funding.payTranche", input, "PAY", async (tx, award) => {
    const tranche = award.tranches.find((t) => t.id === input.trancheId);
    if (!tranche) throw notFound("That payment");
    if (tranche.requiresPeriodId) {
      const period = await tx.reportingPeriod.findUniqueOrThrow({
        where: { id: tranche.requiresPeriodId },
        select: { sequence: true, acceptedUpdateId: true },
      });
      if (!period.acceptedUpdateId) {
        throw new AppError(
          "CONFLICT",
          `Payment ${tranche.sequence} waits for the project's update for period ${period.sequence} to be accepted.`,
        );
      }
    }
    const claimed = await tx.tranche.updateMany({
      where: { id: tranche.id, paidAt: null },
      data: { paidAt: new Date(), paidOn: input.paidOn, reference: input.reference },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", `Payment ${tranche.sequence} has already been paid.`);
    await appendLedger(tx, {
      fundId: award.fundId,
      awardId: award.id,
      trancheId: tranche.id,
      kind: "PAY",
      paidDelta: tranche.amountPence,
      reason: input.reason || `Payment ${tranche.sequence}, reference ${input.reference}`,
      actorId: actor.userId,
      idempotencyKey: input.idempotencyKey,
    });
    return {
      summary: `Paid ${formatPence(tranche.amountPence)} (payment ${tranche.sequence}) to ${award.recipientName}, reference ${input.reference}`,
      amountPence: tranche.amountPence,
    };
  });
}

/** Changes the amount awarded, up or down (never below what has been paid), with a reason. */
export function varyAward(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: AwardChange & { newAmountPence: number },
) {
  const newAmount = pence(input.newAmountPence);
  return changeAward(db, actor, partnershipId, "funding.varyAward", input, "VARY", async (tx, award) => {
    const delta = newAmount - award.awardedPence;
    if (delta === 0) throw new AppError("BAD_REQUEST", "That is the amount already awarded.", { newAmountPence: ["Enter a different amount"] });
    if (newAmount < award.paidPence) {
      throw new AppError("CONFLICT", `${formatPence(award.paidPence)} has already been paid, so the award cannot go below that.`);
    }
    await appendLedger(tx, {
      fundId: award.fundId,
      awardId: award.id,
      kind: "VARY",
      committedDelta: delta,
      reason: input.reason,
      actorId: actor.userId,
      idempotencyKey: input.idempotencyKey,
    });
    return {
      summary: `Varied the award to ${award.recipientName} from ${formatPence(award.awardedPence)} to ${formatPence(newAmount)}: ${input.reason}`,
      amountPence: delta,
    };
  });
}

/** Withdraws an award before any payment, releasing its money back to the fund. */
export function withdrawAward(db: Database, actor: Actor, partnershipId: string, input: AwardChange) {
  return changeAward(db, actor, partnershipId, "funding.withdrawAward", input, "WITHDRAW", async (tx, award) => {
    await appendLedger(tx, {
      fundId: award.fundId,
      awardId: award.id,
      kind: "RELEASE",
      committedDelta: -award.awardedPence,
      reason: input.reason,
      actorId: actor.userId,
      idempotencyKey: input.idempotencyKey,
    });
    await tx.award.update({ where: { id: award.id }, data: { status: "WITHDRAWN" } });
    return {
      summary: `Withdrew the award to ${award.recipientName} (${formatPence(award.awardedPence)} released): ${input.reason}`,
      amountPence: -award.awardedPence,
    };
  });
}

/** Records underspend paid back by the project: it returns to the fund. */
export function returnUnderspend(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: AwardChange & { amountPence: number },
) {
  const amount = pence(input.amountPence);
  return changeAward(db, actor, partnershipId, "funding.returnUnderspend", input, "RETURN_UNDERSPEND", async (tx, award) => {
    if (amount === 0) throw new AppError("BAD_REQUEST", "Enter the amount returned.", { amountPence: ["Enter an amount above £0"] });
    if (amount > award.paidPence) {
      throw new AppError("CONFLICT", `Only ${formatPence(award.paidPence)} has been paid on this award, so no more than that can be returned.`);
    }
    await appendLedger(tx, {
      fundId: award.fundId,
      awardId: award.id,
      kind: "RETURN",
      committedDelta: -amount,
      paidDelta: -amount,
      reason: input.reason,
      actorId: actor.userId,
      idempotencyKey: input.idempotencyKey,
    });
    return { summary: `${award.recipientName} returned ${formatPence(amount)} of underspend: ${input.reason}`, amountPence: -amount };
  });
}

/** Closes an award once its work is done, releasing any part not paid. */
export function completeAward(db: Database, actor: Actor, partnershipId: string, input: AwardChange) {
  return changeAward(db, actor, partnershipId, "funding.completeAward", input, "COMPLETE", async (tx, award) => {
    const unpaid = award.awardedPence - award.paidPence;
    if (unpaid > 0) {
      await appendLedger(tx, {
        fundId: award.fundId,
        awardId: award.id,
        kind: "RELEASE",
        committedDelta: -unpaid,
        reason: input.reason,
        actorId: actor.userId,
        idempotencyKey: input.idempotencyKey,
      });
    }
    await tx.award.update({ where: { id: award.id }, data: { status: "COMPLETED" } });
    return {
      summary: `Completed the award to ${award.recipientName}${unpaid > 0 ? ` (${formatPence(unpaid)} not needed, released)` : ""}: ${input.reason}`,
      amountPence: -unpaid,
    };
  });
}

/** Publishes an award to everyone in the partnership (observers included), or takes it back. */
export async function setAwardPublished(
  db: Database,
  actor: Actor,
  partnershipId: string,
  input: { awardId: string; published: boolean },
) {
  const award = await loadAward(db, partnershipId, input.awardId);
  return db.$transaction(async (tx) => {
    const updated = await tx.award.update({
      where: { id: award.id },
      data: { publishedAt: input.published ? (award.publishedAt ?? new Date()) : null },
    });
    await recordAudit(tx, {
      partnershipId,
      actorId: actor.userId,
      action: input.published ? "award.published" : "award.unpublished",
      subjectType: "Award",
      subjectId: award.id,
      summary: `${input.published ? "Published" : "Unpublished"} the award for "${award.projectName}"`,
    });
    return updated;
  });
}
