"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { fieldId, FormProblems } from "./form-problems";
import { PaymentScheduleFieldset, readPaymentSchedule, readPounds, usePaymentRows } from "./payment-schedule";
import { useMoneyAction } from "./use-money-mutation";

type Option = { id: string; label: string };

const FORM = "award-grant";
const id = (key: string) => fieldId(FORM, key);

/** Awards a grant with a payment schedule; the schedule must add up to the award. */
function AwardGrantForm({
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
  const payments = usePaymentRows();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const errors: Record<string, string[]> = {};
    const amountPence = readPounds(form, "amount", "amountPence", errors);
    const tranches = readPaymentSchedule(form, payments.rows, amountPence, errors);
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
      tranches,
    });
    if (ok) {
      formElement.reset();
      payments.reset();
    }
  }

  const e = action.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormProblems form={FORM} message={action.error} fieldErrors={e} />
      {action.done ? (
        <FormMessage tone="success" focus>
          Grant awarded.
        </FormMessage>
      ) : null}
      <TextField id={id("projectName")} label="Project" name="projectName" maxLength={200} error={e.projectName} />
      <SelectField
        id={id("recipientOrganisationId")}
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
      <TextField id={id("recipientName")} label="Recipient name, if not listed" name="recipientName" maxLength={200} error={e.recipientName} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={id("priorityAreaId")} label="Priority area" name="priorityAreaId" error={e.priorityAreaId} defaultValue="">
          <option value="">None</option>
          {priorityAreas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.label}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("roundId")} label="Funding round" name="roundId" error={e.roundId} defaultValue="">
          <option value="">Not through a round</option>
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField id={id("amountPence")} label="Amount awarded (£)" name="amount" inputMode="decimal" error={e.amountPence} hint="May be less than was asked for" />
      <TextArea id={id("conditions")} label="Conditions" name="conditions" rows={3} maxLength={5000} error={e.conditions} hint="Optional: what the award depends on" />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="published" className="h-5 w-5" />
        Publish to everyone in the partnership, observers included
      </label>
      <PaymentScheduleFieldset form={FORM} rows={payments.rows} setRows={payments.setRows} errors={e} />
      <Button type="submit" pending={action.pending} pendingLabel="Awarding…">
        Award grant
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AwardGrantFormWithApi = withApi(AwardGrantForm);
export { AwardGrantFormWithApi as AwardGrantForm };
