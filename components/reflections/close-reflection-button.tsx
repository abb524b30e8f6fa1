"use client";

import { FocusedMessage } from "@/components/events/focused-message";
import { useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** Closes a reflection before its closing date, after asking once. */
export function CloseReflectionButton({ surveyId }: { surveyId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <div className="space-y-2">
        <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
          Close it now
        </button>
        {action.done ? <FocusedMessage>{action.done}</FocusedMessage> : null}
      </div>
    );
  }
  return (
    <div role="group" aria-labelledby="close-confirm" className="space-y-3 rounded-md border-2 border-slate-300 p-4">
      <p id="close-confirm" className="font-semibold">
        Close this reflection now? Nobody else will be able to answer, and everyone asked can then see the results.
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={buttonClasses("primary")}
          disabled={action.pending}
          onClick={async () => {
            const result = await action.run(() => client.reflection.close.mutate({ surveyId }), { success: "The reflection is closed." });
            if (result.ok) setConfirming(false);
          }}
        >
          Yes, close it
        </button>
        <button type="button" className={buttonClasses("quiet")} onClick={() => setConfirming(false)}>
          Keep it open
        </button>
      </div>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
    </div>
  );
}
