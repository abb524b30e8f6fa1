"use client";

import { useState, type FormEvent } from "react";
import { OutcomeFieldset, type Outcome } from "@/components/projects/evaluation-form";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * The partnership's test-and-learn decision, recorded by an officer once the lead's
 * evaluation is in: scale up, sustain, adapt or stop, why, and what happens next for
 * recurring funding. It closes the project.
 */
function DecideProjectForm({ projectId }: { projectId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [reasons, setReasons] = useState("");
  const [nextStep, setNextStep] = useState("");

  async function decide(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!outcome) errors.outcome = ["Choose scale up, sustain, adapt or stop"];
    if (reasons.trim() === "") errors.reasons = ["Say why"];
    if (!outcome || errors.reasons) {
      action.setFieldErrors(errors);
      action.setError("Please check the highlighted fields.");
      return;
    }
    await action.run(() => client.project.decide.mutate({ projectId, outcome, reasons, nextStep }), {
      success: "Decision recorded. The project's team has been told.",
    });
  }

  return (
    <form onSubmit={decide} noValidate className="mt-4 max-w-prose space-y-6 rounded-md border-2 border-slate-300 p-4">
      <OutcomeFieldset
        legend="The partnership's decision"
        name={`outcome-${projectId}`}
        value={outcome}
        onChange={setOutcome}
        error={action.fieldErrors.outcome?.[0]}
      />
      <TextArea
        label="Reasons"
        hint="Why the partnership decided this. The team and the steering group see it."
        rows={5}
        maxLength={5_000}
        value={reasons}
        onChange={(event) => setReasons(event.target.value)}
        error={action.fieldErrors.reasons}
      />
      <TextArea
        label="Next step for recurring funding (optional)"
        hint="For example, put to the IJB budget for next year."
        rows={3}
        maxLength={2_000}
        value={nextStep}
        onChange={(event) => setNextStep(event.target.value)}
        error={action.fieldErrors.nextStep}
      />
      <div className="space-y-3">
        {action.error ? <FormMessage tone="error" focus>{action.error}</FormMessage> : null}
        {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
        <Button type="submit" pending={action.pending}>
          Record the decision
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const DecideProjectFormWithApi = withApi(DecideProjectForm);
export { DecideProjectFormWithApi as DecideProjectForm };
