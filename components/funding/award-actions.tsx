"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, TextField } from "@/components/ui/form";
import { MoneyError, parsePounds } from "@/lib/money";
import { useMoneyAction } from "./use-money-mutation";

/** Marks one tranche paid, with the date paid and the payment reference. */
function PayTrancheForm({ awardId, trancheId, sequence }: { awardId: string; trancheId: string; sequence: number }) {
  const trpc = useTRPC();
  const pay = useMutation(trpc.funding.payTranche.mutationOptions());
  const action = useMoneyAction(pay.mutateAsync);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const paidOn = String(form.get("paidOn") ?? "");
    if (!paidOn) {
      action.setFieldErrors({ paidOn: ["Enter the date it was paid"] });
      return;
    }
    await action.submit({ awardId, trancheId, paidOn: new Date(paidOn), reference: String(form.get("reference") ?? ""), reason: "" });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
      {action.error ? (
        <div className="sm:col-span-3">
          <FormMessage tone="error">{action.error}</FormMessage>
        </div>
      ) : null}
      <TextField label={`Payment ${sequence} paid on`} name="paidOn" type="date" error={action.fieldErrors.paidOn} />
      <TextField label={`Payment ${sequence} reference`} name="reference" maxLength={100} error={action.fieldErrors.reference} />
      <Button type="submit" pending={action.pending} pendingLabel="Recording…" className="justify-self-start">
        Mark payment {sequence} paid
      </Button>
    </form>
  );
}

type Kind = "vary" | "withdraw" | "return" | "complete";
type Copy = {
  title: string;
  amountLabel?: string;
  button: string;
  /** Steps that cannot be undone ask first, saying what will happen. */
  confirm?: { question: string; consequences: string[]; yes: string };
};
const COPY: Record<Kind, Copy> = {
  vary: { title: "Vary the award", amountLabel: "New amount awarded (£)", button: "Vary award" },
  return: { title: "Return underspend", amountLabel: "Amount returned (£)", button: "Record return" },
  complete: {
    title: "Complete the award",
    button: "Complete award",
    confirm: {
      question: "Complete this award?",
      consequences: ["No more payments can be made on it.", "Anything not yet paid goes back to the fund.", "You cannot undo this."],
      yes: "Yes, complete the award",
    },
  },
  withdraw: {
    title: "Withdraw the award",
    button: "Withdraw award",
    confirm: {
      question: "Withdraw this award?",
      consequences: ["The whole award goes back to the fund.", "No payments can be made on it.", "You cannot undo this."],
      yes: "Yes, withdraw the award",
    },
  },
};

/** Vary, withdraw, return underspend or complete: each needs a reason, and is recorded in the ledger. */
function AwardChangeForm({ awardId, kind }: { awardId: string; kind: Kind }) {
  const trpc = useTRPC();
  const vary = useMutation(trpc.funding.varyAward.mutationOptions());
  const withdraw = useMutation(trpc.funding.withdrawAward.mutationOptions());
  const returnUnderspend = useMutation(trpc.funding.returnUnderspend.mutationOptions());
  const complete = useMutation(trpc.funding.completeAward.mutationOptions());
  const action = useMoneyAction(async (input: { reason: string; amountPence?: number; idempotencyKey: string }) => {
    const base = { awardId, reason: input.reason, idempotencyKey: input.idempotencyKey };
    if (kind === "vary") return vary.mutateAsync({ ...base, newAmountPence: input.amountPence ?? 0 });
    if (kind === "return") return returnUnderspend.mutateAsync({ ...base, amountPence: input.amountPence ?? 0 });
    if (kind === "complete") return complete.mutateAsync(base);
    return withdraw.mutateAsync(base);
  });
  const copy = COPY[kind];
  const formRef = useRef<HTMLFormElement>(null);

  async function record(form: FormData) {
    let amountPence: number | undefined;
    if (copy.amountLabel) {
      try {
        amountPence = parsePounds(String(form.get("amount") ?? ""));
      } catch (error) {
        action.setFieldErrors({ amount: [error instanceof MoneyError ? error.message : "Enter an amount"] });
        return;
      }
    }
    await action.submit({ reason: String(form.get("reason") ?? ""), amountPence });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A step that asks first is only taken by its "Yes" button, never by pressing Enter.
    if (copy.confirm) return;
    await record(new FormData(event.currentTarget));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-300 p-4">
      <h3 className="text-lg font-semibold">{copy.title}</h3>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? (
        <FormMessage tone="success" focus>
          Done: recorded in the ledger.
        </FormMessage>
      ) : null}
      {copy.amountLabel ? (
        <TextField
          label={copy.amountLabel}
          name="amount"
          inputMode="decimal"
          error={action.fieldErrors.amount ?? action.fieldErrors.newAmountPence ?? action.fieldErrors.amountPence}
        />
      ) : null}
      <TextField label="Reason" name="reason" maxLength={1000} error={action.fieldErrors.reason} />
      {copy.confirm ? (
        <ConfirmAction
          label={copy.button}
          question={copy.confirm.question}
          consequences={
            <ul className="list-disc space-y-1 pl-5">
              {copy.confirm.consequences.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
          confirmLabel={copy.confirm.yes}
          pending={action.pending}
          onConfirm={() => (formRef.current ? record(new FormData(formRef.current)) : undefined)}
        />
      ) : (
        <Button type="submit" pending={action.pending} pendingLabel="Recording…">
          {copy.button}
        </Button>
      )}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PayTrancheFormWithApi = withApi(PayTrancheForm);
const AwardChangeFormWithApi = withApi(AwardChangeForm);
export { PayTrancheFormWithApi as PayTrancheForm, AwardChangeFormWithApi as AwardChangeForm };
