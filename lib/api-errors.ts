/**
 * Reads what the API's error formatter sends (server/api/trpc.ts) from an error a tRPC
 * client call threw: the user-facing message and any field-level messages.
 */
export type ApiErrorView = { message: string; fieldErrors: Record<string, string[]> };

export function readApiError(error: unknown): ApiErrorView | null {
  if (!error || typeof error !== "object") return null;
  const candidate = error as { message?: unknown; data?: { fieldErrors?: Record<string, string[]> } | null };
  if (typeof candidate.message !== "string") return null;
  return { message: candidate.message, fieldErrors: candidate.data?.fieldErrors ?? {} };
}

/** Field errors from a zod safeParse result, keyed like the server's (dotted paths). */
export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}
