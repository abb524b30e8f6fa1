"use client";

import { ErrorSummary } from "@/components/ui/form";

/** The id of a form's control for a field key as the API names it ("tranches.0.dueOn"). */
export function fieldId(form: string, key: string): string {
  return `${form}-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/**
 * "There is a problem" at the top of a money form: the form's message and a link to each
 * field in error, so a long form's mistakes are found without scrolling through it.
 */
export function FormProblems({
  form,
  message,
  fieldErrors,
}: {
  /** The prefix of the form's control ids (see fieldId). */
  form: string;
  message: string | null;
  fieldErrors: Record<string, string[] | undefined>;
}) {
  if (!message) return null;
  const problems = Object.entries(fieldErrors)
    .filter((entry): entry is [string, string[]] => Boolean(entry[1]?.[0]))
    .map(([key, messages]) => [key, messages[0]!] as const);
  return <ErrorSummary message={message} problems={problems} hrefFor={(key) => fieldId(form, key)} />;
}
