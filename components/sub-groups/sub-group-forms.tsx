"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { paths } from "@/lib/paths";
import {
  createSubGroupInput,
  JOIN_POLICIES,
  JOIN_POLICY_LABELS,
  MAX_LEADS,
  SUB_GROUP_NAME_MAX,
  SUB_GROUP_PURPOSE_MAX,
  updateSubGroupInput,
} from "@/lib/schemas/sub-groups";
import type { SectorCode } from "@/lib/sectors";
import { personOption } from "./format";
import { useRefreshingAction } from "./use-refreshing-action";

export type CandidateLead = {
  userId: string;
  name: string;
  organisation: { name: string } | null;
  sector: SectorCode | "INDIVIDUAL";
};

type Details = { name: string; purpose: string; joinPolicy: "OPEN" | "APPROVAL" };

function DetailsFields({ initial, fieldErrors }: { initial?: Details; fieldErrors: Record<string, string[]> }) {
  return (
    <>
      <TextField
        label="Name"
        name="name"
        defaultValue={initial?.name}
        maxLength={SUB_GROUP_NAME_MAX}
        error={fieldErrors.name}
        hint="For example: Short breaks for carers"
      />
      <TextArea
        label="Purpose"
        name="purpose"
        defaultValue={initial?.purpose}
        maxLength={SUB_GROUP_PURPOSE_MAX}
        error={fieldErrors.purpose}
        hint="What the sub-group will test or do, in a sentence or two."
      />
      <SelectField label="How people join" name="joinPolicy" defaultValue={initial?.joinPolicy ?? "APPROVAL"} error={fieldErrors.joinPolicy}>
        {JOIN_POLICIES.map((policy) => (
          <option key={policy} value={policy}>
            {JOIN_POLICY_LABELS[policy]}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/**
 * Starts a sub-group in a priority area. Leads are picked from the partnership's members;
 * the hint nudges towards a voluntary + public co-lead pair.
 */
function CreateSubGroupForm({
  partnershipSlug,
  priorityAreaId,
  priorityAreaTitle,
  candidates,
}: {
  partnershipSlug: string;
  priorityAreaId: string;
  priorityAreaTitle: string;
  candidates: CandidateLead[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.subGroup.create.mutationOptions());
  const [leadSlots, setLeadSlots] = useState(2);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const leadUserIds = form
      .getAll("leadUserIds")
      .map(String)
      .filter((id) => id !== "");
    const parsed = createSubGroupInput.safeParse({
      priorityAreaId,
      name: form.get("name"),
      purpose: form.get("purpose"),
      joinPolicy: form.get("joinPolicy"),
      leadUserIds,
    });
    setMessage(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    try {
      const created = await create.mutateAsync(parsed.data);
      router.push(paths.subGroup(partnershipSlug, created.id));
    } catch (error) {
      const view = readApiError(error);
      setMessage(view?.message ?? "The sub-group could not be started.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  // Errors about the array as a whole, or one of its entries, show on the first picker.
  const leadError = Object.entries(fieldErrors)
    .filter(([key]) => key === "leadUserIds" || key.startsWith("leadUserIds."))
    .flatMap(([, messages]) => messages);

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      <DetailsFields fieldErrors={fieldErrors} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Leads</legend>
        <p className="text-sm text-slate-700">
          Sub-groups work best with a co-lead pair: one from the voluntary sector and one from the public sector. Choose
          up to {MAX_LEADS} people.
        </p>
        {Array.from({ length: leadSlots }, (_, index) => (
          <SelectField
            key={index}
            label={index === 0 ? "Lead" : `Co-lead ${index} (optional)`}
            name="leadUserIds"
            defaultValue=""
            error={index === 0 && leadError.length > 0 ? leadError : undefined}
          >
            <option value="">{index === 0 ? "Choose a lead" : "No one"}</option>
            {candidates.map((candidate) => (
              <option key={candidate.userId} value={candidate.userId}>
                {personOption(candidate)}
              </option>
            ))}
          </SelectField>
        ))}
        {leadSlots < MAX_LEADS ? (
          <Button variant="quiet" onClick={() => setLeadSlots((slots) => slots + 1)}>
            Add another co-lead
          </Button>
        ) : null}
      </fieldset>
      <Button type="submit" pending={create.isPending} pendingLabel="Starting…">
        Start sub-group in {priorityAreaTitle}
      </Button>
    </form>
  );
}

/** Leads and steering roles edit the name, purpose and how people join. */
function EditSubGroupForm({ subGroupId, initial }: { subGroupId: string; initial: Details }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.subGroup.update.mutationOptions());
  const action = useRefreshingAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = updateSubGroupInput.safeParse({
      subGroupId,
      name: form.get("name"),
      purpose: form.get("purpose"),
      joinPolicy: form.get("joinPolicy"),
    });
    if (!parsed.success) {
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    await action.run(() => update.mutateAsync(parsed.data), "Your changes have been saved.");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <DetailsFields initial={initial} fieldErrors={action.fieldErrors} />
      <Button type="submit" pending={action.pending} pendingLabel="Saving…">
        Save changes
      </Button>
    </form>
  );
}

/** Steering roles archive a sub-group, after saying yes to what that means. */
function ArchiveSubGroupButton({ subGroupId, name }: { subGroupId: string; name: string }) {
  const trpc = useTRPC();
  const archive = useMutation(trpc.subGroup.archive.mutationOptions());
  const action = useRefreshingAction();
  return (
    <div className="space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <ConfirmAction
        label="Archive this sub-group"
        question={`Archive ${name}?`}
        consequences="Its members, conversations and decisions are kept as history, but nobody can join or change it any more, and waiting join requests are closed."
        confirmLabel="Yes, archive it"
        pending={action.pending}
        onConfirm={() => action.run(() => archive.mutateAsync({ subGroupId }))}
      />
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CreateSubGroupFormWithApi = withApi(CreateSubGroupForm);
const EditSubGroupFormWithApi = withApi(EditSubGroupForm);
const ArchiveSubGroupButtonWithApi = withApi(ArchiveSubGroupButton);
export { CreateSubGroupFormWithApi as CreateSubGroupForm, EditSubGroupFormWithApi as EditSubGroupForm, ArchiveSubGroupButtonWithApi as ArchiveSubGroupButton };
