"use client";

import { FocusedMessage } from "@/components/events/focused-message";
import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** An organiser cancels the event, with an optional message for everyone going or waiting. */
export function CancelEventForm({ eventId }: { eventId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(() => client.event.cancel.mutate({ eventId, reason }), { success: "The event is cancelled and everyone has been told." });
  }

  if (!confirming) {
    return (
      <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
        Cancel this event
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-3 rounded-md border-2 border-red-800 p-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FocusedMessage>{action.done}</FocusedMessage> : null}
      <TextArea
        label="Message to people going and waiting (optional)"
        hint="For example why, and whether it will be rearranged."
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={action.fieldErrors.reason}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className={buttonClasses("primary")} disabled={action.pending}>
          Yes, cancel the event
        </button>
        <button type="button" className={buttonClasses("quiet")} onClick={() => setConfirming(false)}>
          Keep the event
        </button>
      </div>
    </form>
  );
}
