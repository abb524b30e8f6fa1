"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";

/** Stays on the page when nothing is left unread, so its confirmation is still announced. */
function MarkAllReadButton({ unread }: { unread: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const markAllRead = useMutation(trpc.notification.markAllRead.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function onClick() {
    setMessage(null);
    try {
      const { count } = await markAllRead.mutateAsync();
      setMessage({ tone: "success", text: `${count} ${count === 1 ? "notification" : "notifications"} marked as read.` });
      router.refresh();
    } catch (caught) {
      setMessage({ tone: "error", text: readApiError(caught)?.message ?? "That did not work. Please try again." });
    }
  }

  return (
    <div className="space-y-3">
      {unread > 0 ? (
        <Button type="button" variant="secondary" onClick={onClick} disabled={markAllRead.isPending}>
          {markAllRead.isPending ? "Marking…" : "Mark all as read"}
        </Button>
      ) : null}
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const MarkAllReadButtonWithApi = withApi(MarkAllReadButton);
export { MarkAllReadButtonWithApi as MarkAllReadButton };
