"use client";

import { useApiAction } from "@/components/ui/use-api-action";
import { useAnnounce } from "./announcer";

/**
 * Runs one API call from a button or form, then re-renders the server page so it shows
 * the new state. Keeps the refusal message (and field messages) to show beside the control;
 * a success message goes to the surrounding Announcer when there is one (the control may
 * vanish with the refresh), else to `done` for the control to show.
 */
export function useRefreshingAction() {
  const announce = useAnnounce();
  const action = useApiAction();

  async function run(work: () => Promise<unknown>, successMessage: string | null = null): Promise<boolean> {
    const result = await action.run(work, { success: announce ? null : successMessage });
    if (result.ok && successMessage && announce) announce(successMessage);
    return result.ok;
  }

  return {
    run,
    pending: action.pending,
    error: action.error,
    setError: action.setError,
    fieldErrors: action.fieldErrors,
    setFieldErrors: action.setFieldErrors,
    done: action.done,
  };
}
