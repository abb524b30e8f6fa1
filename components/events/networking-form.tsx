"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { MAX_NETWORKING_ROUNDS } from "@/lib/event-kinds";
import type { NetworkingPlanning as Planning } from "@/server/domain/events/networking";

/** How often the page asks how the planning is getting on. */
const POLL_MS = 1_000;

const FAILED = "The rounds could not be planned. Please try again.";

const active = (planning: Planning | null | undefined) => planning?.status === "waiting" || planning?.status === "planning";

/** What the live region says while the queue plans the rounds. */
function progressLine(planning: Planning): string {
  if (planning.status === "waiting") return planning.message ?? "Waiting to start planning the rounds…";
  if (planning.done < planning.total) return `Planning round ${planning.done + 1} of ${planning.total}…`;
  return `All ${planning.total} rounds planned: finishing the plan…`;
}

/**
 * The organiser plans (or plans again) the speed-networking rounds for the people going.
 * The planning runs on the job queue: this asks for it, follows its progress (announced
 * politely) and, once it is done, reloads the page's plan.
 */
function NetworkingForm({ eventId, planned, latest }: { eventId: string; planned: boolean; latest: Planning | null }) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [rounds, setRounds] = useState("3");
  // The request being followed (one still running when the page loaded, or the one just made), as last heard of.
  const [progress, setProgress] = useState<Planning | null>(active(latest) ? latest : null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string; failed: boolean; count: number } | null>(
    latest?.status === "failed" ? { tone: "error", message: latest.message ?? FAILED, failed: true, count: 0 } : null,
  );
  const following = useRef<string | null>(null);

  /** Asks how the request is getting on until it has finished, then shows the plan (or why not). */
  const follow = useCallback(
    async (jobId: string) => {
      following.current = jobId;
      let view: Planning | null = null;
      while (following.current === jobId) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (following.current !== jobId) return;
        try {
          view = await client.event.networkingPlanning.query({ eventId, jobId });
        } catch {
          continue; // A dropped connection: ask again next time.
        }
        if (!view || !active(view)) break;
        setProgress(view);
      }
      if (following.current !== jobId) return;
      following.current = null;
      setProgress(null);
      const count = Date.now();
      if (!view || view.status === "failed") setOutcome({ tone: "error", message: view?.message ?? FAILED, failed: true, count });
      else if (view.message) setOutcome({ tone: "error", message: view.message, failed: false, count });
      else {
        setOutcome({ tone: "success", message: "The rounds are planned. Everyone going can now see their own schedule on this page.", failed: false, count });
        router.refresh();
      }
    },
    [client, eventId, router],
  );

  // A request still running when the page loaded (or was refreshed) is followed too; stop following on leaving.
  useEffect(() => {
    if (latest && active(latest) && following.current === null) void follow(latest.jobId);
    return () => {
      following.current = null;
    };
  }, [follow, latest]);

  async function requestPlan() {
    const count = Number(rounds.trim());
    if (!/^\d+$/.test(rounds.trim()) || count < 1 || count > MAX_NETWORKING_ROUNDS) {
      action.setError("Please check the number of rounds.");
      action.setFieldErrors({ rounds: [`Enter a whole number from 1 to ${MAX_NETWORKING_ROUNDS}`] });
      return;
    }
    setOutcome(null);
    const requested = await action.run(() => client.event.generateNetworking.mutate({ eventId, rounds: count }), { refresh: false });
    if (!requested.ok) return;
    setProgress({ jobId: requested.value.jobId, status: "waiting", done: 0, total: count, message: null });
    if (following.current !== requested.value.jobId) void follow(requested.value.jobId);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await requestPlan();
  }

  const running = progress !== null;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {outcome ? (
        <FormMessage tone={outcome.tone} focus={outcome.count > 0} focusKey={outcome.count}>
          {outcome.message}
        </FormMessage>
      ) : null}
      {outcome?.failed ? (
        <Button type="button" variant="secondary" onClick={() => void requestPlan()} pending={action.pending}>
          Try again
        </Button>
      ) : null}
      <TextField
        label="Number of rounds"
        hint={`From 1 to ${MAX_NETWORKING_ROUNDS}. ${planned ? "Planning again replaces the current plan." : ""}`}
        inputMode="numeric"
        name="rounds"
        value={rounds}
        onChange={(event) => setRounds(event.target.value)}
        error={action.fieldErrors.rounds}
        className="max-w-xs"
      />
      {/* Always present, so screen readers announce each change of progress. */}
      <p role="status" aria-live="polite" className={running ? "font-semibold" : "sr-only"}>
        {progress ? progressLine(progress) : ""}
      </p>
      <Button type="submit" pending={action.pending || running} pendingLabel="Planning…">
        {planned ? "Plan the rounds again" : "Plan the rounds"}
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const NetworkingFormWithApi = withApi(NetworkingForm);
export { NetworkingFormWithApi as NetworkingForm };
