"use client";

import { useRouter } from "next/navigation";
import { CheckboxChoice } from "@/components/people/checkbox-choice";
import { useId, useState, type FormEvent } from "react";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/uk-time";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { formatPence } from "@/lib/money";
import { reportingPeriods } from "@/lib/projects/schedule";

type Frequency = "MONTHLY" | "QUARTERLY";
export type SetUpPerson = { id: string; label: string };
export type UnpaidTranche = { id: string; sequence: number; amountPence: number; dueOn: Date };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The reporting periods the dates give, worked out as the server will; none until both dates make sense. */
function plannedPeriods(startsOn: string, endsOn: string, frequency: Frequency) {
  if (!ISO_DAY.test(startsOn) || !ISO_DAY.test(endsOn) || endsOn <= startsOn) return [];
  return reportingPeriods(new Date(`${startsOn}T00:00:00Z`), new Date(`${endsOn}T00:00:00Z`), frequency);
}

/**
 * An officer sets an award up as a funded project: its dates, how often it reports, its
 * lead and team, and which unpaid payments wait for a period's update to be accepted.
 */
function SetUpProjectForm({
  slug,
  awardId,
  people,
  tranches,
}: {
  slug: string;
  awardId: string;
  people: SetUpPerson[];
  tranches: UnpaidTranche[];
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const frequencyError = useId();
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [frequency, setFrequency] = useState<Frequency>("QUARTERLY");
  const [leadUserId, setLeadUserId] = useState("");
  const [team, setTeam] = useState<string[]>([]);
  const [ties, setTies] = useState<Record<string, string>>({});
  const planned = plannedPeriods(startsOn, endsOn, frequency);
  const periods = planned.length;
  const errors = action.fieldErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tiedTranches = tranches
      .map((tranche) => ({ trancheId: tranche.id, periodSequence: Number(ties[tranche.id] ?? "") }))
      .filter((tie) => tie.periodSequence > 0);
    const result = await action.run(
      () =>
        client.project.setUp.mutate({
          awardId,
          startsOn,
          endsOn,
          reportingFrequency: frequency,
          ...(leadUserId ? { leadUserId } : {}),
          ...(team.length > 0 ? { teamUserIds: team } : {}),
          tiedTranches,
        }),
      { refresh: false },
    );
    if (result.ok) router.push(paths.project(slug, result.value.id));
  }

  const tieError = (index: number) => {
    const tied = tranches.filter((tranche) => Number(ties[tranche.id] ?? "") > 0);
    const position = tied.findIndex((tranche) => tranche.id === tranches[index]!.id);
    if (position < 0) return undefined;
    return errors[`tiedTranches.${position}.periodSequence`] ?? errors[`tiedTranches.${position}.trancheId`];
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-5">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Start date"
          name="startsOn"
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
          error={errors.startsOn}
        />
        <TextField
          label="End date"
          name="endsOn"
          type="date"
          value={endsOn}
          onChange={(event) => setEndsOn(event.target.value)}
          error={errors.endsOn}
        />
      </div>

      <fieldset
        aria-describedby={errors.reportingFrequency ? frequencyError : undefined}
        className={errors.reportingFrequency ? "border-l-4 border-red-800 pl-3" : undefined}
      >
        <legend className="font-semibold">Reporting</legend>
        <p className="text-sm text-slate-700">
          Each progress update is due two weeks after its period ends.
          {periods > 0 ? ` These dates give ${periods} ${periods === 1 ? "update" : "updates"}.` : null}
        </p>
        {errors.reportingFrequency ? (
          <p id={frequencyError} className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.reportingFrequency[0]}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-3">
          {(
            [
              ["MONTHLY", "Monthly"],
              ["QUARTERLY", "Quarterly"],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name="reportingFrequency"
                value={value}
                checked={frequency === value}
                onChange={() => setFrequency(value)}
                className="h-5 w-5"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <SelectField
        label="Project lead"
        hint="Optional. The lead posts the progress updates."
        name="leadUserId"
        value={leadUserId}
        onChange={(event) => setLeadUserId(event.target.value)}
        error={errors.leadUserId}
      >
        <option value="">The proposal&apos;s lead author</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.label}
          </option>
        ))}
      </SelectField>

      <details>
        <summary className="cursor-pointer font-semibold text-brand-800">Choose the team</summary>
        <fieldset className="mt-3 min-w-0">
          <legend className="font-semibold">Team members</legend>
          <p className="text-sm text-slate-700">
            Optional. People from any organisation in the partnership; if you tick nobody, the proposal&apos;s co-authors
            join the team.
          </p>
          {errors.teamUserIds ? (
            <p className="font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {errors.teamUserIds[0]}
            </p>
          ) : null}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {people
              .filter((person) => person.id !== leadUserId)
              .map((person) => (
                <CheckboxChoice
                  key={person.id}
                  name="teamUserIds"
                  label={person.label}
                  checked={team.includes(person.id)}
                  onChange={(on) => setTeam((current) => (on ? [...current, person.id] : current.filter((id) => id !== person.id)))}
                />
              ))}
          </div>
        </fieldset>
      </details>

      {tranches.length > 0 ? (
        <fieldset className="space-y-4">
          <legend className="font-semibold">Payments tied to reporting</legend>
          <p className="text-sm text-slate-700">
            A payment that waits for a period can only be paid once that period&apos;s update is accepted.
            {periods === 0 ? " Enter the dates to choose a period." : null}
          </p>
          {tranches.map((tranche, index) => (
            <SelectField
              key={tranche.id}
              label={`Payment ${tranche.sequence} waits for`}
              hint={`${formatPence(tranche.amountPence)}, due ${formatDay(tranche.dueOn)}`}
              value={ties[tranche.id] ?? ""}
              onChange={(event) => setTies((current) => ({ ...current, [tranche.id]: event.target.value }))}
              error={tieError(index)}
            >
              <option value="">Nothing (pay on its date)</option>
              {Array.from({ length: Math.max(periods, Number(ties[tranche.id] ?? 0)) }, (_, period) => (
                <option key={period + 1} value={String(period + 1)}>
                  {planned[period]
                    ? `Period ${period + 1} update: ${formatDay(planned[period].startsOn, "short")} to ${formatDay(planned[period].endsOn, "short")}, due ${formatDay(planned[period].dueOn, "short")}`
                    : `Period ${period + 1} update`}
                </option>
              ))}
            </SelectField>
          ))}
        </fieldset>
      ) : null}

      <Button type="submit" pending={action.pending}>
        Set up the project
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const SetUpProjectFormWithApi = withApi(SetUpProjectForm);
export { SetUpProjectFormWithApi as SetUpProjectForm };
