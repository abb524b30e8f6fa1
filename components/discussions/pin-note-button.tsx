"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { readApiError } from "@/lib/api-errors";

/** Pins a note to the top, or unpins it (leads, officers and chairs). */
export function PinNoteButton({ noteId, title, pinned }: { noteId: string; title: string; pinned: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setPinned = useMutation(trpc.discussion.setNotePinned.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setError(null);
    try {
      await setPinned.mutateAsync({ noteId, pinned: !pinned });
      router.refresh();
    } catch (caught) {
      setError(readApiError(caught)?.message ?? "That did not work. Please try again.");
    }
  }

  return (
    <div>
      <button type="button" className={buttonClass.quiet} onClick={toggle} disabled={setPinned.isPending}>
        {pinned ? "Unpin" : "Pin to top"}
        <span className="sr-only"> “{title}”</span>
      </button>
      {error ? (
        <p role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
