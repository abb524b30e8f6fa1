"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, SelectField, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { LIBRARY_FOLDER_NAME_MAX } from "@/lib/schemas/library";
import { paths } from "@/lib/paths";

type TopFolder = { id: string; name: string };

/** Officers and chairs make a folder at the top of the library or inside a top-level folder. */
function NewFolderForm({ slug, topFolders, startInside }: { slug: string; topFolders: readonly TopFolder[]; startInside?: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState(startInside ?? "");
  const [made, setMade] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMade(null);
    const result = await action.run(() => client.library.createFolder.mutate({ partnershipSlug: slug, name, parentId: parentId || null }));
    if (result.ok) {
      setMade(result.value.name);
      setName("");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {made ? (
        <FormMessage tone="success" focus focusKey={made}>
          The folder &ldquo;{made}&rdquo; is made.
        </FormMessage>
      ) : null}
      <TextField
        id="new-folder-name"
        label="Folder name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={action.fieldErrors.name}
        maxLength={LIBRARY_FOLDER_NAME_MAX}
        autoComplete="off"
      />
      <SelectField
        id="new-folder-parent"
        label="Where it goes"
        hint="Folders go two levels deep: at the top, or inside a top-level folder."
        value={parentId}
        onChange={(event) => setParentId(event.target.value)}
        error={action.fieldErrors.parentId}
      >
        <option value="">At the top of the library</option>
        {topFolders.map((folder) => (
          <option key={folder.id} value={folder.id}>
            Inside {folder.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Making the folder…">
        Make the folder
      </Button>
    </form>
  );
}

/** The open folder's name, place and removal, for officers and chairs. */
function FolderSettings({
  slug,
  folder,
  topFolders,
  holdsFolders,
  empty,
}: {
  slug: string;
  folder: { id: string; name: string; parentId: string | null };
  topFolders: readonly TopFolder[];
  holdsFolders: boolean;
  empty: boolean;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [name, setName] = useState(folder.name);
  const [parentId, setParentId] = useState(folder.parentId ?? "");
  const places = topFolders.filter((top) => top.id !== folder.id);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(() => client.library.renameFolder.mutate({ libraryFolderId: folder.id, name }), { success: "The folder is renamed." });
  }
  async function move(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await action.run(() => client.library.moveFolder.mutate({ libraryFolderId: folder.id, parentId: parentId || null }), { success: "The folder is moved." });
  }
  async function remove() {
    const result = await action.run(() => client.library.removeFolder.mutate({ libraryFolderId: folder.id }), { refresh: false });
    if (result.ok) {
      router.push(paths.library(slug, { folderId: folder.parentId ?? undefined }));
      router.refresh();
    }
  }

  return (
    <div className="max-w-xl space-y-6">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? (
        <FormMessage tone="success" focus>
          {action.done}
        </FormMessage>
      ) : null}
      <form onSubmit={rename} noValidate className="space-y-3">
        <TextField
          id="folder-name"
          label="Rename the folder"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={action.fieldErrors.name}
          maxLength={LIBRARY_FOLDER_NAME_MAX}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" pending={action.pending}>
          Rename
        </Button>
      </form>
      {holdsFolders ? (
        <p className="text-slate-700">This folder holds folders of its own, so it stays at the top of the library.</p>
      ) : (
        <form onSubmit={move} noValidate className="space-y-3">
          <SelectField
            id="folder-parent"
            label="Move the folder"
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
            error={action.fieldErrors.parentId}
          >
            <option value="">To the top of the library</option>
            {places.map((top) => (
              <option key={top.id} value={top.id}>
                Inside {top.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" pending={action.pending}>
            Move
          </Button>
        </form>
      )}
      {empty ? (
        <ConfirmAction
          label="Remove this folder"
          question={`Remove the empty folder “${folder.name}”?`}
          confirmLabel="Yes, remove the folder"
          pending={action.pending}
          onConfirm={remove}
        />
      ) : (
        <p className="text-slate-700">To remove this folder, move or remove what is in it first.</p>
      )}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const NewFolderFormWithApi = withApi(NewFolderForm);
const FolderSettingsWithApi = withApi(FolderSettings);
export { NewFolderFormWithApi as NewFolderForm, FolderSettingsWithApi as FolderSettings };
