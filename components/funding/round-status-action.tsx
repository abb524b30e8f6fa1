"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useApiAction } from "@/components/ui/use-api-action";

type NextStatus = "OPEN" | "CLOSED" | "DECIDED";

/**
 * Moves a round on. Closing and marking decisions final cannot be undone, so both ask
 * first and say what will happen; opening a round does not.
 */
function RoundStatusAction({
  roundId,
  roundTitle,
  status,
  label,
  closesOn,
}: {
  roundId: string;
  roundTitle: string;
  status: NextStatus;
  label: string;
  /** The scheduled closing time, in words ("3 March 2027 at 5pm"). */
  closesOn: string;
}) {
  const trpc = useTRPC();
  const change = useMutation(trpc.funding.changeRoundStatus.mutationOptions());
  const action = useApiAction();
  const run = () => action.run(() => change.mutateAsync({ roundId, status }));
  const error = action.error ? (
    <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
      {action.error}
    </p>
  ) : null;

  if (status === "OPEN") {
    return (
      <div>
        <Button variant="secondary" pending={action.pending} pendingLabel="Opening…" onClick={() => void run()}>
          {label}
          <span className="sr-only">: {roundTitle}</span>
        </Button>
        {error}
      </div>
    );
  }
  return (
    <div>
      <ConfirmAction
        label={label}
        question={status === "CLOSED" ? `Close “${roundTitle}” now?` : `Mark the decisions on “${roundTitle}” final?`}
        consequences={
          status === "CLOSED" ? (
            <ul className="list-disc space-y-1 pl-5">
              <li>It stops taking proposals now, instead of on {closesOn}.</li>
              <li>Proposals still in draft can no longer be submitted to it.</li>
              <li>The authors of each of those drafts are told, with a notification.</li>
              <li>You cannot open it again.</li>
            </ul>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              <li>The round is finished: no more decisions can be made or changed in it.</li>
              <li>You cannot undo this.</li>
            </ul>
          )
        }
        confirmLabel={status === "CLOSED" ? "Yes, close the round" : "Yes, mark decisions final"}
        pending={action.pending}
        onConfirm={run}
      />
      {error}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const RoundStatusActionWithApi = withApi(RoundStatusAction);
export { RoundStatusActionWithApi as RoundStatusAction };
