"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readApiError } from "@/lib/api-errors";

/**
 * Runs one administration call: tracks pending state, keeps the server's message and
 * field errors on failure, and re-renders the page's server components on success.
 */
export function useAdminAction<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function submit(input: TInput, options: { refresh?: boolean } = {}): Promise<TResult | null> {
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await run(input);
      if (options.refresh !== false) router.refresh();
      return result;
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "Something went wrong. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
      return null;
    } finally {
      setPending(false);
    }
  }

  function reset() {
    setError(null);
    setFieldErrors({});
  }

  return { submit, pending, error, fieldErrors, setFieldErrors, setError, reset };
}
