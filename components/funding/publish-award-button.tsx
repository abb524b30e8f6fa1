"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";

function PublishAwardButton({ awardId, published }: { awardId: string; published: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setPublished = useMutation(trpc.funding.setAwardPublished.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <Button
      variant="secondary"
      pending={setPublished.isPending}
      pendingLabel={published ? "Unpublishing…" : "Publishing…"}
      onClick={() => setPublished.mutate({ awardId, published: !published })}
    >
      {published ? "Unpublish this award" : "Publish this award to the partnership"}
    </Button>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PublishAwardButtonWithApi = withApi(PublishAwardButton);
export { PublishAwardButtonWithApi as PublishAwardButton };
