"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { MoneyError, parsePounds } from "@/lib/money";
import { paths } from "@/lib/paths";
import { createFundInput } from "@/lib/schemas/funding";
import { fieldId, FormProblems } from "./form-problems";
import { FunderSelect } from "./fund-funder-form";

const FORM = "new-fund";

function CreateFundForm({
  partnershipSlug,
  partnershipName,
  organisations,
}: {
  partnershipSlug: string;
  partnershipName: string;
  /** The organisations the money may come from. */
  organisations: readonly { id: string; name: string }[];
}) {
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
      funderOrganisationId: String(form.get("funderOrganisationId") ?? "") || null,
    });
    if (!parsed.success) Object.assign(errors, { ...fieldErrorsFromIssues(parsed.error.issues), ...errors });
    if (Object.keys(errors).length > 0 || !parsed.success) {
      setFieldErrors(errors);
      setMessage("Please check the highlighted fields.");
      return;
    }
    setFieldErrors({});
    setMessage(null);
    try {
      const fund = await createFund.mutateAsync(parsed.data);
      router.push(paths.fund(partnershipSlug, fund.id));
    } catch (error) {
      const view = readApiError(error);
      setMessage(view?.message ?? "The fund could not be created.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  const id = (key: string) => fieldId(FORM, key);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormProblems form={FORM} message={message} fieldErrors={fieldErrors} />
      <TextField id={id("name")} label="Fund name" name="name" maxLength={200} error={fieldErrors.name} hint="For example: Non-recurring partnership fund 2020/21" />
      <TextField id={id("source")} label="Where the money comes from" name="source" maxLength={200} error={fieldErrors.source} />
      <TextField id={id("financialYear")} label="Financial year" name="financialYear" error={fieldErrors.financialYear} hint="Like 2020/21" className="max-w-xs" />
      <TextField id={id("totalPence")} label="Total (£)" name="total" error={fieldErrors.totalPence} hint="For example: 100,000" inputMode="decimal" className="max-w-xs" />
      <FunderSelect
        id={id("funderOrganisationId")}
        partnershipName={partnershipName}
        organisations={organisations}
        error={fieldErrors.funderOrganisationId}
      />
      <Button type="submit" pending={createFund.isPending} pendingLabel="Creating…">
        Create fund
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CreateFundFormWithApi = withApi(CreateFundForm);
export { CreateFundFormWithApi as CreateFundForm };
