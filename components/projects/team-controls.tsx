"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { TextField } from "@/components/ui/form";
import { InlineAction, PersonPicker, type PersonChoice } from "@/components/ui/person-picker";
import { TEAM_CANDIDATE_LIMIT } from "@/lib/schemas/projects";

/**
 * The lead or an officer adds someone from any organisation in the partnership to the
 * team: they type part of a name or organisation and choose from the people found, so the
 * page never carries the whole membership.
 */
function AddTeamMemberForm({ projectId }: { projectId: string }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = search.trim();
  const found = useQuery({
    ...trpc.project.teamCandidates.queryOptions({ projectId, search: term }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
  const people = term.length >= 2 ? (found.data ?? []) : [];
  const status =
    term.length < 2
      ? "Type at least 2 letters to find people."
      : found.isFetching && !found.data
        ? "Finding people…"
        : people.length === 0
          ? "Nobody who could join the team matches that."
          : `${people.length === TEAM_CANDIDATE_LIMIT ? `The first ${people.length}` : people.length} ${people.length === 1 ? "person matches" : "people match"}: choose below.`;
  return (
    <div className="mt-4">
      <TextField
        label="Find someone to add"
        hint="Part of their name or organisation; anyone taking part in the partnership."
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoComplete="off"
      />
      <p role="status" className="mt-2 text-sm text-slate-700">
        {status}
      </p>
      <PersonPicker
        label="Add someone to the team"
        hint="The people your search found."
        people={people.map((person) => ({
          userId: person.userId,
          label: person.organisationName ? `${person.name}, ${person.organisationName}` : person.name,
        }))}
        submitLabel="Add to the team"
        success="Added to the team. They have been told."
        onPick={(userId) => client.project.addTeamMember.mutate({ projectId, userId })}
      />
    </div>
  );
}

function RemoveTeamMemberButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  return (
    <InlineAction label={`Take off the team: ${name}`} run={() => client.project.removeTeamMember.mutate({ projectId, userId })}>
      Take off the team
    </InlineAction>
  );
}

/** An officer hands the project's lead to someone on its team (the old lead stays on the team). */
function ChangeProjectLeadForm({ projectId, team }: { projectId: string; team: PersonChoice[] }) {
  const client = useTRPCClient();
  if (team.length === 0) return null;
  return (
    <PersonPicker
      label="Hand the lead to"
      hint="Someone on the team; the current lead stays on it."
      people={team}
      submitLabel="Make them the lead"
      success="The project has a new lead. Both of them have been told."
      onPick={(userId) => client.project.changeLead.mutate({ projectId, userId })}
    />
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AddTeamMemberFormWithApi = withApi(AddTeamMemberForm);
const RemoveTeamMemberButtonWithApi = withApi(RemoveTeamMemberButton);
const ChangeProjectLeadFormWithApi = withApi(ChangeProjectLeadForm);
export { AddTeamMemberFormWithApi as AddTeamMemberForm, RemoveTeamMemberButtonWithApi as RemoveTeamMemberButton, ChangeProjectLeadFormWithApi as ChangeProjectLeadForm };
