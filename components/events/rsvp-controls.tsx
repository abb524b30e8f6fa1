"use client";

import { useEffect, useRef } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

type ReplyStatus = "GOING" | "WAITING" | "CANCELLED" | null;

export type YourPlaceProps = {
  eventId: string;
  status: ReplyStatus;
  /** Place in the waiting list queue, when waiting. */
  position: number | null;
  eventCancelled: boolean;
  started: boolean;
  canReply: boolean;
  full: boolean;
  calendarPath: string;
};

/** One sentence for where the person stands: never two that disagree. */
export function placeSentence({ status, position, eventCancelled, started, full }: YourPlaceProps): string {
  if (eventCancelled) return "This event has been cancelled.";
  if (status === "GOING") return "You are going.";
  if (status === "WAITING")
    return `You are on the waiting list: number ${position ?? "?"} in the queue. If a place comes up, it is yours and we will tell you.`;
  if (started) return status === "CANCELLED" ? "You cancelled your place. This event has started." : "This event has started, so it no longer takes replies.";
  if (status === "CANCELLED")
    return full
      ? "You cancelled your place. If you can come after all, you can join the waiting list."
      : "You cancelled your place. If you can come after all, reply again.";
  return "You have not replied yet.";
}

/**
 * "Your place": where the person stands, "I'm going" or "I can't come", and the calendar
 * file for those with a confirmed place. After a reply the page re-renders and focus moves
 * to the new sentence, so a screen reader hears the result.
 */
function YourPlace(props: YourPlaceProps) {
  const { eventId, status, canReply, full, calendarPath } = props;
  const client = useTRPCClient();
  const action = useApiAction();
  const sentenceRef = useRef<HTMLParagraphElement>(null);
  /** The status the page showed when a reply was sent; focus moves once the page shows the new one. */
  const replacedStatus = useRef<ReplyStatus | undefined>(undefined);
  const replied = status === "GOING" || status === "WAITING";

  useEffect(() => {
    if (replacedStatus.current === undefined || replacedStatus.current === status) return;
    replacedStatus.current = undefined;
    sentenceRef.current?.focus();
  }, [status]);

  async function send(call: () => Promise<unknown>) {
    replacedStatus.current = status;
    const result = await action.run(call);
    if (!result.ok) replacedStatus.current = undefined;
  }
  const reply = () => send(() => client.event.rsvp.mutate({ eventId }));
  const cancel = () => send(() => client.event.cancelRsvp.mutate({ eventId }));

  return (
    <div className="space-y-3">
      <p ref={sentenceRef} tabIndex={-1} data-testid="your-place-status" className="mt-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-800">
        {placeSentence(props)}
      </p>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {canReply ? (
        replied ? (
          <Button variant="secondary" pending={action.pending} onClick={() => void cancel()}>
            {status === "WAITING" ? "Leave the waiting list" : "I can no longer come"}
          </Button>
        ) : (
          <Button pending={action.pending} onClick={() => void reply()}>
            {full ? "Join the waiting list" : "I'm going"}
          </Button>
        )
      ) : null}
      {status === "GOING" ? (
        <>
          <p className="mt-4">
            <ButtonAnchor href={calendarPath} download variant="secondary">
              Add to calendar<span className="sr-only"> (.ics file)</span>
            </ButtonAnchor>
          </p>
          <p className="text-sm text-slate-700">An .ics file for Outlook, Google Calendar or Apple Calendar.</p>
        </>
      ) : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const YourPlaceWithApi = withApi(YourPlace);
export { YourPlaceWithApi as YourPlace };
