import { FILE_NAME_HEADER } from "@/lib/schemas/files";

/**
 * Sends one file as the request body with XMLHttpRequest, because fetch cannot report upload
 * progress: `onProgress` hears the bytes sent so far. Resolves with the server's answer.
 */
export function sendFile(
  url: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<{ ok: boolean; status: number; message: string | null }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let message: string | null = null;
      try {
        message = (JSON.parse(request.responseText) as { message?: string }).message ?? null;
      } catch {
        message = null;
      }
      resolve({ ok: request.status >= 200 && request.status < 300, status: request.status, message });
    };
    request.onerror = () => resolve({ ok: false, status: 0, message: "The upload stopped: check your connection and try again." });
    request.onabort = () => resolve({ ok: false, status: 0, message: "The upload was stopped." });
    request.send(file);
  });
}
