"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** The lead or an officer adds someone from any organisation in the partnership to the team. */
export function AddTeamMemberForm({ projectId, candidates }: { projectId: string; candidates: { userId: string; label: string }[] }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [userId, setUserId] = useState("");
  async function add(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.project.addTeamMember.mutate({ projectId, userId }), {
      success: "Added to the team. They have been told.",
    });
    if (result.ok) setUserId("");
  }
  return (
    <form onSubmit={add} noValidate className="mt-4 space-y-3">
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <SelectField
        label="Add someone to the team"
        hint="Anyone taking part in the partnership, from any organisation."
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
        Add to the team
      </button>
    </form>
  );
}

export function RemoveTeamMemberButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass.quiet}
        disabled={action.pending}
        aria-label={`Take off the team: ${name}`}
        onClick={() => action.run(() => client.project.removeTeamMember.mutate({ projectId, userId }))}
      >
        Take off the team
      </button>
      {action.error ? (
        <span role="alert" className="font-semibold text-red-800">
          {action.error}
        </span>
      ) : null}
    </span>
  );
}

/** An officer hands the project's lead to someone on its team (the old lead stays on the team). */
export function ChangeProjectLeadForm({ projectId, team }: { projectId: string; team: { userId: string; label: string }[] }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [userId, setUserId] = useState("");
  async function hand(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.project.changeLead.mutate({ projectId, userId }), {
      success: "The project has a new lead. Both of them have been told.",
    });
    if (result.ok) setUserId("");
  }
  if (team.length === 0) return null;
  return (
    <form onSubmit={hand} noValidate className="mt-4 space-y-3">
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <SelectField
        label="Hand the lead to"
        hint="Someone on the team; the current lead stays on it."
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        error={action.fieldErrors.userId ?? action.error}
      >
        <option value="">Choose a person</option>
        {team.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.label}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClass.secondary} disabled={action.pending}>
        Make them the lead
      </button>
    </form>
  );
}
