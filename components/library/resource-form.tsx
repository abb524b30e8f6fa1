"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { sendFile } from "@/components/files/upload-request";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ErrorSummary, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { formatFileSize } from "@/lib/file-size";
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_KINDS_IN_WORDS } from "@/lib/files/file-kinds";
import {
  LIBRARY_DESCRIPTION_MAX,
  LIBRARY_TAGS_MAX,
  LIBRARY_TITLE_MAX,
  LIBRARY_URL_MAX,
  splitTags,
  type LibraryVisibilityValue,
} from "@/lib/schemas/library";
import { paths } from "@/lib/paths";
import type { FolderChoice } from "./library-labels";

export type LinkDraft = {
  title: string;
  url: string;
  description: string;
  tags: string;
  folderId: string;
  visibility: LibraryVisibilityValue;
};

/** Where each field's error takes the reader in the error summary. */
const FIELD_IDS: Record<string, string> = {
  title: "link-title",
  url: "link-url",
  description: "link-description",
  tags: "link-tags",
  folderId: "link-folder",
  file: "document-file",
  visibility: "link-visibility-MEMBERS",
};
const FIELD_ORDER = Object.keys(FIELD_IDS);

const VISIBILITY_OPTIONS: readonly { value: LibraryVisibilityValue; label: string; hint: string }[] = [
  { value: "MEMBERS", label: "Members only", hint: "Everyone in the partnership, observers included, once signed in." },
  { value: "PUBLIC", label: "Members and the public page", hint: "Also listed on the partnership's public page, for anyone, without signing in." },
];

/**
 * Adding a link or a document to the library, or changing one: its title, a link's address
 * (a new document's file instead), a description, tags, its folder and (for officers and
 * chairs) whether it is also on the public page. Changing the folder moves it. A new
 * document is made, then its file uploaded with a progress bar; if the file is refused, the
 * document is taken away again and the form says why, so nothing half made stays. The
 * server checks everything again and says what to fix.
 */
function ResourceForm({
  kind,
  maxBytes = 0,
  slug,
  folders,
  canPublish,
  publishesPortfolio,
  resource,
  startInFolder,
}: {
  kind: "LINK" | "DOCUMENT";
  /** The upload limit, for a new document's file. */
  maxBytes?: number;
  slug: string;
  folders: readonly FolderChoice[];
  canPublish: boolean;
  publishesPortfolio: boolean;
  /** The link being changed; a new link when absent. */
  resource?: { id: string; draft: LinkDraft };
  startInFolder?: string;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [draft, setDraft] = useState<LinkDraft>(
    resource?.draft ?? { title: "", url: "", description: "", tags: "", folderId: startInFolder ?? "", visibility: "MEMBERS" },
  );
  const set = <K extends keyof LinkDraft>(key: K, value: LinkDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const noun = kind === "DOCUMENT" ? "document" : "link";
  const choosingFile = kind === "DOCUMENT" && !resource;
  const errors = fileError ? { ...action.fieldErrors, file: [fileError] } : action.fieldErrors;
  const tagErrors = Object.entries(errors).filter(([key]) => key === "tags" || key.startsWith("tags.")).flatMap(([, messages]) => messages);

  /** Uploads a new document's file; a refusal takes the document away again and is raised as the form's error. */
  async function uploadTo(resourceId: string, file: File) {
    setProgress({ sent: 0, total: file.size });
    const sent = await sendFile(paths.fileUpload({ ownerKind: "LIBRARY_RESOURCE", ownerId: resourceId }), file, (done, total) => setProgress({ sent: done, total }));
    setProgress(null);
    if (sent.ok) return;
    await client.library.removeResource.mutate({ libraryResourceId: resourceId }).catch(() => undefined);
    const message = sent.message ?? "The file could not be uploaded. Please try again.";
    setFileError(message);
    throw new Error(`The document was not added: ${message}`);
  }

  async function save() {
    setFileError(null);
    const file = fileInput.current?.files?.[0] ?? null;
    if (choosingFile && !file) {
      setFileError("Choose the document's file");
      action.setError("There is a problem: choose the document's file.");
      return;
    }
    if (choosingFile && file && file.size > maxBytes) {
      setFileError(`Choose a file smaller than ${formatFileSize(maxBytes)}`);
      action.setError(`This file is larger than the limit of ${formatFileSize(maxBytes)}.`);
      return;
    }
    const common = { title: draft.title, description: draft.description, tags: splitTags(draft.tags), visibility: draft.visibility };
    const content = kind === "LINK" ? { ...common, url: draft.url } : common;
    const folderId = draft.folderId || null;
    const result = await action.run(
      async () => {
        if (!resource && kind === "DOCUMENT") {
          const added = await client.library.addDocument.mutate({ partnershipSlug: slug, folderId, ...common });
          await uploadTo(added.id, file!);
          return added;
        }
        if (!resource) return client.library.addLink.mutate({ partnershipSlug: slug, folderId, ...common, url: draft.url });
        const updated = await client.library.updateResource.mutate({ libraryResourceId: resource.id, ...content });
        if ((resource.draft.folderId || null) !== folderId) await client.library.moveResource.mutate({ libraryResourceId: resource.id, folderId });
        return updated;
      },
      { refresh: false },
    );
    if (result.ok) {
      router.push(paths.library(slug, { folderId: folderId ?? undefined }));
      router.refresh();
    }
  }

  async function remove() {
    if (!resource) return;
    const result = await action.run(() => client.library.removeResource.mutate({ libraryResourceId: resource.id }), { refresh: false });
    if (result.ok) {
      router.push(paths.library(slug, { folderId: resource.draft.folderId || undefined }));
      router.refresh();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save();
  }

  const problems = FIELD_ORDER.flatMap((key) => {
    const messages = key === "tags" ? tagErrors : errors[key];
    return messages?.[0] ? [[key, messages[0]] as const] : [];
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      {action.error ? <ErrorSummary message={action.error} problems={problems} hrefFor={(key) => FIELD_IDS[key] ?? "link-title"} /> : null}

      <TextField
        id="link-title"
        label="Title"
        hint="What people will look for, such as “Community Link Worker referral guide”."
        value={draft.title}
        onChange={(event) => set("title", event.target.value)}
        error={errors.title}
        maxLength={LIBRARY_TITLE_MAX}
        autoComplete="off"
      />
      {kind === "LINK" ? (
      <TextField
        id="link-url"
        label="Web address"
        hint="Copy it from your browser's address bar; it starts https://"
        type="url"
        inputMode="url"
        spellCheck={false}
        value={draft.url}
        onChange={(event) => set("url", event.target.value)}
        error={errors.url}
        maxLength={LIBRARY_URL_MAX}
        autoComplete="off"
      />
      ) : null}
      {choosingFile ? (
        <div className={errors.file ? "border-l-4 border-red-800 pl-4" : undefined}>
          <label htmlFor="document-file" className="block font-semibold">
            The file
          </label>
          <p id="document-file-hint" className="mt-1 text-sm text-slate-700">
            {ACCEPTED_FILE_KINDS_IN_WORDS}; up to {formatFileSize(maxBytes)}. You can upload a new version later; the earlier ones are kept.
          </p>
          {errors.file ? (
            <p id="document-file-error" className="mt-1 font-semibold text-red-900">
              <span className="sr-only">Error: </span>
              {errors.file[0]}
            </p>
          ) : null}
          <input
            ref={fileInput}
            id="document-file"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={errors.file ? "document-file-hint document-file-error" : "document-file-hint"}
            aria-invalid={errors.file ? true : undefined}
            disabled={progress !== null}
            onChange={() => setFileError(null)}
            className="mt-3 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border-2 file:border-brand-800 file:bg-white file:px-4 file:font-semibold file:text-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
          />
          {progress ? (
            <div className="mt-3">
              <label className="block text-sm font-semibold" htmlFor="document-file-progress">
                Uploading: {progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0}%
              </label>
              <progress id="document-file-progress" value={progress.sent} max={Math.max(progress.total, 1)} className="mt-1 h-4 w-full accent-brand-800" />
            </div>
          ) : null}
        </div>
      ) : null}
      <TextArea
        id="link-description"
        label="Description (optional)"
        hint="What it is and who it helps, in a sentence or two."
        value={draft.description}
        onChange={(event) => set("description", event.target.value)}
        error={errors.description}
        maxLength={LIBRARY_DESCRIPTION_MAX}
        rows={3}
      />
      <TextField
        id="link-tags"
        label="Tags (optional)"
        hint={`Words people can filter by, separated by commas, such as “carers, referrals”. Up to ${LIBRARY_TAGS_MAX}.`}
        value={draft.tags}
        onChange={(event) => set("tags", event.target.value)}
        error={tagErrors}
        autoComplete="off"
      />
      <SelectField id="link-folder" label="Folder" value={draft.folderId} onChange={(event) => set("folderId", event.target.value)} error={errors.folderId}>
        <option value="">Not in a folder (the top of the library)</option>
        {folders.map((folder) => (
          <option key={folder.id} value={folder.id}>
            {folder.label}
          </option>
        ))}
      </SelectField>

      {canPublish ? (
        <fieldset className="space-y-3">
          <legend className="font-semibold">Who can see it</legend>
          {!publishesPortfolio ? (
            <p className="text-sm text-slate-700">
              The partnership does not publish its public page at the moment: a public resource appears there once it does.
            </p>
          ) : null}
          {VISIBILITY_OPTIONS.map((option) => (
            <div key={option.value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
              <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
                <input
                  id={`link-visibility-${option.value}`}
                  type="radio"
                  name="visibility"
                  value={option.value}
                  checked={draft.visibility === option.value}
                  onChange={() => set("visibility", option.value)}
                  aria-describedby={`link-visibility-${option.value}-hint`}
                  className="h-5 w-5 shrink-0 accent-brand-800"
                />
                {option.label}
              </label>
              <p id={`link-visibility-${option.value}-hint`} className="px-3 pb-2 pl-11 text-sm text-slate-700">
                {option.hint}
              </p>
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="max-w-prose text-slate-700">
          It is shared with the partnership&rsquo;s members. An officer or chair can also put it on the public page.
        </p>
      )}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={action.pending} pendingLabel="Saving…">
          {resource ? "Save changes" : `Add the ${noun}`}
        </Button>
      </div>

      {resource ? (
        <section aria-labelledby="remove-resource-heading" className="border-t-2 border-slate-300 pt-6">
          <h2 id="remove-resource-heading" className="text-xl font-semibold">
            Remove it from the library
          </h2>
          <div className="mt-3">
            <ConfirmAction
              label={`Remove this ${noun}`}
              question={`Remove this ${noun} from the library?`}
              consequences={`Nobody will find it in the library or on the public page any more${kind === "DOCUMENT" ? ", and its file goes with every version" : ""}. The audit trail keeps a note that it was removed.`}
              confirmLabel="Yes, remove it"
              pending={action.pending}
              onConfirm={remove}
            />
          </div>
        </section>
      ) : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ResourceFormWithApi = withApi(ResourceForm);
export { ResourceFormWithApi as ResourceForm };
