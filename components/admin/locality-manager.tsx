"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { addLocalityInput, renameLocalityInput } from "@/lib/schemas/partnership-admin";
import { useAdminAction } from "./use-admin-action";

type Locality = { id: string; name: string };
type Notice = { tone: "error" | "success"; text: string } | null;

/** Add, rename and remove the partnership's localities. */
function LocalityManager({ slug, localities }: { slug: string; localities: Locality[] }) {
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <div className="space-y-6">
      {/* The outcome takes focus: after a removal the row, and the button pressed, are gone. */}
      {notice ? (
        <FormMessage tone={notice.tone} focus focusKey={notice}>
          {notice.text}
        </FormMessage>
      ) : null}
      {localities.length === 0 ? (
        <p className="text-slate-700">No localities yet: the partnership covers one area.</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {localities.map((locality) => (
            <LocalityRow key={locality.id} locality={locality} onNotice={setNotice} />
          ))}
        </ul>
      )}
      <AddLocalityForm slug={slug} onNotice={setNotice} />
    </div>
  );
}

function LocalityRow({ locality, onNotice }: { locality: Locality; onNotice: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.partnership.renameLocality.mutationOptions());
  const remove = useMutation(trpc.partnership.removeLocality.mutationOptions());
  const renameAction = useAdminAction(rename.mutateAsync);
  const removeAction = useAdminAction(remove.mutateAsync);
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = renameLocalityInput.safeParse({ localityId: locality.id, name: form.get("name") });
    if (!parsed.success) {
      renameAction.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    const result = await renameAction.submit(parsed.data);
    if (result) {
      setEditing(false);
      onNotice({ tone: "success", text: `${locality.name} is now called ${result.name}.` });
    }
  }

  async function onRemove() {
    onNotice(null);
    const result = await removeAction.submit({ localityId: locality.id });
    if (result) onNotice({ tone: "success", text: `${locality.name} was removed.` });
  }

  // A refusal to remove (the locality is in use) is shown by the row itself, next to the button.
  return (
    <li className="py-3">
      {editing ? (
        <form onSubmit={onRename} noValidate className="flex flex-wrap items-end gap-3">
          <TextField
            label={`New name for ${locality.name}`}
            name="name"
            defaultValue={locality.name}
            error={renameAction.error ?? renameAction.fieldErrors.name}
            className="min-w-0 flex-1 basis-56"
            // The field appears because the person asked to rename: put them in it.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={renameAction.pending}>
              {renameAction.pending ? "Saving…" : "Save"}
            </Button>
            <Button
              type="button"
              variant="quiet"
              onClick={() => {
                setEditing(false);
                renameAction.reset();
                requestAnimationFrame(() => renameButton.current?.focus());
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="font-semibold">{locality.name}</span>
          <div className="flex flex-wrap items-start gap-2">
            <Button
              ref={renameButton}
              type="button"
              variant="secondary"
              onClick={() => {
                onNotice(null);
                setEditing(true);
              }}
            >
              Rename<span className="sr-only"> {locality.name}</span>
            </Button>
            <ConfirmAction
              label={
                <>
                  Remove<span className="sr-only"> {locality.name}</span>
                </>
              }
              question={`Remove ${locality.name}?`}
              consequences="It will no longer be offered when people and organisations say where they work. This cannot be undone, but you can add it again."
              confirmLabel="Yes, remove it"
              pending={removeAction.pending}
              onConfirm={onRemove}
            />
          </div>
        </div>
      )}
      {removeAction.error && !editing ? (
        <div className="mt-2">
          <FormMessage tone="error">{removeAction.error}</FormMessage>
        </div>
      ) : null}
    </li>
  );
}

function AddLocalityForm({ slug, onNotice }: { slug: string; onNotice: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.partnership.addLocality.mutationOptions());
  const action = useAdminAction(add.mutateAsync);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onNotice(null);
    const formElement = event.currentTarget;
    const parsed = addLocalityInput.safeParse({ partnershipSlug: slug, name: new FormData(formElement).get("name") });
    if (!parsed.success) {
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    const result = await action.submit(parsed.data);
    if (result) {
      formElement.reset();
      onNotice({ tone: "success", text: `${result.name} was added.` });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-wrap items-end gap-3">
      <TextField
        label="Add a locality"
        name="name"
        hint="For example: Paisley"
        error={action.error ?? action.fieldErrors.name}
        className="min-w-0 flex-1 basis-56"
        autoComplete="off"
      />
      <Button type="submit" variant="primary" disabled={action.pending}>
        {action.pending ? "Adding…" : "Add locality"}
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const LocalityManagerWithApi = withApi(LocalityManager);
export { LocalityManagerWithApi as LocalityManager };
