"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { useRefreshingAction } from "@/components/sub-groups/use-refreshing-action";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import {
  createPriorityAreaInput,
  PRIORITY_AREA_TEXT_MAX,
  PRIORITY_AREA_TITLE_MAX,
  updatePriorityAreaInput,
} from "@/lib/schemas/priority-areas";

type Details = { title: string; description: string; outcomesSought: string };

/** Adds a priority area (given the partnership) or edits one (given the area and its details). */
function PriorityAreaForm(
  props: { mode: "create"; partnershipSlug: string } | { mode: "edit"; priorityAreaId: string; initial: Details },
) {
  const trpc = useTRPC();
  const create = useMutation(trpc.priorityArea.create.mutationOptions());
  const update = useMutation(trpc.priorityArea.update.mutationOptions());
  const action = useRefreshingAction();
  const formRef = useRef<HTMLFormElement>(null);
  const initial = props.mode === "edit" ? props.initial : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const details = {
      title: form.get("title"),
      description: form.get("description"),
      outcomesSought: form.get("outcomesSought"),
    };
    if (props.mode === "create") {
      const parsed = createPriorityAreaInput.safeParse({ partnershipSlug: props.partnershipSlug, ...details });
      if (!parsed.success) return action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      const saved = await action.run(() => create.mutateAsync(parsed.data), `${parsed.data.title} has been added at the end of the list.`);
      if (saved) formRef.current?.reset();
    } else {
      const parsed = updatePriorityAreaInput.safeParse({ priorityAreaId: props.priorityAreaId, ...details });
      if (!parsed.success) return action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      await action.run(() => update.mutateAsync(parsed.data), "Your changes have been saved.");
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <TextField
        label="Title"
        name="title"
        defaultValue={initial?.title}
        maxLength={PRIORITY_AREA_TITLE_MAX}
        error={action.fieldErrors.title}
        hint="For example: Unpaid carers"
      />
      <TextArea
        label="Description"
        name="description"
        defaultValue={initial?.description}
        maxLength={PRIORITY_AREA_TEXT_MAX}
        error={action.fieldErrors.description}
        hint="What this priority is about, in a sentence or two."
      />
      <TextArea
        label="Outcomes sought"
        name="outcomesSought"
        defaultValue={initial?.outcomesSought}
        maxLength={PRIORITY_AREA_TEXT_MAX}
        error={action.fieldErrors.outcomesSought}
        hint="What the partnership hopes will be different, and how it will know."
      />
      <Button type="submit" variant="primary" disabled={action.pending}>
        {action.pending ? "Saving…" : props.mode === "create" ? "Add priority area" : "Save changes"}
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PriorityAreaFormWithApi = withApi(PriorityAreaForm);
export { PriorityAreaFormWithApi as PriorityAreaForm };
