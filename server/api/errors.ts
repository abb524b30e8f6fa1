import { TRPCError } from "@trpc/server";

/** True when a server-side API call failed because the thing does not exist or is not visible to the actor. */
export function isNotFoundError(error: unknown): boolean {
  return error instanceof TRPCError && error.code === "NOT_FOUND";
}
