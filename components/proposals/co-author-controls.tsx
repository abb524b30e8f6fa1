"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** The lead author invites a co-author from any organisation in the partnership. */
export function AddCoAuthorForm({
  proposalId,
  candidates,
}: {
  proposalId: string;
  candidates: { userId: string; label: string }[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [userId, setUserId] = useState("");
  async function add(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.proposal.addCoAuthor.mutate({ proposalId, userId }), {
      success: "Co-author added. They have been told and can edit now.",
    });
    if (result.ok) setUserId("");
  }
  return (
    <form onSubmit={add} noValidate className="mt-3 space-y-3">
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <SelectField
        label="Co-author"
        hint="Anyone in the partnership, from any organisation or sector."
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        error={action.fieldErrors.userId ?? action.error}
      >
        <option value="">Choose a person</option>
        {candidates.map((candidate) => (
          <option key={candidate.userId} value={candidate.userId}>
            {candidate.label}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClass.secondary} disabled={action.pending}>
        Add co-author
      </button>
    </form>
  );
}

export function RemoveCoAuthorButton({ proposalId, userId, name }: { proposalId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass.quiet}
        disabled={action.pending}
        onClick={() => action.run(() => client.proposal.removeCoAuthor.mutate({ proposalId, userId }))}
      >
        Remove<span className="sr-only"> {name} as co-author</span>
      </button>
      {action.error ? (
        <span role="alert" className="font-semibold text-red-800">
          {action.error}
        </span>
      ) : null}
    </span>
  );
}

/** Hands the proposal's lead to this co-author (the current lead stays on as a co-author). */
export function MakeLeadAuthorButton({ proposalId, userId, name }: { proposalId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass.quiet}
        disabled={action.pending}
        onClick={() => action.run(() => client.proposal.changeLeadAuthor.mutate({ proposalId, userId }))}
      >
        Make lead author<span className="sr-only">: {name}</span>
      </button>
      {action.error ? (
        <span role="alert" className="font-semibold text-red-800">
          {action.error}
        </span>
      ) : null}
    </span>
  );
}
