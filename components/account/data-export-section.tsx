"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { StatusTag, type Tone } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { readApiError } from "@/lib/api-errors";
import { formatFileSize } from "@/lib/file-size";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";

type ExportState = "BUILDING" | "READY" | "EXPIRED" | "FAILED";

const STATE_LABELS: Readonly<Record<ExportState, string>> = {
  BUILDING: "Being prepared",
  READY: "Ready to download",
  EXPIRED: "Expired",
  FAILED: "Could not be prepared",
};
const STATE_TONES: Readonly<Record<ExportState, Tone>> = { BUILDING: "info", READY: "success", EXPIRED: "neutral", FAILED: "danger" };

/** How often the page asks whether a copy being prepared is ready. */
const POLL_MS = 3_000;

/**
 * "Download your data" (UK GDPR subject access): the person asks for a copy of everything
 * Tandem holds about them; it is prepared in the background, the page says so politely and
 * checks every few seconds, then offers the zip until it expires.
 */
function DataExportSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery({
    ...trpc.me.dataExports.queryOptions(),
    refetchInterval: (query) => (query.state.data?.exports.some((row) => row.state === "BUILDING") ? POLL_MS : false),
  });
  const [error, setError] = useState<string | null>(null);
  const request = useMutation(
    trpc.me.requestDataExport.mutationOptions({
      onSuccess: ({ created: _created, ...requested }) => {
        setError(null);
        // Show "Preparing your data…" at once, then ask the server (and keep asking while it is prepared).
        queryClient.setQueryData(trpc.me.dataExports.queryKey(), (current) =>
          current && !current.exports.some((row) => row.id === requested.id) ? { ...current, exports: [requested, ...current.exports] } : current,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.me.dataExports.queryKey() });
      },
      onError: (failure) => setError(readApiError(failure)?.message ?? "Your data could not be requested. Please try again."),
    }),
  );
  const latest = data.exports[0];
  const building = latest?.state === "BUILDING";
  const ready = latest?.state === "READY" ? latest : undefined;
  const earlier = data.exports.slice(1);
  const days = `${data.keepDays} ${data.keepDays === 1 ? "day" : "days"}`;

  return (
    <Section title="Download your data" id="download-your-data">
      <div className="mb-4 max-w-prose space-y-2 text-slate-700">
        <p>
          Get a copy of everything Tandem holds about you, across every partnership you take part in: your profile, memberships
          and roles, sub-groups, posts and comments, proposals you wrote or co-wrote, scores and conflicts you declared, progress
          updates, event answers and attendance, your named reflection answers, stories, notifications, when you signed in, and
          audit trail entries about you.
        </p>
        <p>
          It comes as a zip file: the data in one JSON file, the same records as spreadsheets (CSV) that open in Excel, and a
          README that explains them. Answers you gave to anonymous reflections are not included: they are kept without your name,
          so nobody can tell which answers are yours.
        </p>
        <p>
          Preparing it can take a few minutes. You can leave this page: we will send you a notification when it is ready. You can
          download it for {days}, then it is deleted.
        </p>
      </div>
      {error ? (
        <div className="mb-4 max-w-prose">
          <FormMessage tone="error" focus focusKey={error}>
            {error}
          </FormMessage>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="mb-4 max-w-prose">
        {building ? <p className="font-semibold">Preparing your data… This page will show the download when it is ready.</p> : null}
        {ready ? <p className="font-semibold">Your data is ready to download.</p> : null}
        {latest?.state === "FAILED" ? <p className="font-semibold">Your data could not be prepared. Please ask again.</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {ready ? (
          <ButtonAnchor href={paths.dataExportDownload(ready.id)} download variant="primary">
            Download your data (zip, {formatFileSize(ready.byteSize ?? 0)})
          </ButtonAnchor>
        ) : null}
        <Button
          type="button"
          variant={ready ? "secondary" : "primary"}
          onClick={() => request.mutate({})}
          pending={request.isPending}
          pendingLabel="Asking…"
          disabled={building}
        >
          {ready ? "Get a new copy" : "Get a copy of my data"}
        </Button>
      </div>
      {ready?.expiresAt ? <p className="mt-2 text-slate-700">You can download this copy until {formatDateTime(ready.expiresAt)}.</p> : null}
      {earlier.length ? (
        <div className="mt-6">
          <Table
            caption="Earlier copies of your data"
            columns={[
              { key: "asked", header: "Asked for", rowHeader: true, cell: (row) => formatDateTime(row.createdAt) },
              { key: "state", header: "State", cell: (row) => <StatusTag tone={STATE_TONES[row.state]}>{STATE_LABELS[row.state]}</StatusTag> },
              { key: "size", header: "Size", numeric: true, nowrap: true, cell: (row) => (row.byteSize ? formatFileSize(row.byteSize) : "") },
              {
                key: "until",
                header: "Available until",
                cell: (row) =>
                  row.state === "READY" && row.expiresAt ? (
                    <a href={paths.dataExportDownload(row.id)} download className="underline underline-offset-2">
                      Download (until {formatDateTime(row.expiresAt)})
                    </a>
                  ) : (
                    ""
                  ),
              },
            ]}
            rows={earlier}
            rowKey={(row) => row.id}
          />
        </div>
      ) : null}
    </Section>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const DataExportSectionWithApi = withApi(DataExportSection);
export { DataExportSectionWithApi as DataExportSection };
