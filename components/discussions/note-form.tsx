"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { addNoteInput, NOTE_BODY_MAX, NOTE_TITLE_MAX } from "@/lib/schemas/discussions";

/**
 * A lead's short note: next meeting, key links. Pinned to the top unless they untick it.
 * Once added, focus moves to the message saying so; a refusal takes focus the same way.
 */
function NoteForm({ subGroupId }: { subGroupId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pinId = useId();
  const addNote = useMutation(trpc.discussion.addNote.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ message: string } | null>(null);
  // Fields start afresh (their character counts too) once a note is added.
  const [resets, setResets] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setAdded(null);
    const parsed = addNoteInput.safeParse({
      subGroupId,
      title: form.get("title"),
      body: form.get("body"),
      pinned: form.get("pinned") === "on",
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    try {
      const note = await addNote.mutateAsync(parsed.data);
      formElement.reset();
      setResets((count) => count + 1);
      setAdded({ message: note.pinned ? "Note added and pinned to the top." : "Note added. It is under Other notes." });
      router.refresh();
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "The note could not be added. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {error ? (
        <FormMessage tone="error" focus focusKey={error}>
          {error}
        </FormMessage>
      ) : null}
      {added ? (
        <FormMessage tone="success" focus focusKey={added}>
          {added.message}
        </FormMessage>
      ) : null}
      <TextField key={`title-${resets}`} label="Note title" name="title" error={fieldErrors.title} hint="For example: Next meeting" maxLength={NOTE_TITLE_MAX} />
      <TextArea
        key={`body-${resets}`}
        label="Note"
        name="body"
        rows={3}
        error={fieldErrors.body}
        hint="A date, a place, a link to a shared folder."
        maxLength={NOTE_BODY_MAX}
      />
      <div className="flex items-center gap-3">
        <input id={pinId} type="checkbox" name="pinned" defaultChecked className="h-6 w-6 accent-brand-800" />
        <label htmlFor={pinId}>Pin it to the top of the sub-group space</label>
      </div>
      <Button type="submit" pending={addNote.isPending} pendingLabel="Adding…">
        Add note
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const NoteFormWithApi = withApi(NoteForm);
export { NoteFormWithApi as NoteForm };
