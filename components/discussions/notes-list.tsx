import { PinNoteButton } from "./pin-note-button";
import { TimeStamp } from "./time-stamp";

export type Note = { id: string; title: string; body: string; pinned: boolean; createdAt: Date; author: { name: string } };

/** Notes as cards, in the order given (pinned first). */
export function NotesList({
  notes,
  label,
  onPinChanged,
}: {
  notes: readonly Note[];
  label: string;
  /** Given when the viewer may pin and unpin notes. */
  onPinChanged?: (result: { title: string; pinned: boolean }) => void;
}) {
  return (
    <ul aria-label={label} className="mt-3 grid gap-3 sm:grid-cols-2">
      {notes.map((note) => (
        <li
          key={note.id}
          id={`note-${note.id}`}
          className={`min-w-0 rounded-lg border-2 p-4 ${note.pinned ? "border-brand-800 bg-brand-50" : "border-slate-300"}`}
        >
          {note.pinned ? (
            <p className="mb-1 inline-block rounded bg-brand-800 px-2 text-sm font-semibold text-white">Pinned</p>
          ) : null}
          <h3 className="text-lg font-semibold break-words">{note.title}</h3>
          <p className="mt-1 whitespace-pre-wrap break-words">{note.body}</p>
          <p className="mt-2 text-sm text-slate-700">
            {note.author.name}, <TimeStamp date={note.createdAt} />
          </p>
          {onPinChanged ? <PinNoteButton noteId={note.id} title={note.title} pinned={note.pinned} onDone={onPinChanged} /> : null}
        </li>
      ))}
    </ul>
  );
}
