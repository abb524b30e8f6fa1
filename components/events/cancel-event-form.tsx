"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** An organiser cancels the event, with an optional message for everyone going or waiting. */
function CancelEventForm({ eventId, cancelled }: { eventId: string; cancelled: boolean }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  // Focus follows the question when it opens and returns to its button on "Keep the event".
  const question = useRef<HTMLParagraphElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) trigger.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(() => client.event.cancel.mutate({ eventId, reason }), { success: "The event is cancelled and everyone has been told." });
  }

  if (cancelled) {
    return action.done ? (
      <FormMessage tone="success" focus>
        {action.done}
      </FormMessage>
    ) : null;
  }
  if (!confirming) {
    return (
      <Button ref={trigger} type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Cancel this event
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="cancel-event-question" className="max-w-xl space-y-3 rounded-md border-2 border-red-800 p-4">
      <p id="cancel-event-question" ref={question} tabIndex={-1} className="font-semibold">
        Cancel this event? Everyone going or on the waiting list is told, and it cannot be undone.
      </p>
      {action.error ? (
        <FormMessage tone="error" focus>
          {action.error}
        </FormMessage>
      ) : null}
      <TextArea
        label="Message to people going and waiting (optional)"
        hint="For example why, and whether it will be rearranged."
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={action.fieldErrors.reason}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" variant="warning" pending={action.pending}>
          Yes, cancel the event
        </Button>
        <Button type="button" variant="quiet" onClick={() => setConfirming(false)}>
          Keep the event
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CancelEventFormWithApi = withApi(CancelEventForm);
export { CancelEventFormWithApi as CancelEventForm };
