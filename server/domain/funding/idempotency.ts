import { createHash } from "node:crypto";
import type { Database } from "@/server/db/client";
import { violatedUniqueIndex } from "@/server/db/errors";
import { createId } from "@/server/db/ids";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";

/**
 * Every request that moves money carries an idempotency key, so a double click or a retried
 * request changes nothing the second time. A key counts within one partnership and one
 * operation, and is bound to a fingerprint of what was asked:
 * - the same key and the same request again gets the first result;
 * - the same key with different details is refused, and nothing changes;
 * - a key another partnership used means nothing here: it is a new key.
 * The key is claimed in the same transaction as the money movement, so a request that fails
 * leaves no claim and may be sent again.
 */

type Tx = Prisma.TransactionClient;

/** The kinds of request that move money, named after the procedure a person calls. */
export type MoneyOperation =
  | "funding.awardGrant"
  | "funding.payTranche"
  | "funding.varyAward"
  | "funding.withdrawAward"
  | "funding.returnUnderspend"
  | "funding.completeAward"
  | "assessment.decide";

export type IdempotentRequest = {
  partnershipId: string;
  operation: MoneyOperation;
  key: string;
  /** sha256 of the request's canonical JSON, without the key. */
  requestHash: string;
};

export const REQUEST_CHANGED_MESSAGE =
  "This request was already made with different details. Nothing was changed: reload the page and try again.";

const KEY_INDEX = "IdempotencyKey_partnershipId_operation_key_key";

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[name];
      // A field left out and a field sent as null mean the same to every Tandem input.
      if (item === undefined || item === null) continue;
      sorted[name] = canonical(item);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON with object keys sorted, dates as ISO strings and empty (null or missing) fields left
 * out, so the same request always gives the same text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

/** The fingerprint of a request: everything it asked for except its idempotency key. */
export function requestFingerprint(input: { idempotencyKey: string }): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

/** Names a money request by its partnership, operation and key, with its fingerprint. */
export function idempotentRequest(
  partnershipId: string,
  operation: MoneyOperation,
  input: { idempotencyKey: string },
): IdempotentRequest {
  return { partnershipId, operation, key: input.idempotencyKey, requestHash: requestFingerprint(input) };
}

const scope = (request: IdempotentRequest) => ({
  partnershipId_operation_key: { partnershipId: request.partnershipId, operation: request.operation, key: request.key },
});

/**
 * Claims the key for the award the request creates or changes, inside the money transaction
 * and before its ledger entry. A second request with the same key waits here for the first
 * to finish; once the first has committed, the claim fails on the unique index (see
 * isIdempotencyReplay) and the request is answered from the first one's result.
 */
export async function claimIdempotencyKey(tx: Tx, request: IdempotentRequest, awardId: string) {
  await tx.idempotencyKey.create({
    data: {
      partnershipId: request.partnershipId,
      operation: request.operation,
      key: request.key,
      requestHash: request.requestHash,
      awardId,
    },
  });
}

/**
 * The same claim as claimIdempotencyKey, as an INSERT to run inside a larger statement (a
 * grant writes its award, tranches, claim and audit entry in one). The row's id and time
 * are made here, as Prisma would make them.
 */
export function idempotencyKeyInsert(request: IdempotentRequest, awardId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "IdempotencyKey" ("id", "partnershipId", "operation", "key", "requestHash", "awardId", "createdAt")
    VALUES (${createId()}, ${request.partnershipId}, ${request.operation}, ${request.key}, ${request.requestHash}, ${awardId}, ${at})`;
}

/** Whether an error is the database refusing a second claim of a key (a retried request). */
export function isIdempotencyReplay(error: unknown): boolean {
  return violatedUniqueIndex(error) === KEY_INDEX;
}

/**
 * The award an earlier request with this key (in this partnership, for this operation)
 * created or changed, or null if the key is new here. Refuses a reused key whose request
 * asked for something different.
 *
 * Requests recorded before fingerprints were kept have none: they are answered as before,
 * as long as they were about the same award (`expectedAwardId`, when the request names one).
 */
export async function earlierResult(
  db: Database | Tx,
  request: IdempotentRequest,
  expectedAwardId?: string,
): Promise<{ awardId: string } | null> {
  const earlier = await db.idempotencyKey.findUnique({ where: scope(request), select: { requestHash: true, awardId: true } });
  return matchEarlier(earlier, request, expectedAwardId);
}

/**
 * What earlierResult decides about the key's row once it has been read (by whoever read it):
 * null when there is none, the award when it is the same request again, and a refusal when
 * the key was used for a different request.
 */
export function matchEarlier(
  earlier: { requestHash: string | null; awardId: string } | null,
  request: IdempotentRequest,
  expectedAwardId?: string,
): { awardId: string } | null {
  if (!earlier) return null;
  const sameRequest =
    earlier.requestHash === null
      ? expectedAwardId === undefined || earlier.awardId === expectedAwardId
      : earlier.requestHash === request.requestHash;
  if (!sameRequest) throw new AppError("CONFLICT", REQUEST_CHANGED_MESSAGE);
  return { awardId: earlier.awardId };
}
