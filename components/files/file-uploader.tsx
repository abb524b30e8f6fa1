"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { formatFileSize } from "@/lib/file-size";
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_KINDS_IN_WORDS } from "@/lib/files/file-kinds";
import { paths } from "@/lib/paths";
import { sendFile } from "./upload-request";

export type UploadTarget = { ownerKind: string; ownerId: string; slot?: string | null; fileId?: string | null };

type Progress = { name: string; sent: number; total: number };

/**
 * Choose files (a real file input with its label) or drop them on the box; each is sent in
 * turn with a progress bar, and the outcome is announced: "Uploaded …" politely, a refusal
 * (too large, a kind not accepted, storage full) as an alert.
 */
export function FileUploader({
  label,
  target,
  maxBytes,
  onUploaded,
  multiple = true,
  compact = false,
}: {
  label: string;
  /** Where the files go; read when the upload starts (so a chosen document slot applies). */
  target: () => UploadTarget;
  maxBytes: number;
  onUploaded: () => void;
  multiple?: boolean;
  compact?: boolean;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setDone(null);
    setErrors([]);
    const uploaded: string[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (file.size > maxBytes) {
        refused.push(`“${file.name}” is larger than the limit of ${formatFileSize(maxBytes)}.`);
        continue;
      }
      setProgress({ name: file.name, sent: 0, total: file.size });
      const result = await sendFile(paths.fileUpload(target()), file, (sent, total) => setProgress({ name: file.name, sent, total }));
      if (result.ok) uploaded.push(file.name);
      else refused.push(`“${file.name}”: ${result.message ?? "the upload failed. Please try again."}`);
    }
    setProgress(null);
    if (input.current) input.current.value = "";
    if (uploaded.length > 0) {
      setDone(uploaded.length === 1 ? `Uploaded “${uploaded[0]}”.` : `Uploaded ${uploaded.length} files.`);
      onUploaded();
    }
    setErrors(refused);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void upload(Array.from(event.dataTransfer.files).slice(0, multiple ? undefined : 1));
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md border-2 border-dashed p-4 ${dragging ? "border-brand-800 bg-brand-50" : "border-slate-500"} ${compact ? "p-3" : ""}`}
        data-testid="file-drop-zone"
      >
        <label htmlFor={inputId} className="block font-semibold">
          {label}
        </label>
        <p id={hintId} className="mt-1 text-sm text-slate-700">
          Choose {multiple ? "files" : "a file"} or drop {multiple ? "them" : "it"} here. {ACCEPTED_FILE_KINDS_IN_WORDS}; up to {formatFileSize(maxBytes)} each.
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple={multiple}
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={hintId}
          disabled={progress !== null}
          onChange={(event) => void upload(Array.from(event.target.files ?? []))}
          className="mt-3 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border-2 file:border-brand-800 file:bg-white file:px-4 file:font-semibold file:text-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
        />
      </div>
      {progress ? (
        <div>
          <label className="block text-sm font-semibold" htmlFor={`${inputId}-progress`}>
            Uploading “{progress.name}”: {progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0}%
          </label>
          <progress
            id={`${inputId}-progress`}
            value={progress.sent}
            max={Math.max(progress.total, 1)}
            className="mt-1 h-4 w-full accent-brand-800"
            data-testid="upload-progress"
          />
        </div>
      ) : null}
      <div role="status" aria-live="polite" className={done ? "font-semibold text-green-900" : ""}>
        {done}
      </div>
      {errors.length > 0 ? (
        <div role="alert" className="rounded-md border-l-4 border-red-800 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{errors.length === 1 ? "This file was not uploaded" : "These files were not uploaded"}</p>
          <ul className="mt-1 list-disc pl-6">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
