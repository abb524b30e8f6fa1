"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { useRefreshingAction } from "./use-refreshing-action";

/** What a lead (or officer) can do about one member: make co-lead, step down, remove. */
function MemberActions({
  subGroupId,
  userId,
  name,
  isLead,
  isOnlyLead,
  isMe,
}: {
  subGroupId: string;
  userId: string;
  name: string;
  isLead: boolean;
  isOnlyLead: boolean;
  isMe: boolean;
}) {
  const trpc = useTRPC();
  const setRole = useMutation(trpc.subGroup.setMemberRole.mutationOptions());
  const remove = useMutation(trpc.subGroup.removeMember.mutationOptions());
  const action = useRefreshingAction();
  if (isOnlyLead) {
    return <p className="min-w-48 text-sm whitespace-normal text-slate-700">Only lead: make someone else a lead before {isMe ? "you step" : "they step"} down.</p>;
  }

  return (
    <div className="space-y-2">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <div className="flex flex-wrap gap-2">
        {!isLead ? (
          <Button
            variant="secondary"
            disabled={action.pending}
            onClick={() =>
              action.run(() => setRole.mutateAsync({ subGroupId, userId, role: "LEAD" }), `${name} is now a co-lead.`)
            }
          >
            Make co-lead<span className="sr-only">: {name}</span>
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={action.pending}
            onClick={() =>
              action.run(
                () => setRole.mutateAsync({ subGroupId, userId, role: "MEMBER" }),
                isMe ? "You have stepped down as a lead." : `${name} is now a member.`,
              )
            }
          >
            {isMe ? "Step down as lead" : "Make member"}
            {isMe ? null : <span className="sr-only">: {name}</span>}
          </Button>
        )}
        {isMe ? null : (
          <ConfirmAction
            label={
              <>
                Remove<span className="sr-only"> {name}</span>
              </>
            }
            triggerVariant="quiet"
            question={`Remove ${name} from the sub-group?`}
            confirmLabel="Yes, remove"
            pending={action.pending}
            onConfirm={() => action.run(() => remove.mutateAsync({ subGroupId, userId }), `${name} has been removed.`)}
          />
        )}
      </div>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const MemberActionsWithApi = withApi(MemberActions);
export { MemberActionsWithApi as MemberActions };
