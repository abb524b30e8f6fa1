"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, SelectField, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** Starts a draft proposal with the other person as co-author, in a sub-group both are in. */
function StartProposalForm({
  connectionId,
  otherName,
  subGroups,
}: {
  connectionId: string;
  otherName: string;
  subGroups: { id: string; name: string }[];
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [subGroupId, setSubGroupId] = useState(subGroups.length === 1 ? subGroups[0]!.id : "");
  const [title, setTitle] = useState("");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await action.run(() => client.event.startProposal.mutate({ connectionId, subGroupId, title }), { refresh: false });
    if (result.ok) router.push(result.value.path);
  }

  const summary = Object.entries(action.fieldErrors).map(([key, messages]) => [key, messages[0] ?? ""] as const);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? (
        <ErrorSummary message={action.error} problems={summary} hrefFor={(key) => `proposal-${key}`} />
      ) : null}
      <SelectField
        id="proposal-subGroupId"
        label="Sub-group"
        hint={`Sub-groups you and ${otherName} both belong to.`}
        value={subGroupId}
        onChange={(event) => setSubGroupId(event.target.value)}
        error={action.fieldErrors.subGroupId}
      >
        <option value="">Choose a sub-group</option>
        {subGroups.map((subGroup) => (
          <option key={subGroup.id} value={subGroup.id}>
            {subGroup.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="proposal-title"
        label="Working title"
        hint="You can change it later."
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={action.fieldErrors.title}
        autoComplete="off"
      />
      <Button type="submit" pending={action.pending}>
        Start the draft proposal
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const StartProposalFormWithApi = withApi(StartProposalForm);
export { StartProposalFormWithApi as StartProposalForm };
