"use client";

import { useState } from "react";
import { FormMessage } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { NoteForm } from "./note-form";
import { NotesList, type Note } from "./notes-list";

/**
 * The sub-group's notes: pinned ones first, the rest folded away, and (for those who manage
 * them) a form to add one. Pinning moves a note between the two lists, so focus goes to a
 * message saying where it went rather than to a button that has gone.
 */
export function NotesSection({ subGroupId, notes, canManage }: { subGroupId: string; notes: readonly Note[]; canManage: boolean }) {
  const [pinResult, setPinResult] = useState<{ title: string; pinned: boolean } | null>(null);
  const pinned = notes.filter((note) => note.pinned);
  const unpinned = notes.filter((note) => !note.pinned);
  const onPinChanged = canManage ? setPinResult : undefined;
  return (
    <Section id="notes-heading" title="Notes">
      {pinResult ? (
        <div className="mb-4">
          <FormMessage tone="success" focus focusKey={pinResult}>
            {pinResult.pinned
              ? `“${pinResult.title}” is pinned to the top.`
              : `“${pinResult.title}” is no longer pinned. It is under Other notes.`}
          </FormMessage>
        </div>
      ) : null}
      {pinned.length === 0 ? (
        <p className="text-slate-700">No pinned notes yet.</p>
      ) : (
        <NotesList notes={pinned} label="Pinned notes" onPinChanged={onPinChanged} />
      )}
      {unpinned.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-brand-800">Other notes ({unpinned.length})</summary>
          <NotesList notes={unpinned} label="Other notes" onPinChanged={onPinChanged} />
        </details>
      ) : null}
      {canManage ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-brand-800">Add a note</summary>
          <div className="mt-3">
            <NoteForm subGroupId={subGroupId} />
          </div>
        </details>
      ) : null}
    </Section>
  );
}
