"use client";

import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";

/** Pins a note to the top, or unpins it (leads, officers and chairs); says what happened through `onDone`. */
function PinNoteButton({
  noteId,
  title,
  pinned,
  onDone,
}: {
  noteId: string;
  title: string;
  pinned: boolean;
  onDone: (result: { title: string; pinned: boolean }) => void;
}) {
  const client = useTRPCClient();
  const action = useApiAction();

  async function toggle() {
    const result = await action.run(() => client.discussion.setNotePinned.mutate({ noteId, pinned: !pinned }));
    if (result.ok) onDone({ title, pinned: !pinned });
  }

  return (
    <div>
      <Button variant="quiet" className="-ml-3" onClick={toggle} pending={action.pending}>
        {pinned ? "Unpin" : "Pin to top"}
        <span className="sr-only"> “{title}”</span>
      </Button>
      {action.error ? (
        <p role="alert" className="font-semibold text-red-800">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PinNoteButtonWithApi = withApi(PinNoteButton);
export { PinNoteButtonWithApi as PinNoteButton };
