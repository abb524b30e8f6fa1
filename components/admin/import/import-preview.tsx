"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ErrorSummary, FormMessage } from "@/components/ui/form";
import { StatusTag } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { useApiAction } from "@/components/ui/use-api-action";
import { paths } from "@/lib/paths";

export type ImportPreviewRow = {
  row: number;
  email: string;
  name: string;
  organisation: string | null;
  organisationNote: string | null;
  sectorLabel: string | null;
  roleLabel: string;
  locality: string | null;
  problems: readonly string[];
};

const rowAnchor = (row: number) => `import-row-${row}`;
const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** The rows as read, each with its problems, and the officer's choice: confirm (skipping the rows with problems) or cancel. */
function ImportPreview({
  slug,
  batchId,
  rows,
  outcome,
}: {
  slug: string;
  batchId: string;
  rows: readonly ImportPreviewRow[];
  /** Still to decide, or what was decided: the rows without problems invited, or nothing. */
  outcome: "preview" | "imported" | "cancelled";
}) {
  const editable = outcome === "preview";
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [skip, setSkip] = useState(false);
  const withProblems = rows.filter((row) => row.problems.length > 0);
  const ready = rows.length - withProblems.length;

  async function confirm() {
    await action.run(() => client.memberImport.confirm.mutate({ partnershipSlug: slug, batchId, skipRowsWithProblems: skip }));
  }
  async function cancel() {
    const result = await action.run(() => client.memberImport.cancel.mutate({ partnershipSlug: slug, batchId }), { refresh: false });
    if (result.ok) router.push(paths.memberImport(slug));
  }

  return (
    <div className="space-y-6">
      <p className="text-lg font-semibold" data-testid="import-summary">
        {outcome === "imported"
          ? `${plural(ready, "person", "people")} invited${withProblems.length ? `; ${plural(withProblems.length, "row", "rows")} with problems skipped` : ""}.`
          : outcome === "cancelled"
            ? `${plural(rows.length, "row", "rows")}; nobody was invited.`
            : `${plural(ready, "row", "rows")} ready, ${plural(withProblems.length, "row", "rows")} with problems.`}
      </p>
      {withProblems.length > 0 && editable ? (
        <ErrorSummary
          message={`${plural(withProblems.length, "row has a problem", "rows have problems")}: fix the file and upload it again, or skip ${withProblems.length === 1 ? "it" : "them"}.`}
          problems={withProblems.slice(0, 50).map((row) => [String(row.row), `Row ${row.row}: ${row.problems.join(" ")}`] as const)}
          hrefFor={(key) => rowAnchor(Number(key))}
        />
      ) : null}
      {action.error ? (
        <FormMessage tone="error" focus focusKey={action.error}>
          {action.error}
        </FormMessage>
      ) : null}
      <Table
        caption="The rows of the file"
        rows={rows}
        rowKey={(row) => String(row.row)}
        rowClassName={(row) => (row.problems.length ? "bg-red-50" : "")}
        columns={[
          {
            key: "row",
            header: "Row",
            rowHeader: true,
            nowrap: true,
            cell: (row) => (
              <span id={rowAnchor(row.row)} tabIndex={-1} className="outline-offset-2 focus:outline-4 focus:outline-amber-400">
                {row.row}
              </span>
            ),
          },
          { key: "email", header: "Email", cell: (row) => <span className="break-all">{row.email || "—"}</span> },
          { key: "name", header: "Name", cell: (row) => row.name || "—" },
          {
            key: "organisation",
            header: "Organisation",
            cell: (row) =>
              row.organisation ? (
                <>
                  {row.organisation}
                  {row.organisationNote ? <span className="block text-slate-700">{row.organisationNote}</span> : null}
                </>
              ) : (
                "—"
              ),
          },
          { key: "sector", header: "Sector", cell: (row) => row.sectorLabel ?? "—" },
          { key: "role", header: "Role", cell: (row) => row.roleLabel },
          {
            key: "problems",
            header: "Problems",
            cell: (row) =>
              row.problems.length ? (
                <ul className="space-y-1 text-red-900">
                  {row.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : (
                <StatusTag tone="success">Ready</StatusTag>
              ),
          },
        ]}
      />
      {editable ? (
        <div className="max-w-xl space-y-4">
          {withProblems.length > 0 && ready > 0 ? (
            <div className="flex items-start gap-3">
              <input
                id="skip-problem-rows"
                type="checkbox"
                checked={skip}
                onChange={(event) => setSkip(event.target.checked)}
                className="mt-1 size-6 shrink-0 accent-brand-800"
              />
              <label htmlFor="skip-problem-rows" className="font-semibold">
                Skip the {plural(withProblems.length, "row", "rows")} with problems and invite the other {plural(ready, "person", "people")}
              </label>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button
              variant="primary"
              onClick={() => void confirm()}
              pending={action.pending}
              pendingLabel="Creating the invitations…"
              disabled={ready === 0 || (withProblems.length > 0 && !skip)}
            >
              Confirm and invite {plural(ready, "person", "people")}
            </Button>
            <ConfirmAction
              label="Cancel this import"
              question="Cancel this import? Nobody in the file is invited."
              confirmLabel="Yes, cancel the import"
              onConfirm={cancel}
              pending={action.pending}
            />
          </div>
          {withProblems.length > 0 && !skip ? (
            <p className="text-slate-700">
              {ready === 0 ? "No row is ready: fix the file and upload it again." : "To confirm, fix the file and upload it again, or tick the box to skip the rows with problems."}
            </p>
          ) : null}
        </div>
      ) : null}
      {!editable ? <ButtonLink href={paths.memberImport(slug)} variant="secondary">Import another file</ButtonLink> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ImportPreviewWithApi = withApi(ImportPreview);
export { ImportPreviewWithApi as ImportPreview };
