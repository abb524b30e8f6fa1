"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

type Candidate = { userId: string; label: string };

/** Puts a member of the partnership on the round's assessment panel. */
function AppointAssessorForm({ roundId, candidates }: { roundId: string; candidates: Candidate[] }) {
  const client = useTRPCClient();
  const action = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const userId = String(new FormData(formElement).get("userId") ?? "");
    if (!userId) {
      action.setFieldErrors({ userId: ["Choose who to appoint"] });
      return;
    }
    const result = await action.run(() => client.assessment.appointAssessor.mutate({ roundId, userId }), {
      success: "Appointed to the panel.",
    });
    if (result.ok) formElement.reset();
  }

  if (candidates.length === 0) return <p className="mt-3">Everyone in the partnership is already on the panel.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <SelectField label="Assessor" name="userId" defaultValue="" error={action.fieldErrors.userId} className="max-w-md">
        <option value="">Choose a member</option>
        {candidates.map((candidate) => (
          <option key={candidate.userId} value={candidate.userId}>
            {candidate.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" pending={action.pending} pendingLabel="Appointing…">
        Appoint to the panel
      </Button>
    </form>
  );
}

/** Takes one person off the panel; the server refuses once they have submitted scores. */
function RemoveAssessorButton({ roundId, userId, name }: { roundId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        pending={action.pending}
        pendingLabel="Removing…"
        onClick={() => action.run(() => client.assessment.removeAssessor.mutate({ roundId, userId }))}
      >
        Remove {name} from the panel
      </Button>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
    </div>
  );
}

/**
 * Moves the proposals submitted to a closed round into assessment. Stays mounted when none
 * are left to start, so the confirmation is still read out after the page refreshes.
 */
function StartAssessmentButton({ roundId, awaitingCount }: { roundId: string; awaitingCount: number }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [started, setStarted] = useState<number | null>(null);

  async function start() {
    setStarted(null);
    const result = await action.run(() => client.assessment.startAssessment.mutate({ roundId }));
    if (result.ok) setStarted(result.value.started);
  }

  return (
    <div className="space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {started !== null ? (
        <FormMessage tone="success">
          {started === 1 ? "Assessment started for 1 proposal." : `Assessment started for ${started} proposals.`}
        </FormMessage>
      ) : null}
      {awaitingCount > 0 ? (
        <>
          <p>
            {awaitingCount === 1 ? "1 submitted proposal is" : `${awaitingCount} submitted proposals are`} waiting for the
            assessment to start. Start it once the round has closed: the panel can then score.
          </p>
          <Button pending={action.pending} pendingLabel="Starting…" onClick={start}>
            Start assessment
          </Button>
        </>
      ) : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AppointAssessorFormWithApi = withApi(AppointAssessorForm);
const RemoveAssessorButtonWithApi = withApi(RemoveAssessorButton);
const StartAssessmentButtonWithApi = withApi(StartAssessmentButton);
export { AppointAssessorFormWithApi as AppointAssessorForm, RemoveAssessorButtonWithApi as RemoveAssessorButton, StartAssessmentButtonWithApi as StartAssessmentButton };
