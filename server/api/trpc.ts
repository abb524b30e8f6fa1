import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Grant, MemberGrant } from "@/server/auth/grants";
import { authorize, type GrantMemo } from "@/server/auth/resolve";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { isTransactionUnavailable } from "@/server/db/errors";
import { countRequest, peekRequest, RateLimitedError } from "@/server/domain/rate-limits/rate-limit";
import { getEnv } from "@/server/env";
import { AppError, GENERIC_ERROR_MESSAGE, notFound } from "@/server/errors";
import { describeForLog, log } from "@/server/log";
import { traceProcedure } from "./tracing";

export type TRPCContext = {
  db: Database;
  actor: Actor | null;
  /** The site's address for links this request puts in emails and calendar files (server/site-address). */
  siteOrigin?: string;
  /** The request's id, on every log line written for it (server/request-context). */
  requestId?: string;
  /** Grants this request has resolved, shared by its calls (a server-rendered page makes several). */
  grants?: GrantMemo;
};

export function createTRPCContext(context: TRPCContext): TRPCContext {
  return context;
}

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export { describeForLog };

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path, ctx }) {
    const cause = error.cause;
    let message: string;
    let fieldErrors: Record<string, string[]> | undefined;
    if (cause instanceof AppError) {
      message = cause.userMessage;
      fieldErrors = cause.fieldErrors;
    } else if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
      // An input refused by its schema: expected, answered field by field, not logged.
      message = "Please check the highlighted fields.";
      fieldErrors = fieldErrorsOf(cause);
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      // Unexpected (a database failure, an output that does not fit its schema): logged
      // without the message or the input, which may hold personal data.
      log.error({ requestId: ctx?.requestId, procedure: path ?? "unknown", err: describeForLog(error.cause ?? error) }, "api procedure failed");
      message = GENERIC_ERROR_MESSAGE;
    } else if (error.code === "NOT_FOUND") {
      message = "That could not be found.";
    } else if (error.code === "PARSE_ERROR" || error.code === "BAD_REQUEST") {
      message = "The request could not be understood.";
    } else {
      message = "The request could not be completed.";
    }
    // Never send a stack trace, SQL or internal detail to the browser.
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

const TRPC_CODE: Record<AppError["code"], TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** Turns expected failures (AppError) thrown anywhere below into tRPC errors with the right code. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.userMessage, cause });
  }
  if (!result.ok && isTransactionUnavailable(result.error.cause)) {
    // Every database connection stayed busy for longer than a request waits for one.
    const cause = new AppError("TOO_MANY_REQUESTS", "Tandem is very busy right now: please try again in a moment.");
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.userMessage, cause });
  }
  return result;
});

/** Every procedure passes the policy module: a procedure without a policy row is refused. */
const enforcePolicy = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const memo = ctx.grants ? { grants: ctx.grants, reading: type === "query" } : undefined;
  const grant: Grant = await authorize(ctx.db, ctx.actor, path, await getRawInput(), memo);
  return next({
    ctx: { ...ctx, grant, membership: grant.membership, subGroup: grant.subGroup, proposal: grant.proposal ?? null, project: grant.project ?? null },
  });
});

/**
 * A generous limit on the changes one person makes (TANDEM_RATE_LIMIT_MUTATIONS), counted
 * in the database so every instance shares it; the route handler puts the wait in
 * Retry-After. After the policy, and a change counts once it has succeeded: a refused or
 * failed call writes nothing, not even to the count.
 */
const limitMutations = t.middleware(async ({ ctx, type, next }) => {
  const rule = getEnv().TANDEM_RATE_LIMIT_MUTATIONS;
  if (type !== "mutation" || !ctx.actor || !rule) return next();
  const outcome = await peekRequest(ctx.db, "mutations", ctx.actor.userId, rule);
  if (!outcome.allowed) {
    throw new RateLimitedError(
      "You have made a lot of changes in a short time, so Tandem is holding the next one back.",
      outcome.retryAfterSeconds,
    );
  }
  const result = await next();
  if (result.ok) {
    // The change is made: a failure to count it is logged, not passed on as the change's failure.
    await countRequest(ctx.db, "mutations", ctx.actor.userId, rule).catch((error: unknown) => {
      log.error({ requestId: ctx.requestId, err: describeForLog(error) }, "a change could not be counted for its rate limit");
    });
  }
  return result;
});

/** Each procedure is a span in the request's trace (server/api/tracing.ts), around everything below. */
const traced = t.middleware(({ ctx, path, type, next }) => traceProcedure({ path, type, requestId: ctx.requestId }, () => next()));

const base = t.procedure.use(traced).use(mapAppErrors).use(enforcePolicy).use(limitMutations);

/** Anyone, signed in or not (the policy row must say `public`). */
export const publicProcedure = base;

/** A signed-in person. */
export const signedInProcedure = base.use(({ ctx, next }) => {
  if (!ctx.actor) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * A member of the partnership that the input points into (the policy row says through
 * which field, and which roles). `ctx.membership` is the actor's membership there.
 */
export const partnershipProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.membership) throw notFound();
  const grant: MemberGrant = { ...ctx.grant, actor: ctx.actor, membership: ctx.membership };
  return next({ ctx: { ...ctx, membership: ctx.membership, grant } });
});

/**
 * Someone the policy lets act on the sub-group that the input points into.
 * `ctx.subGroup` holds the sub-group's id, its partnership and the actor's role in it
 * (null when they act through their partnership role, e.g. an officer).
 */
export const subGroupProcedure = partnershipProcedure.use(({ ctx, next }) => {
  if (!ctx.subGroup) throw notFound();
  return next({ ctx: { ...ctx, subGroup: ctx.subGroup } });
});

/**
 * Someone the policy lets act on the proposal that the input points into.
 * `ctx.proposal` holds the proposal's ids and status and the actor's parts in it
 * (author role, sub-group role, panel seat), as read from the database for this request.
 */
export const proposalProcedure = partnershipProcedure.use(({ ctx, next }) => {
  if (!ctx.proposal || !ctx.subGroup) throw notFound();
  return next({ ctx: { ...ctx, proposal: ctx.proposal, subGroup: ctx.subGroup } });
});

/**
 * Someone the policy lets act on the funded project that the input points into.
 * `ctx.project` holds the project's id, partnership, status and the actor's team role
 * (and the update, when the input named one), as read from the database for this request.
 */
export const projectProcedure = partnershipProcedure.use(({ ctx, next }) => {
  if (!ctx.project) throw notFound();
  return next({ ctx: { ...ctx, project: ctx.project } });
});

/** A resource-scoped procedure: the policy proved the actor's part in `part` of the grant (ctx.grant). */
function resourceProcedure<const Part extends "story" | "event" | "survey" | "connection" | "answer" | "libraryResource">(part: Part) {
  return partnershipProcedure.use(({ ctx, next }) => {
    const proved = ctx.grant[part];
    if (!proved) throw notFound();
    return next({ ctx: { ...ctx, grant: { ...ctx.grant, [part]: proved } as MemberGrant & { [K in Part]: NonNullable<MemberGrant[K]> } } });
  });
}

/** Someone the policy let at the story the input names (author, reader of a published story, or an officer). */
export const storyProcedure = resourceProcedure("story");
/** Someone the policy let at the event the input names; `ctx.grant.event` says whether they organise it or were there. */
export const eventProcedure = resourceProcedure("event");
/** Someone the policy let at the reflection run the input names; `ctx.grant.survey` holds their part in it. */
export const surveyProcedure = resourceProcedure("survey");
/** One of the two people of the connection the input names. */
export const connectionProcedure = resourceProcedure("connection");
/** The person who gave the answer the input names. */
export const answerProcedure = resourceProcedure("answer");
/** Someone the policy let at the library resource the input names; `ctx.grant.libraryResource` says whether they added it. */
export const libraryResourceProcedure = resourceProcedure("libraryResource");
