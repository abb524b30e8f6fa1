import type { ReactNode } from "react";
import { StatusTag } from "@/components/ui/status-tag";
import { formatFileSize } from "@/lib/file-size";
import { fileKindLabel, isImageType, mayShowInline } from "@/lib/files/file-kinds";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { LibraryVisibility } from "@/server/db/generated/enums";

export const VISIBILITY_LABELS: Readonly<Record<LibraryVisibility, string>> = {
  MEMBERS: "Members only",
  PUBLIC: "Also on the public page",
};

export function VisibilityTag({ visibility }: { visibility: LibraryVisibility }) {
  return <StatusTag tone={visibility === "PUBLIC" ? "info" : "neutral"}>{VISIBILITY_LABELS[visibility]}</StatusTag>;
}

/** A folder for a list of choices: "Guides" or "Guides › Referrals". */
export type FolderChoice = { id: string; label: string; topLevel: boolean };

export function folderChoices(tree: readonly { id: string; name: string; children: readonly { id: string; name: string }[] }[]): FolderChoice[] {
  return tree.flatMap((folder) => [
    { id: folder.id, label: folder.name, topLevel: true },
    ...folder.children.map((child) => ({ id: child.id, label: `${folder.name} › ${child.name}`, topLevel: false })),
  ]);
}

/**
 * A link to another website: it opens as links normally do (same tab), and says in words,
 * for everyone, that it leaves Tandem and where it goes.
 */
export function ExternalLink({ url, host, children }: { url: string; host: string | null; children: ReactNode }) {
  return (
    <a href={url} rel="external noopener noreferrer" referrerPolicy="no-referrer" className="break-words">
      {children}
      <span className="block text-sm font-normal text-slate-700 no-underline">
        Goes to another website{host ? `: ${host}` : ""}
      </span>
    </a>
  );
}

/**
 * A library document's file: a thumbnail for an image, the download (named with the
 * resource's title for screen readers), its kind and size, and, for members, who uploaded
 * this version and when. Images and PDFs also open in a new tab for a preview.
 */
export function DocumentFile({
  title,
  file,
}: {
  title: string;
  file: { fileId: string; name: string; mimeType: string; sizeBytes: number; versionNumber?: number; uploadedBy?: string; uploadedAt?: Date; hasThumbnail?: boolean };
}) {
  return (
    <div className="mt-3 flex flex-wrap items-start gap-3" data-testid="library-document">
      {file.hasThumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element -- a same-site thumbnail the file route serves, already small.
        <img src={paths.fileThumbnail(file.fileId)} alt="" width={96} height={96} className="h-24 w-24 rounded object-cover" />
      ) : null}
      <div className="min-w-0 flex-1 space-y-1">
        <p className="break-words">
          <a href={paths.fileDownload(file.fileId)} download className="font-semibold">
            Download<span className="sr-only"> {title}</span>: {file.name}
          </a>
        </p>
        <p className="text-sm text-slate-700">
          {fileKindLabel(file.mimeType)}, {formatFileSize(file.sizeBytes)}.
          {file.uploadedBy && file.uploadedAt ? (
            <>
              {" "}
              {file.versionNumber && file.versionNumber > 1 ? `Version ${file.versionNumber}, uploaded` : "Uploaded"} by {file.uploadedBy} on {formatDateTime(file.uploadedAt)}.
            </>
          ) : null}
        </p>
        {mayShowInline(file.mimeType) ? (
          <p>
            <a href={paths.fileDownload(file.fileId, { inline: true })} target="_blank" rel="noopener">
              {isImageType(file.mimeType) ? "View the image" : "Preview the PDF"}
              <span className="sr-only"> {title}</span> (opens in a new tab)
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
