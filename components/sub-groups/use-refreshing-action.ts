"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readApiError } from "@/lib/api-errors";
import { useAnnounce } from "./announcer";

/**
 * Runs one API call from a button or form, then re-renders the server page so it shows
 * the new state. Keeps the refusal message (and field messages) to show beside the control;
 * a success message goes to the surrounding Announcer when there is one (the control may
 * vanish with the refresh), else to `done` for the control to show.
 */
export function useRefreshingAction() {
  const router = useRouter();
  const announce = useAnnounce();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, successMessage: string | null = null): Promise<boolean> {
    setPending(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
    try {
      await action();
      if (successMessage && announce) announce(successMessage);
      else setDone(successMessage);
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

  return { run, pending, error, setError, fieldErrors, setFieldErrors, done };
}
