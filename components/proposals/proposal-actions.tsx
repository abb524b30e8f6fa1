"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";
import type { MissingItem } from "@/server/domain/proposals/completeness";

type MissingEntry = { section: string; messages: string[] };

function sectionHref(editPath: string, section: string) {
  return section === "round" ? `${editPath}#round` : `${editPath}#edit-${section}`;
}

function MissingList({ entries, editPath, linkClassName }: { entries: MissingEntry[]; editPath: string; linkClassName?: string }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-6">
      {entries.flatMap(({ section, messages }) =>
        messages.map((message) => (
          <li key={`${section}-${message}`}>
            <a href={sectionHref(editPath, section)} className={linkClassName}>
              {section in PROPOSAL_SECTION_LABELS ? `${PROPOSAL_SECTION_LABELS[section as ProposalSectionKey]}: ` : ""}
              {message}
            </a>
          </li>
        )),
      )}
    </ul>
  );
}

/**
 * Submits the proposal to its round. What still stops submission is listed once: before
 * a try, the page's live list; after a refused try, the server's list in its place (with
 * the server's heading), so no message shows twice.
 */
export function SubmitProposalButton({
  proposalId,
  editPath,
  missing,
}: {
  proposalId: string;
  editPath: string;
  missing: readonly MissingItem[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const refused = Object.entries(action.fieldErrors).map(([section, messages]) => ({ section, messages }));
  const live: MissingEntry[] = missing.map((item) => ({ section: item.section, messages: [item.message] }));
  return (
    <div className="space-y-3">
      {action.error ? (
        <div role="alert" className="max-w-prose rounded-md border-4 border-red-800 p-4" data-testid="submit-refused">
          <h3 className="text-xl font-semibold">{action.error}</h3>
          {refused.length > 0 ? <MissingList entries={refused} editPath={editPath} linkClassName="font-semibold text-red-800" /> : null}
        </div>
      ) : live.length > 0 ? (
        <div className="max-w-prose rounded-md border-l-4 border-slate-700 bg-slate-50 p-4" data-testid="still-to-do">
          <h3 className="font-semibold">Still to do before it can be submitted</h3>
          <MissingList entries={live} editPath={editPath} />
        </div>
      ) : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <Button
        pending={action.pending}
        pendingLabel="Submitting…"
        onClick={() => action.run(() => client.proposal.submit.mutate({ proposalId }), { success: "Submitted. The authors and the partnership's officers have been told." })}
      >
        Submit the proposal
      </Button>
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
