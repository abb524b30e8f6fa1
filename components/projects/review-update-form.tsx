"use client";

import { useId, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

type Outcome = "ACCEPT" | "RETURN";

const OUTCOMES: readonly (readonly [Outcome, string])[] = [
  ["ACCEPT", "Accept"],
  ["RETURN", "Send back"],
];

/**
 * An officer's review of a submitted progress update: accept it (which may release a
 * payment waiting for it) or send it back to the lead with a note saying what to change.
 */
function ReviewUpdateForm({ updateId, periodSequence }: { updateId: string; periodSequence: number }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState("");
  const outcomeErrorId = useId();
  const outcomeError = action.fieldErrors.outcome?.[0];

  async function review(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      action.setFieldErrors({ outcome: ["Choose to accept the update or send it back"] });
      action.setError("Please check the highlighted fields.");
      return;
    }
    const result = await action.run(() => client.project.reviewUpdate.mutate({ updateId, outcome, note }), {
      success: outcome === "ACCEPT" ? "Update accepted. The team has been told." : "Update sent back. The team has been told.",
    });
    if (result.ok) setNote("");
  }

  return (
    <form onSubmit={review} noValidate className="mt-4 max-w-prose space-y-4 rounded-md border-2 border-slate-300 p-4">
      {action.error ? <FormMessage tone="error" focus>{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
      <fieldset
        className={`space-y-2 ${outcomeError ? "border-l-4 border-red-800 pl-3" : ""}`}
        aria-describedby={outcomeError ? outcomeErrorId : undefined}
      >
        <legend className="font-semibold">Review the period {periodSequence} update</legend>
        {outcomeError ? (
          <p id={outcomeErrorId} className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {outcomeError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {OUTCOMES.map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={`outcome-${updateId}`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
                className="h-5 w-5"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label="Note to the team"
        hint="Needed if you send it back: say what the lead should change. The whole team sees it."
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={action.fieldErrors.note}
        maxLength={2000}
        rows={3}
      />
      <Button type="submit" pending={action.pending}>
        Record review
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ReviewUpdateFormWithApi = withApi(ReviewUpdateForm);
export { ReviewUpdateFormWithApi as ReviewUpdateForm };
