"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { paths } from "@/lib/paths";
import { PROPOSAL_TITLE_MAX } from "@/lib/schemas/proposals";

/** Starts a draft with a working title (and, optionally, the round it is for), then opens the editor. */
function StartProposalForm({
  subGroupId,
  slug,
  rounds,
}: {
  subGroupId: string;
  slug: string;
  rounds: { id: string; label: string }[];
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [title, setTitle] = useState("");
  const [roundId, setRoundId] = useState(rounds[0]?.id ?? "");

  async function start(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(
      () => client.proposal.create.mutate({ subGroupId, title, roundId: roundId || null }),
      { refresh: false },
    );
    if (result.ok) router.push(paths.editProposal(slug, result.value.id));
  }

  return (
    <form onSubmit={start} noValidate className="mt-4 space-y-4">
      {action.error ? (
        <FormMessage tone="error" focus focusKey={action.error}>
          {action.error}
        </FormMessage>
      ) : null}
      <TextField
        label="Working title"
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={action.fieldErrors.title}
        maxLength={PROPOSAL_TITLE_MAX}
        required
      />
      {rounds.length > 0 ? (
        <SelectField
          label="Funding round"
          hint="The open round this proposal is for. You can choose later."
          name="roundId"
          value={roundId}
          onChange={(event) => setRoundId(event.target.value)}
          error={action.fieldErrors.roundId}
        >
          <option value="">Decide later</option>
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.label}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="text-slate-700">No funding round is open to this sub-group just now; you can choose one later.</p>
      )}
      <Button type="submit" pending={action.pending} pendingLabel="Starting…">
        Start the proposal
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const StartProposalFormWithApi = withApi(StartProposalForm);
export { StartProposalFormWithApi as StartProposalForm };
