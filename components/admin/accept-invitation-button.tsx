"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";
import { paths } from "@/lib/paths";

/** Accepts the invitation for the signed-in person, then opens the partnership. */
function AcceptInvitationButton({ token, partnershipName }: { token: string; partnershipName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: (result) => {
        setDone(
          result.alreadyMember
            ? `You were already a member of ${result.partnershipName}; your role has not changed. Opening the partnership…`
            : `Welcome to ${result.partnershipName}. Opening the partnership…`,
        );
        router.push(paths.partnership(result.partnershipSlug));
      },
      onError: (caught) => setError(readApiError(caught)?.message ?? "The invitation could not be accepted."),
    }),
  );

  return (
    <div className="space-y-4">
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {done ? <FormMessage tone="success">{done}</FormMessage> : null}
      <Button
        type="button"
        variant="primary"
        disabled={accept.isPending || done !== null}
        onClick={() => {
          setError(null);
          accept.mutate({ token });
        }}
      >
        {accept.isPending ? "Accepting…" : `Accept and join ${partnershipName}`}
      </Button>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AcceptInvitationButtonWithApi = withApi(AcceptInvitationButton);
export { AcceptInvitationButtonWithApi as AcceptInvitationButton };
