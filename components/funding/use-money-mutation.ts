"use client";

import { useState } from "react";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * Runs a money action with one idempotency key per attempt of a form, so a double click
 * or a retried request never moves money twice; refreshes the page on success.
 */
export function useMoneyAction<TInput extends { idempotencyKey: string }>(run: (input: TInput) => Promise<unknown>) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const action = useApiAction();

  async function submit(input: Omit<TInput, "idempotencyKey">) {
    const result = await action.run(() => run({ ...input, idempotencyKey: key } as TInput), { success: "done" });
    if (result.ok) setKey(crypto.randomUUID());
    return result.ok;
  }

  return {
    submit,
    pending: action.pending,
    error: action.error,
    fieldErrors: action.fieldErrors,
    setFieldErrors: action.setFieldErrors,
    setError: action.setError,
    done: action.done !== null,
  };
}
