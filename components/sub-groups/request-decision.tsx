"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { DECISION_NOTE_MAX, decideRequestInput } from "@/lib/schemas/sub-groups";
import { useRefreshingAction } from "./use-refreshing-action";

/** Approve or decline one join request. Declining needs a note: the person sees it. */
function RequestDecision({ joinRequestId, requesterName }: { joinRequestId: string; requesterName: string }) {
  const trpc = useTRPC();
  const decide = useMutation(trpc.subGroup.decideRequest.mutationOptions());
  const action = useRefreshingAction();
  const [decision, setDecision] = useState<"APPROVE" | "DECLINE">("APPROVE");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen = submitter?.value === "DECLINE" ? "DECLINE" : "APPROVE";
    setDecision(chosen);
    const form = new FormData(event.currentTarget);
    const parsed = decideRequestInput.safeParse({ joinRequestId, decision: chosen, note: form.get("note") });
    if (!parsed.success) {
      action.setError(null);
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    await action.run(
      () => decide.mutateAsync(parsed.data),
      chosen === "APPROVE"
        ? `${requesterName} is now a member of the sub-group.`
        : `You declined ${requesterName}'s request. They will see your note.`,
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <TextArea
        label={`Note to ${requesterName}`}
        name="note"
        rows={3}
        maxLength={DECISION_NOTE_MAX}
        hint="Optional when approving. Needed when declining: say why, and where else they might help."
        error={action.fieldErrors.note}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="APPROVE" disabled={action.pending}>
          {action.pending && decision === "APPROVE" ? "Approving…" : "Approve"}
          <span className="sr-only"> {requesterName}</span>
        </Button>
        <Button type="submit" name="decision" value="DECLINE" variant="secondary" disabled={action.pending}>
          {action.pending && decision === "DECLINE" ? "Declining…" : "Decline"}
          <span className="sr-only"> {requesterName}</span>
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const RequestDecisionWithApi = withApi(RequestDecision);
export { RequestDecisionWithApi as RequestDecision };
