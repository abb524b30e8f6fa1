"use client";

import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * Closes a reflection before its closing date, after asking once. It stays on the page once
 * the reflection has closed, so the result it reports (and focuses) does not vanish with it.
 */
function CloseReflectionButton({ surveyId, isOpen }: { surveyId: string; isOpen: boolean }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <div className="space-y-3">
      {isOpen ? (
        <ConfirmAction
          label="Close it now"
          question="Close this reflection now?"
          consequences="Nobody else will be able to answer, and everyone asked can then see the results."
          confirmLabel="Yes, close it"
          pending={action.pending}
          onConfirm={() => action.run(() => client.reflection.close.mutate({ surveyId }), { success: "The reflection is closed." })}
        />
      ) : null}
      {action.done ? (
        <FormMessage tone="success" focus>
          {action.done}
        </FormMessage>
      ) : null}
      {action.error ? (
        <FormMessage tone="error" focus>
          {action.error}
        </FormMessage>
      ) : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CloseReflectionButtonWithApi = withApi(CloseReflectionButton);
export { CloseReflectionButtonWithApi as CloseReflectionButton };
