"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";

/**
 * Submits the proposal to its round. When the server finds something missing it says what,
 * section by section, with a link to each in the editor.
 */
export function SubmitProposalButton({ proposalId, editPath }: { proposalId: string; editPath: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const missing = Object.entries(action.fieldErrors);
  return (
    <div className="space-y-3">
      {action.error ? (
        <div role="alert" className="rounded-md border-4 border-red-800 p-4">
          <h2 className="text-xl font-semibold">{action.error}</h2>
          {missing.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {missing.map(([section, messages]) => (
                <li key={section}>
                  <a href={section === "round" ? `${editPath}#round` : `${editPath}#edit-${section}`} className="font-semibold text-red-800">
                    {section in PROPOSAL_SECTION_LABELS ? `${PROPOSAL_SECTION_LABELS[section as ProposalSectionKey]}: ` : ""}
                    {messages.join(" ")}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <button
        type="button"
        className={buttonClass.primary}
        disabled={action.pending}
        onClick={() => action.run(() => client.proposal.submit.mutate({ proposalId }), { success: "Submitted. The authors and the partnership's officers have been told." })}
      >
        {action.pending ? "Submitting…" : "Submit the proposal"}
      </button>
    </div>
  );
}

export function ReturnToDraftButton({ proposalId }: { proposalId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <div className="space-y-2">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={action.pending}
        onClick={() => action.run(() => client.proposal.returnToDraft.mutate({ proposalId }))}
      >
        Take back to draft to make changes
      </button>
    </div>
  );
}

export function WithdrawProposalForm({ proposalId }: { proposalId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [reason, setReason] = useState("");
  async function withdraw(event: FormEvent) {
    event.preventDefault();
    await action.run(() => client.proposal.withdraw.mutate({ proposalId, reason }));
  }
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-800">Withdraw this proposal</summary>
      <form onSubmit={withdraw} noValidate className="mt-3 max-w-prose space-y-3">
        {action.error && !action.fieldErrors.reason ? <FormMessage tone="error">{action.error}</FormMessage> : null}
        <TextArea
          label="Why is it being withdrawn?"
          hint="The co-authors and the sub-group see this. A withdrawn proposal cannot be submitted again."
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={action.fieldErrors.reason}
          maxLength={1000}
          rows={3}
        />
        <button type="submit" className={buttonClass.secondary} disabled={action.pending}>
          Withdraw the proposal
        </button>
      </form>
    </details>
  );
}

/** Chooses (or changes) the open round a draft is for. */
export function ChooseRoundForm({
  proposalId,
  currentRoundId,
  rounds,
}: {
  proposalId: string;
  currentRoundId: string | null;
  rounds: { id: string; label: string }[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [roundId, setRoundId] = useState(currentRoundId ?? rounds[0]?.id ?? "");
  async function choose(event: FormEvent) {
    event.preventDefault();
    await action.run(() => client.proposal.chooseRound.mutate({ proposalId, roundId }), { success: "Round chosen." });
  }
  if (rounds.length === 0) return <p className="text-slate-700">No funding round is open to this sub-group just now.</p>;
  return (
    <form onSubmit={choose} noValidate className="flex flex-wrap items-end gap-3">
      <SelectField
        id="round"
        label="Funding round"
        value={roundId}
        onChange={(event) => setRoundId(event.target.value)}
        error={action.fieldErrors.roundId ?? (action.error ? action.error : null)}
        className="min-w-0 flex-1"
      >
        {rounds.map((round) => (
          <option key={round.id} value={round.id}>
            {round.label}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClass.secondary} disabled={action.pending}>
        Choose this round
      </button>
      {action.done ? <p role="status">{action.done}</p> : null}
    </form>
  );
}
