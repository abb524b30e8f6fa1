"use client";

import { useTRPCClient } from "@/components/providers/trpc-provider";
import { InlineAction, PersonPicker, type PersonChoice } from "@/components/ui/person-picker";

/** The lead or an officer adds someone from any organisation in the partnership to the team. */
export function AddTeamMemberForm({ projectId, candidates }: { projectId: string; candidates: PersonChoice[] }) {
  const client = useTRPCClient();
  return (
    <PersonPicker
      label="Add someone to the team"
      hint="Anyone taking part in the partnership, from any organisation."
      people={candidates}
      submitLabel="Add to the team"
      success="Added to the team. They have been told."
      onPick={(userId) => client.project.addTeamMember.mutate({ projectId, userId })}
    />
  );
}

export function RemoveTeamMemberButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  return (
    <InlineAction label={`Take off the team: ${name}`} run={() => client.project.removeTeamMember.mutate({ projectId, userId })}>
      Take off the team
    </InlineAction>
  );
}

/** An officer hands the project's lead to someone on its team (the old lead stays on the team). */
export function ChangeProjectLeadForm({ projectId, team }: { projectId: string; team: PersonChoice[] }) {
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
