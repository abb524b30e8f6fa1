"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { createInvitationInput } from "@/lib/schemas/invitations";
import { MEMBERSHIP_ROLES } from "@/lib/schemas/partnership-admin";
import { ROLE_LABELS } from "@/lib/sectors";
import { useAdminAction } from "./use-admin-action";

/** Invites someone by email with a link that works once, for seven days. */
function InviteForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.invitation.create.mutationOptions());
  const action = useAdminAction(create.mutateAsync);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = createInvitationInput.safeParse({ partnershipSlug: slug, email: form.get("email"), role: form.get("role") });
    if (!parsed.success) {
      action.reset();
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    const invitation = await action.submit(parsed.data);
    if (invitation) {
      formElement.reset();
      setSentTo(invitation.email);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {sentTo ? (
        <FormMessage tone="success">
          Invitation sent to {sentTo}. The link works once and expires in 7 days.
        </FormMessage>
      ) : null}
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={action.fieldErrors.email}
        hint="They must sign in with this address to accept."
      />
      <SelectField
        label="Role"
        name="role"
        defaultValue="MEMBER"
        error={action.fieldErrors.role}
        hint="Officers run the partnership (members, invitations, funding); chairs steer priority areas; members join sub-groups and discussions; observers read what is published."
      >
        {MEMBERSHIP_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="primary" disabled={action.pending}>
        {action.pending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const InviteFormWithApi = withApi(InviteForm);
export { InviteFormWithApi as InviteForm };
