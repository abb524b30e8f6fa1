"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form";
import { useRefreshingAction } from "./use-refreshing-action";

/** What a lead (or officer) can do about one member: make co-lead, step down, remove. */
export function MemberActions({
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
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  if (isOnlyLead) {
    return <p className="min-w-48 text-sm whitespace-normal text-slate-700">Only lead: make someone else a lead before {isMe ? "you step" : "they step"} down.</p>;
  }

  return (
    <div className="space-y-2">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      {confirmingRemove ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">Remove {name}?</span>
          <button
            type="button"
            className={buttonClass.primary}
            disabled={action.pending}
            onClick={() => action.run(() => remove.mutateAsync({ subGroupId, userId }), `${name} has been removed.`)}
          >
            {action.pending ? "Removing…" : "Yes, remove"}
          </button>
          <button type="button" className={buttonClass.quiet} onClick={() => setConfirmingRemove(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {!isLead ? (
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={action.pending}
              onClick={() =>
                action.run(() => setRole.mutateAsync({ subGroupId, userId, role: "LEAD" }), `${name} is now a co-lead.`)
              }
            >
              Make co-lead<span className="sr-only">: {name}</span>
            </button>
          ) : (
            <button
              type="button"
              className={buttonClass.secondary}
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
            </button>
          )}
          {isMe ? null : (
            <button type="button" className={buttonClass.quiet} onClick={() => setConfirmingRemove(true)}>
              Remove<span className="sr-only"> {name}</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
