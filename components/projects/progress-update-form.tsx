"use client";

import { FileAttachments } from "@/components/files/file-attachments";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { paths } from "@/lib/paths";
import { UPDATE_TEXT_LIMITS, type SaveUpdateInput } from "@/lib/schemas/projects";
import { formatDay, formatTime } from "@/lib/uk-time";
import { REPORT_STATE_LABELS } from "./project-labels";
import { MeasureFields, MilestoneFields, RagChoice, SpendFields } from "./progress-update-fields";
import {
  initialUpdateState,
  toUpdateInput,
  updateErrorsFrom,
  updateFieldId,
  type UpdateDraft,
  type UpdateFormProject,
} from "./progress-update-input";
import { useKeptUpdate } from "./use-kept-update";

export type { UpdateDraft, UpdateFormProject } from "./progress-update-input";

/**
 * A progress update as the project's team writes it, often on a phone. Drafts save to the
 * server on request; every keystroke is also kept on this device until the server has it,
 * so a dropped connection or closed tab loses nothing.
 */
function ProgressUpdateForm({
  slug,
  project,
  defaultPeriodId,
  draft,
  openDraftIds,
  uploadMaxBytes,
}: {
  slug: string;
  /** The largest evidence file one upload may be. */
  uploadMaxBytes: number;
  project: UpdateFormProject;
  defaultPeriodId: string;
  draft: UpdateDraft | null;
  /** The team's drafts still open, so a kept copy only continues a draft that can still change. */
  openDraftIds: string[];
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const { form, latest, updateId, updateIdRef, restored, change, saved, clearKept } = useKeptUpdate({
    project,
    initial: () => initialUpdateState(defaultPeriodId, draft),
    initialUpdateId: draft?.id ?? null,
    openDraftIds,
  });
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<Omit<SaveUpdateInput, "updateId"> | null>(null);

  const parsed = toUpdateInput(project, form);
  const serverErrors = updateErrorsFrom(action.fieldErrors, sent);
  const errorFor = (key: string) => (checked ? parsed.errors[key] : undefined) ?? serverErrors[key];
  const summary = Object.entries({ ...serverErrors, ...(checked ? parsed.errors : {}) });
  const spentByLine = new Map(parsed.input.spend.map((entry) => [entry.budgetLineId, entry.spentPence]));
  const totalSpent = parsed.input.spend.reduce((sum, entry) => sum + entry.spentPence, 0);
  const period = project.periods.find((candidate) => candidate.id === form.periodId);

  /** Saves the draft; resolves to its id, or null when the server refused it. */
  async function save(): Promise<{ id: string; complete: boolean } | null> {
    setChecked(true);
    const sending = latest.current;
    const { input, errors } = toUpdateInput(project, sending);
    setSent(input);
    const result = await action.run(
      () => client.project.saveUpdate.mutate({ ...input, ...(updateIdRef.current ? { updateId: updateIdRef.current } : {}) }),
      { refresh: false },
    );
    if (!result.ok) return null;
    const complete = Object.keys(errors).length === 0;
    saved(result.value.id, sending, complete);
    setSavedAt(new Date(result.value.savedAt));
    if (!complete) action.setError("Your draft is saved, but some answers could not be read. Check the highlighted answers.");
    return { id: result.value.id, complete };
  }

  async function onSaveDraft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save();
  }

  async function onSubmitUpdate() {
    const draftSaved = await save();
    if (!draftSaved || !draftSaved.complete) return;
    const result = await action.run(() => client.project.submitUpdate.mutate({ updateId: draftSaved.id }), { refresh: false });
    if (!result.ok) return;
    clearKept();
    router.push(paths.project(slug, project.id));
  }

  return (
    <>
    <form onSubmit={onSaveDraft} noValidate className="max-w-xl space-y-6">
      {action.error ? <ErrorSummary message={action.error} problems={summary} hrefFor={updateFieldId} /> : null}
      {restored ? (
        <p className="rounded-md border-l-4 border-brand-800 bg-brand-50 p-3" role="status">
          Brought back what you had typed on this device. Save the draft to keep it.
        </p>
      ) : null}
      {updateId ? <p className="text-slate-700">You are continuing a draft.</p> : null}

      <SelectField
        id={updateFieldId("periodId")}
        label="Reporting period"
        value={form.periodId}
        onChange={(event) => change({ periodId: event.target.value })}
        error={errorFor("periodId")}
      >
        {project.periods.map((option) => (
          <option key={option.id} value={option.id}>
            Period {option.sequence}, due {formatDay(option.dueOn)} ({REPORT_STATE_LABELS[option.state]})
          </option>
        ))}
      </SelectField>

      <RagChoice value={form.rag} periodSequence={period?.sequence} error={errorFor("rag")} onChange={(rag) => change({ rag })} />

      <TextField
        id={updateFieldId("percentComplete")}
        label="Percentage complete"
        hint="How far through the whole project you are, from 0 to 100."
        inputMode="numeric"
        autoComplete="off"
        value={form.percentComplete}
        onChange={(event) => change({ percentComplete: event.target.value })}
        error={errorFor("percentComplete")}
      />

      <TextArea
        id={updateFieldId("narrative")}
        label="What happened"
        hint="What the project did this period and what changed for people."
        rows={6}
        maxLength={UPDATE_TEXT_LIMITS.narrative}
        value={form.narrative}
        onChange={(event) => change({ narrative: event.target.value })}
        error={errorFor("narrative")}
      />

      <SpendFields
        project={project}
        spend={form.spend}
        reasons={form.overspendReasons}
        spentByLine={spentByLine}
        totalSpent={totalSpent}
        errorFor={errorFor}
        onSpend={(lineId, text) => change({ spend: { ...latest.current.spend, [lineId]: text } })}
        onReason={(lineId, text) => change({ overspendReasons: { ...latest.current.overspendReasons, [lineId]: text } })}
      />

      <MeasureFields
        measures={project.measures}
        values={form.measures}
        errorFor={errorFor}
        onChange={(measureId, text) => change({ measures: { ...latest.current.measures, [measureId]: text } })}
      />

      <MilestoneFields
        milestones={project.milestones}
        choices={form.milestones}
        errorFor={errorFor}
        onChange={(milestoneId, choice) => change({ milestones: { ...latest.current.milestones, [milestoneId]: choice } })}
      />

      <TextArea
        id={updateFieldId("risks")}
        label="Risks and issues"
        hint="Anything that could stop the project, and what you are doing about it."
        maxLength={UPDATE_TEXT_LIMITS.risks}
        value={form.risks}
        onChange={(event) => change({ risks: event.target.value })}
        error={errorFor("risks")}
      />
      <TextArea
        id={updateFieldId("learning")}
        label="What we learned"
        maxLength={UPDATE_TEXT_LIMITS.learning}
        value={form.learning}
        onChange={(event) => change({ learning: event.target.value })}
        error={errorFor("learning")}
      />

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {savedAt && !action.error ? (
          <FormMessage tone="success" focus focusKey={savedAt}>
            Draft saved at {formatTime(savedAt)}
          </FormMessage>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" variant="secondary" pending={action.pending}>
            Save draft
          </Button>
          <Button pending={action.pending} onClick={() => void onSubmitUpdate()}>
            Submit update
          </Button>
        </div>
      </div>
    </form>
    <div className="mt-10 max-w-xl">
      {updateId ? (
        <FileAttachments
          owner={{ ownerKind: "PROGRESS_UPDATE", ownerId: updateId }}
          maxBytes={uploadMaxBytes}
          title="Evidence"
          uploadLabel="Add photos, sign-in sheets or other evidence"
          headingId="evidence-heading"
        />
      ) : (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading" className="text-2xl font-semibold">
            Evidence
          </h2>
          <p className="mt-2 text-slate-700">Save the draft first, then add photos, sign-in sheets or other evidence to it.</p>
        </section>
      )}
    </div>
    </>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ProgressUpdateFormWithApi = withApi(ProgressUpdateForm);
export { ProgressUpdateFormWithApi as ProgressUpdateForm };
