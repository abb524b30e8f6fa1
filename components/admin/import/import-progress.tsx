"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { FormMessage } from "@/components/ui/form";
import { paths } from "@/lib/paths";

type Progress = { state: "PREVIEWED" | "CONFIRMED" | "SENT" | "CANCELLED"; emailedCount: number; invitedCount: number; sendingFailed: boolean };

/** "Sending invitations: 12 of 30", asked again every two seconds until the batch's job has sent them all. */
function ImportProgress({ slug, batchId, initial }: { slug: string; batchId: string; initial: Progress }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.memberImport.progress.queryOptions({ partnershipSlug: slug, batchId }),
    refetchInterval: (current) => (current.state.data?.state ?? initial.state) === "CONFIRMED" ? 2_000 : false,
  });
  const progress: Progress = query.data ?? initial;
  const total = progress.invitedCount;

  if (progress.state === "SENT") {
    return (
      <FormMessage tone="success" focus>
        All {total.toLocaleString("en-GB")} invitations have been sent. They are listed with the{" "}
        <Link href={`${paths.admin(slug)}#invitations`} className="underline">
          open invitations
        </Link>
        .
      </FormMessage>
    );
  }
  return (
    <div className="space-y-3">
      <p role="status" className="text-lg font-semibold" data-testid="import-progress">
        Sending invitations: {progress.emailedCount.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")}
      </p>
      <progress value={progress.emailedCount} max={Math.max(total, 1)} aria-label="Invitations sent" className="h-4 w-full max-w-xl accent-brand-800" />
      {progress.sendingFailed ? (
        <FormMessage tone="error">
          Some invitations could not be sent. Tandem has stopped trying: see Background tasks on the{" "}
          <Link href={`${paths.admin(slug)}#background-tasks`} className="underline">
            administration page
          </Link>{" "}
          to try again.
        </FormMessage>
      ) : (
        <p className="text-slate-700">You can leave this page: the invitations are sent in the background.</p>
      )}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ImportProgressWithApi = withApi(ImportProgress);
export { ImportProgressWithApi as ImportProgress };
