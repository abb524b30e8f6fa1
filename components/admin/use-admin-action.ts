"use client";

import { useApiAction } from "@/components/ui/use-api-action";

/**
 * Runs one administration call: tracks pending state, keeps the server's message and
 * field errors on failure, and re-renders the page's server components on success.
 */
export function useAdminAction<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const action = useApiAction();

  async function submit(input: TInput, options: { refresh?: boolean } = {}): Promise<TResult | null> {
    const result = await action.run(() => run(input), { refresh: options.refresh });
    return result.ok ? result.value : null;
  }

  return {
    submit,
    pending: action.pending,
    error: action.error,
    fieldErrors: action.fieldErrors,
    setFieldErrors: action.setFieldErrors,
    setError: action.setError,
    reset: action.reset,
  };
}
