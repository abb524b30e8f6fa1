"use client";

import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** "I'm going" and "I can't come": the answer is shown on the page once it re-renders. */
export function RsvpControls({
  eventId,
  status,
  full,
}: {
  eventId: string;
  status: "GOING" | "WAITING" | "CANCELLED" | null;
  full: boolean;
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const replied = status === "GOING" || status === "WAITING";

  async function reply() {
    await action.run(() => client.event.rsvp.mutate({ eventId }), {
      success: full ? "You have joined the waiting list." : "Your reply is saved.",
    });
  }
  async function cancel() {
    await action.run(() => client.event.cancelRsvp.mutate({ eventId }), {
      success: status === "WAITING" ? "You have left the waiting list." : "Your place is cancelled. Thank you for letting us know.",
    });
  }

  return (
    <div className="space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      {replied ? (
        <button type="button" className={buttonClass.secondary} disabled={action.pending} onClick={() => void cancel()}>
          {status === "WAITING" ? "Leave the waiting list" : "I can no longer come"}
        </button>
      ) : (
        <button type="button" className={buttonClass.primary} disabled={action.pending} onClick={() => void reply()}>
          {full ? "Join the waiting list" : "I'm going"}
        </button>
      )}
    </div>
  );
}
