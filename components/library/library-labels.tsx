import type { ReactNode } from "react";
import { StatusTag } from "@/components/ui/status-tag";
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
