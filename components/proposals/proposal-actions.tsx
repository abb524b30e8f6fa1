"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { focusWhenRendered } from "@/components/sub-groups/focus-result";
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
function SubmitProposalButton({
  proposalId,
  editPath,
  missing,
  submittedNoticeId,
}: {
  proposalId: string;
  editPath: string;
  missing: readonly MissingItem[];
  /** The lasting confirmation the page shows once submitted: focus goes there. */
  submittedNoticeId: string;
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
      {action.done ? (
        <FormMessage tone="success" focus>
          {action.done}
        </FormMessage>
      ) : null}
      <Button
        pending={action.pending}
        pendingLabel="Submitting…"
        onClick={async () => {
          const result = await action.run(() => client.proposal.submit.mutate({ proposalId }), {
            success: "Submitted. The authors and the partnership’s officers have been told.",
          });
          // The page re-renders without this button: focus follows to its lasting confirmation.
          if (result.ok) focusWhenRendered(submittedNoticeId);
        }}
      >
        Submit the proposal
      </Button>
    </div>
  );
}

function ReturnToDraftButton({ proposalId }: { proposalId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <div className="space-y-2">
      {action.error ? (
        <FormMessage tone="error" focus focusKey={action.error}>
          {action.error}
        </FormMessage>
      ) : null}
      <Button
        variant="secondary"
        pending={action.pending}
        pendingLabel="Taking back…"
        onClick={() => action.run(() => client.proposal.returnToDraft.mutate({ proposalId }))}
      >
        Take back to draft to make changes
      </Button>
    </div>
  );
}

/** Withdraws the proposal for good, with the reason the co-authors and sub-group will see; asks first. */
function WithdrawProposalForm({ proposalId }: { proposalId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [reason, setReason] = useState("");
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-800">Withdraw this proposal</summary>
      <form onSubmit={(event) => event.preventDefault()} noValidate className="mt-3 max-w-prose space-y-3">
        {action.error && !action.fieldErrors.reason ? (
          <FormMessage tone="error" focus focusKey={action.error}>
            {action.error}
          </FormMessage>
        ) : null}
        <TextArea
          label="Why is it being withdrawn?"
          hint="The co-authors and the sub-group see this. A withdrawn proposal cannot be submitted again."
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={action.fieldErrors.reason}
          maxLength={1000}
          rows={3}
        />
        <ConfirmAction
          label="Withdraw the proposal"
          question="Withdraw this proposal?"
          consequences="It cannot be submitted again. Its co-authors and the sub-group are told, with your reason."
          confirmLabel="Yes, withdraw it"
          pending={action.pending}
          onConfirm={() => action.run(() => client.proposal.withdraw.mutate({ proposalId, reason }))}
        />
      </form>
    </details>
  );
}

/** Chooses (or changes) the open round a draft is for. */
function ChooseRoundForm({
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
        className="min-w-0 flex-1 basis-64"
      >
        {rounds.map((round) => (
          <option key={round.id} value={round.id}>
            {round.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Choosing…">
        Choose this round
      </Button>
      {action.done ? (
        <div className="basis-full">
          <FormMessage tone="success" focus>
            {action.done}
          </FormMessage>
        </div>
      ) : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const SubmitProposalButtonWithApi = withApi(SubmitProposalButton);
const ReturnToDraftButtonWithApi = withApi(ReturnToDraftButton);
const WithdrawProposalFormWithApi = withApi(WithdrawProposalForm);
const ChooseRoundFormWithApi = withApi(ChooseRoundForm);
export { SubmitProposalButtonWithApi as SubmitProposalButton, ReturnToDraftButtonWithApi as ReturnToDraftButton, WithdrawProposalFormWithApi as WithdrawProposalForm, ChooseRoundFormWithApi as ChooseRoundForm };
