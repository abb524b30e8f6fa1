"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, FormMessage, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { setOrganisationNumbersInput } from "@/lib/schemas/directory";

const FIELDS = ["charityNumber", "scottishCharityNumber", "companyNumber"] as const;
type NumberField = (typeof FIELDS)[number];
const fieldId = (key: string) => `organisation-numbers-${key}`;

/**
 * For officers: the organisation's registered numbers, from which its identifier in the
 * partnership's open grants data is made (GB-CHC, GB-SC or GB-COH). Checked as the database checks them.
 */
function OrganisationNumbersForm({
  slug,
  organisationId,
  initial,
}: {
  slug: string;
  organisationId: string;
  initial: Record<NumberField, string | null>;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.directory.setOrganisationNumbers.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = { charityNumber: "", scottishCharityNumber: "", companyNumber: "" };
    for (const key of FIELDS) typed[key] = String(form.get(key) ?? "");
    const input = { partnershipSlug: slug, organisationId, ...typed };
    // Checked here for quick answers; the API checks the same schema again.
    const parsed = setOrganisationNumbersInput.safeParse(input);
    setSaved(0);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setProblem("Please check the highlighted numbers.");
      return;
    }
    setFieldErrors({});
    setProblem(null);
    try {
      await save.mutateAsync(input);
      setSaved((count) => count + 1);
      router.refresh();
    } catch (error) {
      const view = readApiError(error);
      setProblem(view?.message ?? "The numbers could not be saved.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  const problems = FIELDS.flatMap((key) => (fieldErrors[key]?.[0] ? [[key, fieldErrors[key][0]] as const] : []));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Registered numbers">
      {problem ? <ErrorSummary message={problem} problems={problems} hrefFor={fieldId} /> : null}
      <p className="text-slate-700">
        They name the organisation in the partnership&apos;s open grants data. Leave a number blank if it has none.
      </p>
      <TextField
        id={fieldId("charityNumber")}
        name="charityNumber"
        label="Charity number (England and Wales)"
        hint="6 to 8 digits, like 1123456"
        defaultValue={initial.charityNumber ?? ""}
        error={fieldErrors.charityNumber}
        autoComplete="off"
        inputMode="numeric"
        className="max-w-xs"
      />
      <TextField
        id={fieldId("scottishCharityNumber")}
        name="scottishCharityNumber"
        label="Scottish charity number"
        hint="SC and 6 digits, like SC012345"
        defaultValue={initial.scottishCharityNumber ?? ""}
        error={fieldErrors.scottishCharityNumber}
        autoComplete="off"
        className="max-w-xs"
      />
      <TextField
        id={fieldId("companyNumber")}
        name="companyNumber"
        label="Company number"
        hint="8 digits, like 01234567, or 2 letters and 6 digits, like SC123456"
        defaultValue={initial.companyNumber ?? ""}
        error={fieldErrors.companyNumber}
        autoComplete="off"
        className="max-w-xs"
      />
      <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
        Save numbers
      </Button>
      {saved > 0 ? (
        <FormMessage tone="success" focus focusKey={saved}>
          The numbers are saved.
        </FormMessage>
      ) : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const OrganisationNumbersFormWithApi = withApi(OrganisationNumbersForm);
export { OrganisationNumbersFormWithApi as OrganisationNumbersForm };
