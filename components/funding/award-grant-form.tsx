"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { MoneyError, parsePounds } from "@/lib/money";
import { useMoneyAction } from "./use-money-mutation";

type Option = { id: string; label: string };

/** Awards a grant with a payment schedule; the schedule must add up to the award. */
export function AwardGrantForm({
  fundId,
  rounds,
  priorityAreas,
  organisations,
}: {
  fundId: string;
  rounds: Option[];
  priorityAreas: Option[];
  organisations: Option[];
}) {
  const trpc = useTRPC();
  const awardGrant = useMutation(trpc.funding.awardGrant.mutationOptions());
  const action = useMoneyAction(awardGrant.mutateAsync);
  const [tranches, setTranches] = useState([{ key: 1 }]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const errors: Record<string, string[]> = {};
    const money = (field: string, key: string) => {
      try {
        return parsePounds(String(form.get(field) ?? ""));
      } catch (error) {
        errors[key] = [error instanceof MoneyError ? error.message : "Enter an amount"];
        return 0;
      }
    };
    const amountPence = money("amount", "amountPence");
    const schedule = tranches.map((tranche, index) => ({
      amountPence: money(`tranche-${tranche.key}-amount`, `tranches.${index}.amountPence`),
      dueOn: String(form.get(`tranche-${tranche.key}-due`) ?? ""),
    }));
    schedule.forEach((tranche, index) => {
      if (!tranche.dueOn) errors[`tranches.${index}.dueOn`] = ["Enter the date the payment is due"];
    });
    if (Object.keys(errors).length > 0) {
      action.setFieldErrors(errors);
      action.setError("Please check the highlighted fields.");
      return;
    }
    const ok = await action.submit({
      fundId,
      roundId: String(form.get("roundId") ?? "") || null,
      priorityAreaId: String(form.get("priorityAreaId") ?? "") || null,
      projectName: String(form.get("projectName") ?? ""),
      recipientName:
        String(form.get("recipientName") ?? "") ||
        organisations.find((o) => o.id === form.get("recipientOrganisationId"))?.label ||
        "",
      recipientOrganisationId: String(form.get("recipientOrganisationId") ?? "") || null,
      published: form.get("published") === "on",
      conditions: String(form.get("conditions") ?? "") || null,
      amountPence,
      tranches: schedule.map((t) => ({ amountPence: t.amountPence, dueOn: new Date(t.dueOn) })),
    });
    if (ok) {
      formElement.reset();
      setTranches([{ key: 1 }]);
    }
  }

  const e = action.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">Grant awarded.</FormMessage> : null}
      <TextField label="Project" name="projectName" error={e.projectName} />
      <SelectField
        label="Recipient organisation"
        name="recipientOrganisationId"
        defaultValue=""
        error={e.recipientOrganisationId}
        hint="Its people will see the award. Choose “Not listed” and name it below if it is not in the directory."
      >
        <option value="">Not listed</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Recipient name, if not listed" name="recipientName" error={e.recipientName} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Priority area" name="priorityAreaId" error={e.priorityAreaId} defaultValue="">
          <option value="">None</option>
          {priorityAreas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Funding round" name="roundId" error={e.roundId} defaultValue="">
          <option value="">Not through a round</option>
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label="Amount awarded (£)" name="amount" inputMode="decimal" error={e.amountPence} hint="May be less than was asked for" />
      <TextArea label="Conditions" name="conditions" rows={3} error={e.conditions} hint="Optional: what the award depends on" />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="published" className="h-5 w-5" />
        Publish to everyone in the partnership, observers included
      </label>
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Payment schedule</legend>
        {e.tranches ? <p className="font-semibold text-red-800">{e.tranches[0]}</p> : null}
        {tranches.map((tranche, index) => (
          <div key={tranche.key} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <TextField
              label={`Payment ${index + 1} (£)`}
              name={`tranche-${tranche.key}-amount`}
              inputMode="decimal"
              error={e[`tranches.${index}.amountPence`]}
            />
            <TextField label={`Payment ${index + 1} due on`} name={`tranche-${tranche.key}-due`} type="date" error={e[`tranches.${index}.dueOn`]} />
            {tranches.length > 1 ? (
              <button
                type="button"
                className={buttonClass.quiet}
                onClick={() => setTranches(tranches.filter((t) => t.key !== tranche.key))}
              >
                Remove payment {index + 1}
              </button>
            ) : null}
          </div>
        ))}
        {tranches.length < 12 ? (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => setTranches([...tranches, { key: Math.max(...tranches.map((t) => t.key)) + 1 }])}
          >
            Add a payment
          </button>
        ) : null}
      </fieldset>
      <button type="submit" className={buttonClass.primary} disabled={action.pending}>
        {action.pending ? "Awarding…" : "Award grant"}
      </button>
    </form>
  );
}

