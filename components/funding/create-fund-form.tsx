"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { MoneyError, parsePounds } from "@/lib/money";
import { createFundInput } from "@/lib/schemas/funding";

export function CreateFundForm({ partnershipSlug }: { partnershipSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const createFund = useMutation(trpc.funding.createFund.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let totalPence: number | undefined;
    const errors: Record<string, string[]> = {};
    try {
      totalPence = parsePounds(String(form.get("total") ?? ""));
    } catch (error) {
      errors.totalPence = [error instanceof MoneyError ? error.message : "Enter an amount"];
    }
    const parsed = createFundInput.safeParse({
      partnershipSlug,
      name: form.get("name"),
      source: form.get("source"),
      financialYear: form.get("financialYear"),
      totalPence: totalPence ?? 0,
    });
    if (!parsed.success) Object.assign(errors, { ...fieldErrorsFromIssues(parsed.error.issues), ...errors });
    if (Object.keys(errors).length > 0 || !parsed.success) {
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    try {
      const fund = await createFund.mutateAsync(parsed.data);
      router.push(`/p/${partnershipSlug}/funding/${fund.id}`);
    } catch (error) {
      const view = readApiError(error);
      setMessage(view?.message ?? "The fund could not be created.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      <TextField label="Fund name" name="name" error={fieldErrors.name} hint="For example: Non-recurring partnership fund 2020/21" />
      <TextField label="Where the money comes from" name="source" error={fieldErrors.source} />
      <TextField label="Financial year" name="financialYear" error={fieldErrors.financialYear} hint="Like 2020/21" inputMode="numeric" />
      <TextField label="Total (£)" name="total" error={fieldErrors.totalPence} hint="For example: 100,000" inputMode="decimal" />
      <button type="submit" className={buttonClass.primary} disabled={createFund.isPending}>
        {createFund.isPending ? "Creating…" : "Create fund"}
      </button>
    </form>
  );
}
