"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readApiError } from "@/lib/api-errors";

/**
 * Runs a money action with one idempotency key per attempt of a form, so a double click
 * or a retried request never moves money twice; refreshes the page on success.
 */
export function useMoneyAction<TInput extends { idempotencyKey: string }>(run: (input: TInput) => Promise<unknown>) {
  const router = useRouter();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);

  async function submit(input: Omit<TInput, "idempotencyKey">) {
    setPending(true);
    setError(null);
    setFieldErrors({});
    setDone(false);
    try {
      await run({ ...input, idempotencyKey: key } as TInput);
      setKey(crypto.randomUUID());
      setDone(true);
      router.refresh();
      return true;
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "Something went wrong. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
      return false;
    } finally {
      setPending(false);
    }
  }

  return { submit, pending, error, fieldErrors, setFieldErrors, setError, done };
}
