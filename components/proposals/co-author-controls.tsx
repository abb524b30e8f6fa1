"use client";

import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { InlineAction, PersonPicker, type PersonChoice } from "@/components/ui/person-picker";

/** The lead author invites a co-author from any organisation in the partnership. */
function AddCoAuthorForm({ proposalId, candidates }: { proposalId: string; candidates: PersonChoice[] }) {
  const client = useTRPCClient();
  return (
    <PersonPicker
      label="Co-author"
      hint="Anyone in the partnership, from any organisation or sector."
      people={candidates}
      submitLabel="Add co-author"
      success="Co-author added. They have been told and can edit now."
      onPick={(userId) => client.proposal.addCoAuthor.mutate({ proposalId, userId })}
    />
  );
}

function RemoveCoAuthorButton({ proposalId, userId, name }: { proposalId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  return (
    <InlineAction run={() => client.proposal.removeCoAuthor.mutate({ proposalId, userId })}>
      Remove<span className="sr-only"> {name} as co-author</span>
    </InlineAction>
  );
}

/** Hands the proposal's lead to this co-author (the current lead stays on as a co-author). */
function MakeLeadAuthorButton({ proposalId, userId, name }: { proposalId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  return (
    <InlineAction run={() => client.proposal.changeLeadAuthor.mutate({ proposalId, userId })}>
      Make lead author<span className="sr-only">: {name}</span>
    </InlineAction>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AddCoAuthorFormWithApi = withApi(AddCoAuthorForm);
const RemoveCoAuthorButtonWithApi = withApi(RemoveCoAuthorButton);
const MakeLeadAuthorButtonWithApi = withApi(MakeLeadAuthorButton);
export { AddCoAuthorFormWithApi as AddCoAuthorForm, RemoveCoAuthorButtonWithApi as RemoveCoAuthorButton, MakeLeadAuthorButtonWithApi as MakeLeadAuthorButton };
