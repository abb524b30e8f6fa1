"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, TextArea } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { JOIN_MESSAGE_MAX, joinSubGroupInput } from "@/lib/schemas/sub-groups";
import { formatInstantDay } from "@/lib/uk-time";
import { useRefreshingAction } from "./use-refreshing-action";

export type JoinControlsProps = {
  subGroupId: string;
  subGroupName: string;
  joinPolicy: "OPEN" | "APPROVAL";
  canJoin: boolean;
  myRole: "LEAD" | "MEMBER" | null;
  pendingRequest: { id: string; createdAt: Date } | null;
  /** Offer "Leave" (the sub-group's own page does; the priorities list does not). */
  allowLeave?: boolean;
  isOnlyLead?: boolean;
};

/** Join, ask to join, withdraw a request or leave: whichever applies to the person looking. */
function JoinControls({
  subGroupId,
  subGroupName,
  joinPolicy,
  canJoin,
  myRole,
  pendingRequest,
  allowLeave = false,
  isOnlyLead = false,
}: JoinControlsProps) {
  const trpc = useTRPC();
  const join = useMutation(trpc.subGroup.join.mutationOptions());
  const withdraw = useMutation(trpc.subGroup.withdrawRequest.mutationOptions());
  const leave = useMutation(trpc.subGroup.leave.mutationOptions());
  const action = useRefreshingAction();
  const [asking, setAsking] = useState(false);
  const messageId = useId();

  // Opening the request form moves focus to its message box, so keyboard users land in it.
  useEffect(() => {
    if (asking) document.getElementById(messageId)?.focus();
  }, [asking, messageId]);

  async function sendRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = joinSubGroupInput.safeParse({ subGroupId, message: form.get("message") });
    if (!parsed.success) {
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    const sent = await action.run(
      () => join.mutateAsync(parsed.data),
      "Your request has been sent. The sub-group's leads will reply, and you will get a notification.",
    );
    if (sent) setAsking(false);
  }

  // The outcome sits in one place whatever the controls below become, and takes focus
  // when it appears (the button that acted is usually gone after the refresh).
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (action.done) outcome.current?.focus();
  }, [action.done]);
  const messages = (
    <div ref={outcome} tabIndex={-1} data-testid="join-outcome" className="space-y-2 focus:outline-none focus-visible:ring-2">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
    </div>
  );

  if (myRole !== null) {
    if (!allowLeave) return <div className="space-y-2">{messages}</div>;
    if (isOnlyLead) {
      return (
        <div className="space-y-2">
          {messages}
          <p className="text-slate-700">You are the only lead, so you cannot leave until someone else is a lead.</p>
        </div>
      );
    }
    return (
      <div className="space-y-2">
        {messages}
        <ConfirmAction
          label="Leave this sub-group"
          question={`Leave ${subGroupName}?`}
          consequences="You will stop getting its notifications. You can ask to join again later."
          confirmLabel="Yes, leave"
          variant="primary"
          pending={action.pending}
          onConfirm={() => action.run(() => leave.mutateAsync({ subGroupId }), `You have left ${subGroupName}.`)}
        />
      </div>
    );
  }

  // An open sub-group is joined at once (even by someone whose earlier request still waits).
  if (canJoin && joinPolicy === "OPEN") {
    return (
      <div className="space-y-2">
        {messages}
        <Button
          pending={action.pending}
          onClick={() => action.run(() => join.mutateAsync({ subGroupId }), `You have joined ${subGroupName}.`)}
        >
          {action.pending ? "Joining…" : "Join"}
          <span className="sr-only"> {subGroupName}</span>
        </Button>
      </div>
    );
  }

  if (pendingRequest) {
    return (
      <div className="space-y-2">
        {messages}
        <p>
          You asked to join on {formatInstantDay(pendingRequest.createdAt)}. A lead will reply.
        </p>
        <Button
          variant="secondary"
          pending={action.pending}
          onClick={() =>
            action.run(() => withdraw.mutateAsync({ joinRequestId: pendingRequest.id }), "Your request has been withdrawn.")
          }
        >
          {action.pending ? "Withdrawing…" : "Withdraw request"}
          <span className="sr-only"> to join {subGroupName}</span>
        </Button>
      </div>
    );
  }

  if (!canJoin) return <div className="space-y-2">{messages}</div>;

  return (
    <div className="space-y-2">
      {messages}
      {asking ? (
        <form onSubmit={sendRequest} noValidate className="max-w-xl space-y-3">
          <TextArea
            label="Message to the leads (optional)"
            name="message"
            rows={3}
            maxLength={JOIN_MESSAGE_MAX}
            hint="Say what you could bring, for example your organisation's work in this area."
            error={action.fieldErrors.message}
            id={messageId}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={action.pending} pendingLabel="Sending…">
              Send request
            </Button>
            <Button variant="quiet" onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button onClick={() => setAsking(true)}>
          Request to join
          <span className="sr-only"> {subGroupName}</span>
        </Button>
      )}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const JoinControlsWithApi = withApi(JoinControls);
export { JoinControlsWithApi as JoinControls };
