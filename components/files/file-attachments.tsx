"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC, useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, SelectField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { formatFileSize } from "@/lib/file-size";
import { fileKindLabel, isImageType, mayShowInline } from "@/lib/files/file-kinds";
import { paths } from "@/lib/paths";
import type { OwnerFilesInput } from "@/lib/schemas/files";
import { formatDateTime } from "@/lib/uk-time";
import type { FileVersionView, OwnerFiles, StoredFileView } from "@/server/domain/files/files";
import { FileUploader } from "./file-uploader";

const OTHER = "";

/**
 * The files attached to one thing (a proposal, a progress update, an evaluation): the
 * documents it asks for with whether each is attached, every file with its kind, size,
 * uploader, date and earlier versions, image thumbnails and previews, and (for those who may)
 * the uploader. Used wherever files attach, so every page offers the same keyboard paths.
 */
function FileAttachments({
  owner,
  maxBytes,
  initial,
  title = "Files",
  uploadLabel = "Add files",
  headingId,
  level = 2,
  lead,
}: {
  /** A sentence under the heading saying what the files are for. */
  lead?: string;
  owner: OwnerFilesInput;
  /** The heading's level where the list sits (3 inside a section of its own). */
  level?: 2 | 3;
  maxBytes: number;
  initial?: OwnerFiles;
  title?: string;
  uploadLabel?: string;
  headingId?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.file.list.queryOptions(owner);
  const query = useQuery({ ...options, initialData: initial });
  const router = useRouter();
  // The list, and the page around it (e.g. the proposal's "still to do" list of documents).
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: options.queryKey });
    router.refresh();
  };
  const [slot, setSlot] = useState(OTHER);
  const generated = useId();
  const heading = headingId ?? `files-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;

  const data = query.data;
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby={heading} className="space-y-4" data-testid="file-attachments">
      <Heading id={heading} tabIndex={-1} className={level === 2 ? "text-2xl font-semibold" : "text-xl font-semibold"}>
        {title}
      </Heading>
      {lead ? <p className="max-w-prose text-slate-700">{lead}</p> : null}
      {!data ? (
        query.isError ? <FormMessage tone="error">The files could not be loaded. Reload the page to try again.</FormMessage> : <p>Loading the files…</p>
      ) : (
        <>
          {data.slots.length > 0 ? (
            <div>
              <Sub className="text-lg font-semibold">Documents this round asks for</Sub>
              <ul className="mt-2 space-y-1" data-testid="required-documents">
                {data.slots.map((required) => (
                  <li key={required.name} className="flex flex-wrap gap-x-2">
                    <span className="font-semibold">{required.name}:</span>
                    <span className={required.filled ? "text-green-900" : "text-red-900"}>{required.filled ? "attached" : "not attached yet"}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {data.files.length === 0 ? (
            <p>No files yet.</p>
          ) : (
            <ul className="space-y-4" data-testid="file-list">
              {data.files.map((file) => (
                <FileItem key={file.id} file={file} owner={owner} maxBytes={maxBytes} canReplace={data.canAttach} onChanged={refresh} />
              ))}
            </ul>
          )}

          {data.canAttach && data.singleFile && data.files.length > 0 ? null : data.canAttach ? (
            <div className="space-y-3">
              {data.slots.length > 0 ? (
                <SelectField label="Which document are you adding?" value={slot} onChange={(event) => setSlot(event.target.value)}>
                  {data.slots.map((required) => (
                    <option key={required.name} value={required.name}>
                      {required.name}
                    </option>
                  ))}
                  <option value={OTHER}>Another document</option>
                </SelectField>
              ) : null}
              <FileUploader
                label={uploadLabel}
                maxBytes={maxBytes}
                target={() => ({ ...owner, slot: slot === OTHER ? null : slot })}
                onUploaded={refresh}
              />
            </div>
          ) : data.closedReason ? (
            <p className="text-slate-700">{data.closedReason}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

function VersionFacts({ version }: { version: FileVersionView }) {
  return (
    <span className="text-sm text-slate-700">
      {fileKindLabel(version.mimeType)}, {formatFileSize(version.sizeBytes)}. Uploaded by {version.uploadedBy} on {formatDateTime(version.uploadedAt)}.
    </span>
  );
}

function FileItem({
  file,
  owner,
  maxBytes,
  canReplace,
  onChanged,
}: {
  file: StoredFileView;
  owner: OwnerFilesInput;
  maxBytes: number;
  canReplace: boolean;
  onChanged: () => void;
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const { current } = file;
  const older = file.versions.filter((version) => version.id !== current.id);
  return (
    <li className="rounded-md border border-slate-300 p-3" data-testid="file-item">
      <div className="flex flex-wrap items-start gap-3">
        {current.hasThumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- a same-site thumbnail the route serves, already small.
          <img src={paths.fileThumbnail(file.id, current.number)} alt={`Preview of ${current.name}`} width={96} height={96} className="h-24 w-24 rounded object-cover" />
        ) : null}
        <div className="min-w-0 flex-1 space-y-1">
          {file.slot ? <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{file.slot}</p> : null}
          <p className="break-words">
            <a href={paths.fileDownload(file.id)} className="font-semibold" download>
              {current.name}
            </a>
            {file.versions.length > 1 ? <span className="text-sm"> (version {current.number})</span> : null}
          </p>
          <VersionFacts version={current} />
          {mayShowInline(current.mimeType) ? (
            <p>
              <a href={paths.fileDownload(file.id, { inline: true })} target="_blank" rel="noopener">
                {isImageType(current.mimeType) ? "View the image" : "Preview the PDF"}
                <span className="sr-only"> {current.name}</span> (opens in a new tab)
              </a>
            </p>
          ) : null}
        </div>
      </div>
      {older.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold text-brand-800">
            Earlier versions ({older.length})<span className="sr-only"> of {current.name}</span>
          </summary>
          <ul className="mt-2 space-y-1 pl-4">
            {older.map((version) => (
              <li key={version.id}>
                <a href={paths.fileDownload(file.id, { version: version.number })} download>
                  Version {version.number}: {version.name}
                </a>{" "}
                <VersionFacts version={version} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canReplace || file.canRemove ? (
        <div className="mt-3 flex flex-wrap items-start gap-4">
          {canReplace ? (
            <details>
              <summary className="cursor-pointer font-semibold text-brand-800">
                Upload a new version<span className="sr-only"> of {current.name}</span>
              </summary>
              <div className="mt-2">
                <FileUploader
                  label={`New version of ${current.name}`}
                  maxBytes={maxBytes}
                  multiple={false}
                  compact
                  target={() => ({ ...owner, fileId: file.id })}
                  onUploaded={onChanged}
                />
              </div>
            </details>
          ) : null}
          {file.canRemove ? (
            <div>
              {action.error ? (
                <FormMessage tone="error" focus focusKey={action.error}>
                  {action.error}
                </FormMessage>
              ) : null}
              <ConfirmAction
                label={
                  <>
                    Remove<span className="sr-only"> {current.name}</span>
                  </>
                }
                question={`Remove “${current.name}”?`}
                consequences={`It goes with all ${file.versions.length === 1 ? "its" : `${file.versions.length} of its`} versions. The partnership's audit trail records that you removed it.`}
                confirmLabel="Yes, remove it"
                pending={action.pending}
                onConfirm={async () => {
                  const result = await action.run(() => client.file.remove.mutate({ fileId: file.id }));
                  if (result.ok) onChanged();
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const FileAttachmentsWithApi = withApi(FileAttachments);
export { FileAttachmentsWithApi as FileAttachments };
