"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { useRefreshingAction } from "@/components/sub-groups/use-refreshing-action";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";

/** Move up / down and archive, for steering roles, on one current priority area. */
function PriorityAreaActions({
  priorityAreaId,
  title,
  isFirst,
  isLast,
  subGroupNames,
}: {
  priorityAreaId: string;
  title: string;
  isFirst: boolean;
  isLast: boolean;
  subGroupNames: string[];
}) {
  const trpc = useTRPC();
  const move = useMutation(trpc.priorityArea.move.mutationOptions());
  const archive = useMutation(trpc.priorityArea.archive.mutationOptions());
  const action = useRefreshingAction();

  return (
    <div className="space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={action.pending || isFirst}
          onClick={() => action.run(() => move.mutateAsync({ priorityAreaId, direction: "up" }), `${title} moved up.`)}
        >
          Move up<span className="sr-only">: {title}</span>
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={action.pending || isLast}
          onClick={() => action.run(() => move.mutateAsync({ priorityAreaId, direction: "down" }), `${title} moved down.`)}
        >
          Move down<span className="sr-only">: {title}</span>
        </Button>
      </div>
      <ConfirmAction
        label={
          <>
            Archive<span className="sr-only"> {title}</span>
          </>
        }
        triggerVariant="quiet"
        question={`Archive ${title}?`}
        consequences={`${
          subGroupNames.length === 0
            ? "It has no current sub-groups."
            : `Its ${subGroupNames.length === 1 ? "sub-group" : "sub-groups"} (${subGroupNames.join(", ")}) will be archived with it, and any waiting join requests closed.`
        } Nothing is deleted: you can restore it later.`}
        confirmLabel="Yes, archive it"
        pending={action.pending}
        onConfirm={() => action.run(() => archive.mutateAsync({ priorityAreaId }), `${title} has been archived.`)}
      />
    </div>
  );
}

function RestorePriorityAreaButton({ priorityAreaId, title }: { priorityAreaId: string; title: string }) {
  const trpc = useTRPC();
  const restore = useMutation(trpc.priorityArea.restore.mutationOptions());
  const action = useRefreshingAction();
  return (
    <div className="space-y-2">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <Button
        type="button"
        variant="secondary"
        disabled={action.pending}
        onClick={() => action.run(() => restore.mutateAsync({ priorityAreaId }), `${title} has been restored at the end of the list.`)}
      >
        {action.pending ? "Restoring…" : "Restore"}
        <span className="sr-only"> {title}</span>
      </Button>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PriorityAreaActionsWithApi = withApi(PriorityAreaActions);
const RestorePriorityAreaButtonWithApi = withApi(RestorePriorityAreaButton);
export { PriorityAreaActionsWithApi as PriorityAreaActions, RestorePriorityAreaButtonWithApi as RestorePriorityAreaButton };
