"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";

type Option = { id: string; name: string };

/** The choice of whose money a fund is: one of the partnership's organisations, or (blank) the partnership itself. */
function FunderSelect({
  id,
  partnershipName,
  organisations,
  defaultValue,
  error,
}: {
  id: string;
  partnershipName: string;
  organisations: readonly Option[];
  defaultValue?: string | null;
  error?: string[];
}) {
  return (
    <SelectField
      id={id}
      name="funderOrganisationId"
      label="Funding organisation"
      hint="Open grants data names it as the funder; leave it as the partnership when the money is the partnership's own."
      defaultValue={defaultValue ?? ""}
      error={error}
      className="max-w-xl"
    >
      <option value="">{partnershipName} (the partnership itself)</option>
      {organisations.map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.name}
        </option>
      ))}
    </SelectField>
  );
}

/** For officers: change the organisation a fund's money comes from. */
function FundFunderForm({
  fundId,
  partnershipName,
  organisations,
  current,
}: {
  fundId: string;
  partnershipName: string;
  organisations: readonly Option[];
  current: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.funding.setFundFunder.mutationOptions());
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; key: number } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get("funderOrganisationId") ?? "");
    const key = Date.now();
    try {
      await save.mutateAsync({ fundId, funderOrganisationId: chosen || null });
      const name = organisations.find((organisation) => organisation.id === chosen)?.name ?? partnershipName;
      setResult({ tone: "success", text: `${name} is now named as the fund's funder.`, key });
      router.refresh();
    } catch (error) {
      setResult({ tone: "error", text: readApiError(error)?.message ?? "The funder could not be saved.", key });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FunderSelect id="fund-funder" partnershipName={partnershipName} organisations={organisations} defaultValue={current} />
      <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
        Save funder
      </Button>
      {result ? (
        <FormMessage tone={result.tone} focus focusKey={result.key}>
          {result.text}
        </FormMessage>
      ) : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const FunderSelectWithApi = withApi(FunderSelect);
const FundFunderFormWithApi = withApi(FundFunderForm);
export { FunderSelectWithApi as FunderSelect, FundFunderFormWithApi as FundFunderForm };
