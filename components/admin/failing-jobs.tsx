"use client";

import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { StatusTag } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { useApiAction } from "@/components/ui/use-api-action";

export type FailingJobRow = {
  id: string;
  label: string;
  status: "failed" | "retrying";
  reason: string;
  attempts: number;
  maxAttempts: number;
  lastTried: string | null;
  nextTry: string | null;
  scope: "partnership" | "installation";
  canRetry: boolean;
};

/** Background tasks that keep failing, with "Try again" for the partnership's own. */
function FailingJobs({ slug, jobs }: { slug: string; jobs: readonly FailingJobRow[] }) {
  const client = useTRPCClient();
  const action = useApiAction();

  function retry(job: FailingJobRow) {
    void action.run(() => client.job.retry.mutate({ partnershipSlug: slug, jobId: job.id }), {
      success: `"${job.label}" will be tried again within a minute.`,
    });
  }

  return (
    <div className="space-y-4">
      {action.error ? (
        <FormMessage tone="error" focus focusKey={action.error}>
          {action.error}
        </FormMessage>
      ) : null}
      {action.done ? (
        <FormMessage tone="success" focus focusKey={action.done}>
          {action.done}
        </FormMessage>
      ) : null}
      <Table
        caption="Background tasks that keep failing"
        captionHidden
        rows={jobs}
        rowKey={(job) => job.id}
        empty={<p className="font-semibold">Nothing is failing: every background task finished on its last run.</p>}
        columns={[
          {
            key: "task",
            header: "Task",
            rowHeader: true,
            cell: (job) => (
              <>
                <span className="mb-1 block">
                  {job.status === "failed" ? <StatusTag tone="danger">Stopped</StatusTag> : <StatusTag tone="warning">Retrying</StatusTag>}
                </span>
                {job.label}
                {job.scope === "installation" ? (
                  <span className="block text-sm font-normal text-slate-700">
                    For all of Tandem: tell whoever runs your installation.
                  </span>
                ) : null}
              </>
            ),
          },
          {
            key: "reason",
            header: "What went wrong",
            cell: (job) => (
              <>
                {job.reason}
                <span className="block text-sm text-slate-700">
                  {`Tried ${job.attempts} of ${job.maxAttempts} times`}
                  {job.lastTried ? `, last on ${job.lastTried}` : ""}
                  {job.nextTry ? `; next try ${job.nextTry}` : ""}.
                </span>
              </>
            ),
          },
          {
            key: "action",
            header: "Action",
            nowrap: true,
            cell: (job) =>
              job.canRetry ? (
                <Button type="button" variant="secondary" disabled={action.pending} onClick={() => retry(job)}>
                  Try again<span className="sr-only">: {job.label}</span>
                </Button>
              ) : (
                <span className="text-slate-700">None</span>
              ),
          },
        ]}
      />
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const FailingJobsWithApi = withApi(FailingJobs);
export { FailingJobsWithApi as FailingJobs };
