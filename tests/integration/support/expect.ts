import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { ZodError } from "zod";
import type { Database } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** What an expected failure is: a tRPC error from the API, or an AppError from a domain function called directly. */
export type Failure = TRPCError | AppError;

/**
 * Expects the attempt to fail with this code (and this message, exactly or by pattern, when
 * given), and returns the error so a test can look at its cause or field errors. A call
 * that succeeds, or fails with anything but an expected failure, fails the test.
 *
 * Pass `AppError` as the type when the attempt is a domain function rather than an API call:
 * `await expectFailure<AppError>(createStory(...), "BAD_REQUEST")`.
 */
export async function expectFailure<E extends Failure = TRPCError>(
  attempt: Promise<unknown> | (() => Promise<unknown>),
  code: TRPCError["code"],
  message?: string | RegExp,
): Promise<E> {
  const error = await (typeof attempt === "function" ? attempt() : attempt).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have been refused").not.toBeNull();
  expect(error instanceof TRPCError || error instanceof AppError, `expected a refusal, got ${String(error)}`).toBe(true);
  const failure = error as Failure;
  expect(failure.code).toBe(code);
  if (typeof message === "string") expect(failure.message).toBe(message);
  else if (message) expect(failure.message).toMatch(message);
  return failure as E;
}

/** The field messages a refusal carries, keyed as the API sends them (from an AppError or the input's validation). */
export function fieldErrorsOf(error: Failure): Record<string, string[]> {
  if (error instanceof AppError) return error.fieldErrors ?? {};
  if (error.cause instanceof AppError) return error.cause.fieldErrors ?? {};
  const fieldErrors: Record<string, string[]> = {};
  if (error.cause instanceof ZodError) {
    for (const issue of error.cause.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Every row the priority-area and sub-group screens write for a partnership, as one string:
 * equal before and after a refusal proves the refusal wrote nothing.
 */
export async function subGroupRowsOf(db: Database, partnershipId: string) {
  const [areas, groups, members, requests, activity, notifications] = await Promise.all([
    db.priorityArea.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.subGroup.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.subGroupMembership.findMany({ where: { subGroup: { partnershipId } }, orderBy: { id: "asc" } }),
    db.joinRequest.findMany({ where: { subGroup: { partnershipId } }, orderBy: { id: "asc" } }),
    db.activity.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ areas, groups, members, requests, activity, notifications });
}
