"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

type Person = { userId: string; label: string; attended: boolean | null };
type Mark = "YES" | "NO" | "";

/** After it has started, an organiser marks who came: one yes/no choice per person. */
function AttendanceForm({ eventId, people }: { eventId: string; people: Person[] }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [marks, setMarks] = useState<Record<string, Mark>>(
    Object.fromEntries(people.map((person) => [person.userId, person.attended === null ? "" : person.attended ? "YES" : "NO"])),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const attendance = people
      .filter((person) => marks[person.userId])
      .map((person) => ({ userId: person.userId, attended: marks[person.userId] === "YES" }));
    if (attendance.length === 0) {
      action.setError("Mark at least one person as there or not there.");
      return;
    }
    await action.run(() => client.event.markAttendance.mutate({ eventId, attendance }), { success: "Attendance saved." });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
      <ul className="space-y-3">
        {people.map((person) => (
          <li key={person.userId}>
            <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <legend className="mb-1 w-full font-semibold">{person.label}</legend>
              {(
                [
                  ["YES", "Came"],
                  ["NO", "Did not come"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-50">
                  <input
                    type="radio"
                    name={`attended-${person.userId}`}
                    value={value}
                    checked={marks[person.userId] === value}
                    onChange={() => setMarks((current) => ({ ...current, [person.userId]: value }))}
                    className="h-5 w-5"
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      <Button type="submit" pending={action.pending}>
        Save attendance
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AttendanceFormWithApi = withApi(AttendanceForm);
export { AttendanceFormWithApi as AttendanceForm };
