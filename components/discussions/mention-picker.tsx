"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form";

export type MentionablePerson = { id: string; name: string; organisation: string | null; inSubGroup: boolean };

const label = (person: MentionablePerson) => (person.organisation ? `${person.name} (${person.organisation})` : person.name);

/**
 * "Mention someone": a labelled list of the partnership's people (the sub-group's own
 * first) and a button that adds "@Name" to the message. A native select, so it works
 * with the keyboard and every screen reader without extra scripting. Once added, focus goes
 * back to the message, just after the "@Name" it put there.
 */
function MentionPicker({ subGroupId, onPick }: { subGroupId: string; onPick: (person: MentionablePerson) => void }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.discussion.mentionable.queryOptions({ subGroupId }));
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  if (people.isError) return <p className="text-sm text-slate-700">The list of people to mention could not be loaded.</p>;
  const everyone = people.data ?? [];
  const inGroup = everyone.filter((person) => person.inSubGroup);
  const others = everyone.filter((person) => !person.inSubGroup);

  function addMention() {
    const person = everyone.find((candidate) => candidate.id === choice);
    if (!person) {
      setError("Choose a person to mention");
      document.getElementById(selectId)?.focus();
      return;
    }
    setError(null);
    setChoice("");
    onPick(person);
  }

  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        id={selectId}
        label="Mention someone"
        hint="Adds @their name to your message. They get a notification when you post."
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        error={error}
        disabled={people.isPending}
        className="min-w-0 flex-1 basis-64"
      >
        <option value="">{people.isPending ? "Loading people…" : "Choose a person"}</option>
        {inGroup.length > 0 ? (
          <optgroup label="In this sub-group">
            {inGroup.map((person) => (
              <option key={person.id} value={person.id}>
                {label(person)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {others.length > 0 ? (
          <optgroup label="Others in the partnership">
            {others.map((person) => (
              <option key={person.id} value={person.id}>
                {label(person)}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <Button variant="secondary" onClick={addMention}>
        Add mention
      </Button>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const MentionPickerWithApi = withApi(MentionPicker);
export { MentionPickerWithApi as MentionPicker };
