"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/form";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/imports";

/** Sends the chosen spreadsheet to the upload route, then opens its preview. */
export function ImportUploadForm({ uploadUrl }: { uploadUrl: string }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a CSV or Excel file to upload.");
    if (file.size > MAX_IMPORT_FILE_BYTES) return setError("The file is larger than 2 MB. Split it into smaller files, or remove columns Tandem does not use.");
    setPending(true);
    setError(null);
    try {
      const response = await fetch(uploadUrl, { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
      if (response.ok && body.url) {
        router.push(body.url);
        return;
      }
      setError(body.message ?? "The file could not be uploaded. Please try again.");
    } catch {
      setError("The file could not be uploaded: check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {error ? <ErrorSummary message="The file could not be read." problems={[["file", error]]} hrefFor={() => inputId} /> : null}
      <div>
        <label htmlFor={inputId} className="block font-semibold">
          Spreadsheet of people
        </label>
        <p id={hintId} className="mt-1 text-slate-700">
          A CSV or Excel (.xlsx) file of up to 2 MB and 5,000 people. Nothing is sent until you have checked the preview.
        </p>
        {error ? (
          <p id={errorId} className="mt-1 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
        <input
          id={inputId}
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          className={`mt-2 block w-full max-w-full rounded-md border-2 bg-white p-2 ${error ? "border-red-800" : "border-slate-700"}`}
        />
      </div>
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Reading the file…">
        Upload and preview
      </Button>
    </form>
  );
}
