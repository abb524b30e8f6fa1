"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { addNoteInput, NOTE_BODY_MAX } from "@/lib/schemas/discussions";

/** A lead's short note: next meeting, key links. Pinned to the top unless they untick it. */
export function NoteForm({ subGroupId }: { subGroupId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pinId = useId();
  const addNote = useMutation(trpc.discussion.addNote.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

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
      setAdded(note.pinned ? "Note added and pinned to the top." : "Note added.");
      router.refresh();
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "The note could not be added. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {added ? <FormMessage tone="success">{added}</FormMessage> : null}
      <TextField label="Note title" name="title" error={fieldErrors.title} hint="For example: Next meeting" />
      <TextArea
        label="Note"
        name="body"
        rows={3}
        error={fieldErrors.body}
        hint={`Up to ${NOTE_BODY_MAX.toLocaleString("en-GB")} characters: a date, a place, a link to a shared folder.`}
      />
      <div className="flex items-center gap-3">
        <input id={pinId} type="checkbox" name="pinned" defaultChecked className="h-6 w-6 accent-brand-800" />
        <label htmlFor={pinId}>Pin it to the top of the sub-group space</label>
      </div>
      <button type="submit" className={buttonClass.primary} disabled={addNote.isPending}>
        {addNote.isPending ? "Adding…" : "Add note"}
      </button>
    </form>
  );
}
