"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";

/** For officers: record that the organisation was checked, or take that back. */
function VerifyOrganisationButton({
  slug,
  organisationId,
  organisationName,
  verified,
}: {
  slug: string;
  organisationId: string;
  organisationName: string;
  verified: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const mutation = useMutation(
    trpc.directory.setOrganisationVerified.mutationOptions({
      onSuccess: (result) => {
        setMessage({
          tone: "success",
          text: result.verified
            ? `${organisationName} is now marked as verified.`
            : `${organisationName} is no longer marked as verified.`,
        });
        router.refresh();
      },
      onError: (error) => {
        setMessage({ tone: "error", text: readApiError(error)?.message ?? "The change could not be saved." });
      },
    }),
  );

  return (
    <div className="space-y-3">
      <p className="text-slate-700">
        {verified
          ? "An officer checked that this organisation is who it says it is."
          : "Mark the organisation as verified once you have checked it is who it says it is."}
      </p>
      <Button
        type="button"
        variant={verified ? "secondary" : "primary"}
        disabled={mutation.isPending}
        onClick={() => {
          setMessage(null);
          mutation.mutate({ partnershipSlug: slug, organisationId, verified: !verified });
        }}
      >
        {mutation.isPending ? "Saving…" : verified ? "Remove verification" : "Mark as verified"}
      </Button>
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const VerifyOrganisationButtonWithApi = withApi(VerifyOrganisationButton);
export { VerifyOrganisationButtonWithApi as VerifyOrganisationButton };
