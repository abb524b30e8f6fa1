"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, TextField } from "@/components/ui/form";
import { MoneyError, parsePounds } from "@/lib/money";
import { useMoneyAction } from "./use-money-mutation";

/** Marks one tranche paid, with the date paid and the payment reference. */
export function PayTrancheForm({ awardId, trancheId, sequence }: { awardId: string; trancheId: string; sequence: number }) {
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
      {action.error ? <div className="sm:col-span-3"><FormMessage tone="error">{action.error}</FormMessage></div> : null}
      <TextField label={`Payment ${sequence} paid on`} name="paidOn" type="date" error={action.fieldErrors.paidOn} />
      <TextField label={`Payment ${sequence} reference`} name="reference" error={action.fieldErrors.reference} />
      <button type="submit" className={buttonClass.primary} disabled={action.pending}>
        Mark payment {sequence} paid
      </button>
    </form>
  );
}

type Kind = "vary" | "withdraw" | "return" | "complete";
const COPY: Record<Kind, { title: string; amountLabel?: string; button: string }> = {
  vary: { title: "Vary the award", amountLabel: "New amount awarded (£)", button: "Vary award" },
  return: { title: "Return underspend", amountLabel: "Amount returned (£)", button: "Record return" },
  complete: { title: "Complete the award", button: "Complete award" },
  withdraw: { title: "Withdraw the award", button: "Withdraw award" },
};

/** Vary, withdraw, return underspend or complete: each needs a reason, and is recorded in the ledger. */
export function AwardChangeForm({ awardId, kind }: { awardId: string; kind: Kind }) {
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
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

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-300 p-4">
      <h3 className="text-lg font-semibold">{copy.title}</h3>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">Done: recorded in the ledger.</FormMessage> : null}
      {copy.amountLabel ? (
        <TextField label={copy.amountLabel} name="amount" inputMode="decimal" error={action.fieldErrors.amount ?? action.fieldErrors.newAmountPence ?? action.fieldErrors.amountPence} />
      ) : null}
      <TextField label="Reason" name="reason" error={action.fieldErrors.reason} />
      <button type="submit" className={kind === "withdraw" ? buttonClass.secondary : buttonClass.primary} disabled={action.pending}>
        {copy.button}
      </button>
    </form>
  );
}
