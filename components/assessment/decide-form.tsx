"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { PaymentScheduleFieldset, readPaymentSchedule, readPounds, usePaymentRows } from "@/components/funding/payment-schedule";
import { useMoneyAction } from "@/components/funding/use-money-mutation";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { penceToDecimalString } from "@/lib/money";
import { fieldId, FormProblems } from "@/components/funding/form-problems";

const FORM = "decide";
const id = (key: string) => fieldId(FORM, key);

type Outcome = "APPROVE" | "DECLINE";
type Decision = {
  outcome: Outcome;
  proposalId: string;
  reason: string;
  override: { reason: string } | null;
  idempotencyKey: string;
  approval: {
    amountPence: number;
    conditions: string | null;
    tranches: { amountPence: number; dueOn: Date }[];
    published: boolean;
  } | null;
};

/**
 * An officer's decision on an assessed proposal. Approving awards the grant in the same
 * step, so it carries an idempotency key: a double click never commits money twice.
 */
function DecideForm({
  proposalId,
  requestedPence,
  scoringComplete,
  today,
  returnPath,
}: {
  proposalId: string;
  requestedPence: number;
  /** When false, the officer must say why the decision cannot wait for every score. */
  scoringComplete: boolean;
  /** yyyy-mm-dd, the first payment's default due date. */
  today: string;
  returnPath: string;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useMoneyAction<Decision>(({ outcome, proposalId, reason, override, idempotencyKey, approval }) =>
    outcome === "APPROVE" && approval
      ? client.assessment.decide.mutate({ outcome, proposalId, reason, override, idempotencyKey, ...approval })
      : client.assessment.decide.mutate({ outcome: "DECLINE", proposalId, reason, override }),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const payments = usePaymentRows();
  const outcomeErrorId = useId();
  const e = action.fieldErrors;
  const showOverride = !scoringComplete || Boolean(e["override.reason"]) || Boolean(e.override);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors: Record<string, string[]> = {};
    if (!outcome) errors.outcome = ["Choose whether to approve or decline the proposal"];
    let approval: Decision["approval"] = null;
    if (outcome === "APPROVE") {
      const amountPence = readPounds(form, "amount", "amountPence", errors);
      const schedule = readPaymentSchedule(form, payments.rows, amountPence, errors, { blankSinglePaysAll: true });
      approval = {
        amountPence,
        conditions: String(form.get("conditions") ?? "").trim() || null,
        tranches: schedule,
        published: form.get("published") === "on",
      };
    }
    if (Object.keys(errors).length > 0 || !outcome) {
      action.setFieldErrors(errors);
      action.setError("Please check the highlighted fields.");
      return;
    }
    const overrideReason = String(form.get("override") ?? "").trim();
    const ok = await action.submit({
      outcome,
      proposalId,
      reason: String(form.get("reason") ?? ""),
      override: overrideReason ? { reason: overrideReason } : null,
      approval,
    });
    if (ok) router.push(returnPath);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormProblems form={FORM} message={action.error} fieldErrors={e} />
      {action.done ? <FormMessage tone="success">Decision recorded.</FormMessage> : null}
      <fieldset
        className={`space-y-2 ${e.outcome ? "border-l-4 border-red-800 pl-3" : ""}`}
        aria-describedby={e.outcome ? outcomeErrorId : undefined}
      >
        <legend className="font-semibold">Decision</legend>
        {e.outcome ? (
          <p id={outcomeErrorId} className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {e.outcome[0]}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(
            [
              ["APPROVE", "Approve"],
              ["DECLINE", "Decline"],
            ] as const
          ).map(([value, label], index) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                id={index === 0 ? id("outcome") : undefined}
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
                className="h-5 w-5"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      {outcome === "APPROVE" ? (
        <div className="space-y-4">
          <TextField
            id={id("amountPence")}
            label="Award amount (£)"
            name="amount"
            inputMode="decimal"
            defaultValue={penceToDecimalString(requestedPence)}
            hint="The amount asked for, or less"
            error={e.amountPence}
          />
          <TextArea id={id("conditions")} label="Conditions" name="conditions" rows={3} maxLength={5000} hint="Optional: what the award depends on" error={e.conditions} />
          <PaymentScheduleFieldset
            form={FORM}
            rows={payments.rows}
            setRows={payments.setRows}
            errors={e}
            firstDueOn={today}
            hint="The payments must add up to the award. Leave a single payment's amount blank to pay the whole award at once."
          />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="published" className="h-5 w-5" />
            Publish the award to everyone in the partnership, observers included
          </label>
        </div>
      ) : null}

      <TextArea
        id={id("reason")}
        label="Reasons (shared with the authors)"
        name="reason"
        rows={5}
        hint={outcome === "DECLINE" ? "Feedback the authors can learn from." : "The authors are told the decision with these reasons."}
        error={e.reason}
      />
      {showOverride ? (
        <TextArea
          id={id("override.reason")}
          label="Override: reason for deciding before scoring is complete"
          name="override"
          rows={3}
          hint="Not every assessor has scored this proposal. The reason is kept in the audit log."
          error={e["override.reason"] ?? e.override}
        />
      ) : null}
      <Button type="submit" pending={action.pending} pendingLabel="Recording…">
        Record decision
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const DecideFormWithApi = withApi(DecideForm);
export { DecideFormWithApi as DecideForm };
