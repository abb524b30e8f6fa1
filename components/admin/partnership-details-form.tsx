"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { updatePartnershipInput } from "@/lib/schemas/partnership-admin";
import { useAdminAction } from "./use-admin-action";

export type PartnershipDetailsValues = {
  name: string;
  area: string | null;
  description: string | null;
  welcomeText: string | null;
};

/** The partnership's name, area, description and the welcome text members see first. */
function PartnershipDetailsForm({ slug, initial }: { slug: string; initial: PartnershipDetailsValues }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.partnership.update.mutationOptions());
  const action = useAdminAction(update.mutateAsync);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const parsed = updatePartnershipInput.safeParse({
      partnershipSlug: slug,
      name: form.get("name"),
      area: form.get("area"),
      description: form.get("description"),
      welcomeText: form.get("welcomeText"),
    });
    if (!parsed.success) {
      action.reset();
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    if (await action.submit(parsed.data)) setSaved(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {saved ? <FormMessage tone="success">The partnership&apos;s details were saved.</FormMessage> : null}
      <TextField label="Name" name="name" defaultValue={initial.name} error={action.fieldErrors.name} autoComplete="off" />
      <TextField
        label="Area (optional)"
        name="area"
        defaultValue={initial.area ?? ""}
        error={action.fieldErrors.area}
        hint="Where the partnership works, for example: Renfrewshire"
      />
      <TextArea
        label="Description (optional)"
        name="description"
        defaultValue={initial.description ?? ""}
        error={action.fieldErrors.description}
        hint="One or two sentences about what the partnership is for."
      />
      <TextArea
        label="Welcome text (optional)"
        name="welcomeText"
        defaultValue={initial.welcomeText ?? ""}
        error={action.fieldErrors.welcomeText}
        hint="Shown at the top of the partnership's overview page, for example the date of the next meeting. Up to 1,000 characters."
      />
      <Button type="submit" variant="primary" disabled={action.pending}>
        {action.pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PartnershipDetailsFormWithApi = withApi(PartnershipDetailsForm);
export { PartnershipDetailsFormWithApi as PartnershipDetailsForm };
