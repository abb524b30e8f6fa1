/**
 * The one error type for expected failures: a code and a message written for the
 * person using Tandem. The tRPC error formatter passes `userMessage` through; any other
 * error is logged and shown as a generic message, never a stack trace or SQL.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly userMessage: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(userMessage);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

export const notFound = (what = "That") =>
  new AppError("NOT_FOUND", `${what} could not be found, or you do not have access to it.`);
export const signInRequired = () => new AppError("UNAUTHORIZED", "Please sign in to continue.");
export const notAllowed = (action = "do that") => new AppError("FORBIDDEN", `You do not have permission to ${action}.`);
