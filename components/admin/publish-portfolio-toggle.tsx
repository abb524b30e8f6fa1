"use client";

import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { paths } from "@/lib/paths";

/** Officers switch the partnership's public page on and off. */
function PublishPortfolioToggle({ slug, published }: { slug: string; published: boolean }) {
  const client = useTRPCClient();
  const action = useApiAction();

  function toggle() {
    void action.run(() => client.transparency.setPublished.mutate({ partnershipSlug: slug, published: !published }), {
      success: published ? "The portfolio is no longer published." : "The portfolio is now published.",
    });
  }

  return (
    <div className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <p className="font-semibold">
        {published ? "The public page is on: anyone can see it, without signing in." : "The public page is off."}
      </p>
      {published ? (
        <p>
          <a href={paths.publicPage(slug)}>View the public page</a>
        </p>
      ) : null}
      <Button
        type="button"
        variant={published ? "secondary" : "primary"}
        disabled={action.pending}
        onClick={toggle}
      >
        {published ? "Stop publishing" : "Publish the partnership's portfolio"}
      </Button>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PublishPortfolioToggleWithApi = withApi(PublishPortfolioToggle);
export { PublishPortfolioToggleWithApi as PublishPortfolioToggle };
