import { formatFileSize } from "@/lib/file-size";

/** How much of its storage a partnership uses: in words, and as a bar with the same numbers. */
export function StorageUse({ usedBytes, limitBytes, fileCount, percentUsed }: { usedBytes: number; limitBytes: number; fileCount: number; percentUsed: number }) {
  const nearlyFull = percentUsed >= 90;
  return (
    <div className="max-w-prose space-y-2" data-testid="storage-use">
      <p>
        <strong>{formatFileSize(usedBytes)}</strong> of {formatFileSize(limitBytes)} used ({percentUsed}%), in{" "}
        {fileCount === 1 ? "1 file" : `${fileCount.toLocaleString("en-GB")} files`}.
      </p>
      <progress value={usedBytes} max={limitBytes} aria-label="Storage used" className="h-4 w-full accent-brand-800" />
      {nearlyFull ? (
        <p className="font-semibold text-red-900">
          Storage is nearly full: new uploads are refused once it is. Remove files that are no longer needed, or ask whoever runs
          Tandem to raise the limit (TANDEM_PARTNERSHIP_STORAGE_BYTES).
        </p>
      ) : null}
    </div>
  );
}
