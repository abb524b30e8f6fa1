/**
 * Where a virus scanner plugs in. Every upload passes through `scanUpload` after its bytes
 * are stored and before it is recorded, so a refusal here stores nothing (the upload
 * removes the bytes). Tandem does not scan files today: this step passes every file.
 * A scanner (e.g. ClamAV's clamd over its INSTREAM command) would read `open()` and return
 * `{ clean: false, reason }` for a file it finds infected.
 */
export type ScanSubject = {
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  /** The stored bytes, as a stream. */
  open: () => Promise<ReadableStream<Uint8Array> | null>;
};

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

export async function scanUpload(subject: ScanSubject): Promise<ScanVerdict> {
  void subject;
  return { clean: true };
}
