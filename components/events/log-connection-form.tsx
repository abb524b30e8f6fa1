"use client";

import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** "We should talk again": pick someone met at the event; they are told. */
function LogConnectionForm({
  slug,
  eventId,
  people,
}: {
  slug: string;
  eventId: string;
  people: { userId: string; label: string; logged: boolean }[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [userId, setUserId] = useState("");
  const [note, setNote] = useState("");
  const choices = people.filter((person) => !person.logged);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!userId) {
      action.setError("Choose who you would like to talk to again.");
      action.setFieldErrors({ userId: ["Choose who you met"] });
      return;
    }
    const result = await action.run(() => client.event.logConnection.mutate({ eventId, userId, note }), {
      success: "Connection saved. We have let them know.",
    });
    if (result.ok) {
      setUserId("");
      setNote("");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? (
        <FormMessage tone="success" focus>
          {action.done} <Link href={paths.connections(slug)}>See your connections</Link>
        </FormMessage>
      ) : null}
      {choices.length === 0 ? (
        <p>You have logged a connection with everyone you met here.</p>
      ) : (
        <>
          <SelectField label="Who would you like to talk to again?" value={userId} onChange={(event) => setUserId(event.target.value)} error={action.fieldErrors.userId}>
            <option value="">Choose a person</option>
            {choices.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.label}
              </option>
            ))}
          </SelectField>
          <TextArea
            label="A note for yourself (optional)"
            hint="What you talked about. Only you see this."
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={action.fieldErrors.note}
          />
          <Button type="submit" pending={action.pending}>
            We should talk again
          </Button>
        </>
      )}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const LogConnectionFormWithApi = withApi(LogConnectionForm);
export { LogConnectionFormWithApi as LogConnectionForm };
