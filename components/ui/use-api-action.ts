"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readApiError } from "@/lib/api-errors";

export type ApiActionResult<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs one API call from a form or button: tracks pending state, keeps the server's
 * message and field errors to show beside the control on failure, and re-renders the
 * page's server components on success. The one place this behaviour lives; feature
 * hooks (admin, sub-groups, money) build on it.
 */
export function useApiAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);

  async function run<T>(
    action: () => Promise<T>,
    options: { success?: string | null; refresh?: boolean } = {},
  ): Promise<ApiActionResult<T>> {
    setPending(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
    try {
      const value = await action();
      setDone(options.success ?? null);
      if (options.refresh !== false) router.refresh();
      return { ok: true, value };
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "Something went wrong. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  function reset() {
    setError(null);
    setFieldErrors({});
    setDone(null);
  }

  return { run, pending, error, setError, fieldErrors, setFieldErrors, done, reset };
}
