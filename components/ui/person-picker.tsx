"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

export type PersonChoice = { userId: string; label: string };

/**
 * Choose one person from a list and act on them (add a co-author, add to a team, hand a
 * lead over): the server's message shows beside the list, and a success line above it.
 */
export function PersonPicker({
  label,
  hint,
  people,
  submitLabel,
  success,
  onPick,
}: {
  label: string;
  hint: string;
  people: PersonChoice[];
  submitLabel: string;
  success: string;
  onPick: (userId: string) => Promise<unknown>;
}) {
  const action = useApiAction();
  const [userId, setUserId] = useState("");
  async function pick(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => onPick(userId), { success });
    if (result.ok) setUserId("");
  }
  return (
    <form onSubmit={pick} noValidate className="mt-4 space-y-3">
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <SelectField
        label={label}
        hint={hint}
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        error={action.fieldErrors.userId ?? action.error}
      >
        <option value="">Choose a person</option>
        {people.map((person) => (
          <option key={person.userId} value={person.userId}>
            {person.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" pending={action.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** A quiet button beside one item (remove a co-author, make them lead...), with the server's refusal next to it. */
export function InlineAction({ children, run, label }: { children: ReactNode; run: () => Promise<unknown>; label?: string }) {
  const action = useApiAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="quiet" pending={action.pending} aria-label={label} onClick={() => action.run(run)}>
        {children}
      </Button>
      {action.error ? (
        <span role="alert" className="font-semibold text-red-800">
          {action.error}
        </span>
      ) : null}
    </span>
  );
}
