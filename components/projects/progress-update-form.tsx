"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { RAG_LABELS, REPORT_STATE_LABELS } from "@/components/projects/project-labels";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { formatPence, MoneyError, parsePounds, penceToDecimalString } from "@/lib/money";
import { formatDay, formatTime, ukToday } from "@/lib/uk-time";
import type { SaveUpdateInput } from "@/lib/schemas/projects";
import { ragExplained } from "@/server/domain/projects/rag";
import type { ReportState } from "@/server/domain/projects/schedule";

type Rag = "GREEN" | "AMBER" | "RED";
type MilestoneChoice = { change: "NONE" | "DONE" | "SLIPPED"; doneOn: string; newDueOn: string };

/** What the form holds: text as typed, so a half-typed amount is kept as it is. */
type FormState = {
  periodId: string;
  rag: Rag | "";
  percentComplete: string;
  narrative: string;
  spend: Record<string, string>;
  /** Why a line is over budget, by line. */
  overspendReasons: Record<string, string>;
  measures: Record<string, string>;
  milestones: Record<string, MilestoneChoice>;
  risks: string;
  learning: string;
};

export type UpdateFormProject = {
  id: string;
  awardedPence: number;
  periods: { id: string; sequence: number; dueOn: Date; state: ReportState }[];
  budgetLines: { id: string; item: string; awardedPence: number }[];
  measures: { id: string; name: string; unit: string; baseline: number | null; target: number | null }[];
  /** Milestones still to do (planned or slipped). */
  milestones: { id: string; title: string; dueOn: Date; state: "PLANNED" | "SLIPPED" | "DONE" }[];
};

export type UpdateDraft = Omit<SaveUpdateInput, "projectId" | "periodId" | "updateId"> & { id: string; periodId: string };

const RAG_OPTIONS: readonly { value: Rag; label: string; hint: string }[] = (["GREEN", "AMBER", "RED"] as const).map((rag) => ({
  value: rag,
  label: RAG_LABELS[rag],
  hint: ragExplained(rag),
}));

const NO_CHANGE: MilestoneChoice = { change: "NONE", doneOn: "", newDueOn: "" };
const PERCENT = /^\d{1,3}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

const backupKey = (projectId: string) => `tandem:update:${projectId}`;

function todayIso() {
  return ukToday();
}

function initialState(periodId: string, draft: UpdateDraft | null): FormState {
  const milestones: Record<string, MilestoneChoice> = {};
  for (const change of draft?.milestoneChanges ?? []) {
    milestones[change.milestoneId] =
      change.state === "DONE"
        ? { change: "DONE", doneOn: change.doneOn, newDueOn: "" }
        : { change: "SLIPPED", doneOn: "", newDueOn: change.newDueOn };
  }
  return {
    periodId: draft?.periodId ?? periodId,
    rag: draft?.rag ?? "",
    percentComplete: draft?.percentComplete === null || draft?.percentComplete === undefined ? "" : String(draft.percentComplete),
    narrative: draft?.narrative ?? "",
    spend: Object.fromEntries((draft?.spend ?? []).map((entry) => [entry.budgetLineId, penceToDecimalString(entry.spentPence)])),
    overspendReasons: Object.fromEntries((draft?.spend ?? []).map((entry) => [entry.budgetLineId, entry.overspendReason ?? ""])),
    measures: Object.fromEntries(
      (draft?.measureValues ?? []).filter((entry) => entry.value !== null).map((entry) => [entry.measureId, String(entry.value)]),
    ),
    milestones,
    risks: draft?.risks ?? "",
    learning: draft?.learning ?? "",
  };
}

/**
 * Turns what was typed into what the API takes. Answers that cannot be read (a percentage
 * of 120, "about 40" as a measure) are left out and flagged, so the rest still saves.
 */
function toInput(project: UpdateFormProject, form: FormState) {
  const errors: Record<string, string> = {};
  let percentComplete: number | null = null;
  const percentText = form.percentComplete.trim().replace(/%$/, "");
  if (percentText !== "") {
    if (PERCENT.test(percentText) && Number(percentText) <= 100) percentComplete = Number(percentText);
    else errors.percentComplete = "Enter a whole percentage from 0 to 100";
  }
  const spend: SaveUpdateInput["spend"] = [];
  for (const line of project.budgetLines) {
    const text = (form.spend[line.id] ?? "").trim();
    if (text === "") continue;
    try {
      const spentPence = parsePounds(text);
      const reason = (form.overspendReasons?.[line.id] ?? "").trim();
      spend.push(
        spentPence > line.awardedPence && reason !== ""
          ? { budgetLineId: line.id, spentPence, overspendReason: reason }
          : { budgetLineId: line.id, spentPence },
      );
    } catch (error) {
      errors[`spend.${line.id}`] = error instanceof MoneyError ? error.message : "Enter an amount in pounds, like 1,250.00";
    }
  }
  const measureValues: SaveUpdateInput["measureValues"] = [];
  for (const measure of project.measures) {
    const text = (form.measures[measure.id] ?? "").trim().replaceAll(",", "");
    if (text === "") measureValues.push({ measureId: measure.id, value: null });
    else if (NUMBER.test(text)) measureValues.push({ measureId: measure.id, value: Number(text) });
    else errors[`measure.${measure.id}`] = "Enter a number, like 12 or 3.5";
  }
  const milestoneChanges: SaveUpdateInput["milestoneChanges"] = [];
  for (const milestone of project.milestones) {
    const choice = form.milestones[milestone.id];
    if (!choice || choice.change === "NONE") continue;
    const date = choice.change === "DONE" ? choice.doneOn : choice.newDueOn;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      errors[`milestone.${milestone.id}`] = choice.change === "DONE" ? "Enter the date it was done" : "Enter the new date";
      continue;
    }
    milestoneChanges.push(
      choice.change === "DONE"
        ? { milestoneId: milestone.id, state: "DONE", doneOn: date }
        : { milestoneId: milestone.id, state: "SLIPPED", newDueOn: date },
    );
  }
  const input: Omit<SaveUpdateInput, "updateId"> = {
    projectId: project.id,
    periodId: form.periodId,
    rag: form.rag || null,
    percentComplete,
    narrative: form.narrative,
    spend,
    measureValues,
    milestoneChanges,
    risks: form.risks,
    learning: form.learning,
  };
  return { input, errors };
}

/** The server names list entries by position ("spend.2.spentPence"); the form names them by id. */
function formErrorsFrom(serverErrors: Record<string, string[]>, sent: Omit<SaveUpdateInput, "updateId"> | null) {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(serverErrors)) {
    const [list, index] = key.split(".");
    const position = Number(index);
    let formKey = key;
    const field = key.split(".")[2];
    if (list === "spend" && sent?.spend[position]) {
      formKey = `${field === "overspendReason" ? "overspend" : "spend"}.${sent.spend[position].budgetLineId}`;
    }
    else if (list === "measureValues" && sent?.measureValues[position]) formKey = `measure.${sent.measureValues[position].measureId}`;
    else if (list === "milestoneChanges" && sent?.milestoneChanges[position]) formKey = `milestone.${sent.milestoneChanges[position].milestoneId}`;
    errors[formKey] ??= messages[0] ?? "Check this answer";
  }
  return errors;
}

/** Where each error's control is, for the links in the error summary. */
const FIELD_IDS: Record<string, string> = {
  periodId: "update-period",
  rag: "update-rag-GREEN",
  percentComplete: "update-percent",
  narrative: "update-narrative",
  spend: "update-spend",
  risks: "update-risks",
  learning: "update-learning",
};
const fieldId = (key: string) => FIELD_IDS[key] ?? `update-${key.replace(".", "-")}`;

function FieldGroup({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-xl font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * A progress update as the project's team writes it, often on a phone. Drafts save to the
 * server on request; every keystroke is also kept on this device until the server has it,
 * so a dropped connection or closed tab loses nothing.
 */
export function ProgressUpdateForm({
  slug,
  project,
  defaultPeriodId,
  draft,
  openDraftIds,
}: {
  slug: string;
  project: UpdateFormProject;
  defaultPeriodId: string;
  draft: UpdateDraft | null;
  /** The team's drafts still open, so a kept copy only continues a draft that can still change. */
  openDraftIds: string[];
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [form, setForm] = useState<FormState>(() => initialState(defaultPeriodId, draft));
  const [updateId, setUpdateId] = useState<string | null>(draft?.id ?? null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [restored, setRestored] = useState(false);
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<Omit<SaveUpdateInput, "updateId"> | null>(null);
  const latest = useRef(form);
  const updateIdRef = useRef(updateId);

  function keep(next: FormState, id: string | null) {
    try {
      window.localStorage.setItem(backupKey(project.id), JSON.stringify({ updateId: id, form: next }));
    } catch {
      // Storage full or blocked: saving to the server still works.
    }
  }
  function clearKept() {
    try {
      window.localStorage.removeItem(backupKey(project.id));
    } catch {
      // Nothing to clear.
    }
  }

  function change(patch: Partial<FormState>) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    keep(next, updateIdRef.current);
  }

  // What was typed on this device and not yet saved comes back when the form opens.
  useEffect(() => {
    let kept: { updateId?: unknown; form?: FormState } | null = null;
    try {
      kept = JSON.parse(window.localStorage.getItem(backupKey(project.id)) ?? "null");
    } catch {
      kept = null;
    }
    if (!kept?.form || typeof kept.form !== "object") return;
    if (JSON.stringify(kept.form) === JSON.stringify(latest.current)) {
      clearKept();
      return;
    }
    const keptId = typeof kept.updateId === "string" && openDraftIds.includes(kept.updateId) ? kept.updateId : null;
    const periodOffered = project.periods.some((period) => period.id === kept.form!.periodId);
    const next: FormState = {
      ...latest.current,
      ...kept.form,
      periodId: periodOffered ? kept.form.periodId : latest.current.periodId,
    };
    latest.current = next;
    updateIdRef.current = keptId ?? updateIdRef.current;
    // The device's copy can only be read once mounted (not on the server).
    setForm(next);
    setUpdateId(updateIdRef.current);
    setRestored(true);
    // Runs once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const parsed = toInput(project, form);
  const serverErrors = formErrorsFrom(action.fieldErrors, sent);
  const errorFor = (key: string) => (checked ? parsed.errors[key] : undefined) ?? serverErrors[key];
  const summary = Object.entries({ ...serverErrors, ...(checked ? parsed.errors : {}) });

  const spendByLine = new Map(parsed.input.spend.map((entry) => [entry.budgetLineId, entry.spentPence]));
  const totalSpent = parsed.input.spend.reduce((sum, entry) => sum + entry.spentPence, 0);
  const overAward = totalSpent > project.awardedPence;

  /** Saves the draft; resolves to its id, or null when the server refused it. */
  async function save(): Promise<{ id: string; complete: boolean } | null> {
    setChecked(true);
    const sending = latest.current;
    const { input, errors } = toInput(project, sending);
    setSent(input);
    const result = await action.run(
      () => client.project.saveUpdate.mutate({ ...input, ...(updateIdRef.current ? { updateId: updateIdRef.current } : {}) }),
      { refresh: false },
    );
    if (!result.ok) return null;
    updateIdRef.current = result.value.id;
    setUpdateId(result.value.id);
    setSavedAt(new Date(result.value.savedAt));
    const complete = Object.keys(errors).length === 0;
    // The kept copy goes only once the server holds everything typed.
    if (complete && latest.current === sending) clearKept();
    else keep(latest.current, result.value.id);
    if (!complete) action.setError("Your draft is saved, but some answers could not be read. Check the highlighted answers.");
    return { id: result.value.id, complete };
  }

  async function onSaveDraft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save();
  }

  async function onSubmitUpdate() {
    const saved = await save();
    if (!saved || !saved.complete) return;
    const result = await action.run(() => client.project.submitUpdate.mutate({ updateId: saved.id }), { refresh: false });
    if (!result.ok) return;
    clearKept();
    router.push(`/p/${slug}/projects/${project.id}`);
  }

  const period = project.periods.find((candidate) => candidate.id === form.periodId);

  return (
    <form onSubmit={onSaveDraft} noValidate className="max-w-xl space-y-6">
      {action.error ? <ErrorSummary message={action.error} problems={summary} hrefFor={fieldId} /> : null}
      {restored ? (
        <p className="rounded-md border-l-4 border-brand-800 bg-brand-50 p-3" role="status">
          Brought back what you had typed on this device. Save the draft to keep it.
        </p>
      ) : null}
      {updateId ? <p className="text-slate-700">You are continuing a draft.</p> : null}

      <SelectField
        id="update-period"
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

      <fieldset
        aria-describedby={["update-rag-hint", errorFor("rag") ? "update-rag-error" : ""].filter(Boolean).join(" ")}
        className={errorFor("rag") ? "border-l-4 border-red-800 pl-3" : undefined}
      >
        <legend className="text-xl font-semibold">Overall status</legend>
        <p id="update-rag-hint" className="text-sm text-slate-700">
          How the project is doing overall{period ? ` in period ${period.sequence}` : ""}.
        </p>
        {errorFor("rag") ? (
          <p id="update-rag-error" className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errorFor("rag")}
          </p>
        ) : null}
        <div className="mt-2 space-y-2">
          {RAG_OPTIONS.map((option) => (
            <div key={option.value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
              <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
                <input
                  id={`update-rag-${option.value}`}
                  type="radio"
                  name="rag"
                  value={option.value}
                  checked={form.rag === option.value}
                  onChange={() => change({ rag: option.value })}
                  aria-describedby={`update-rag-${option.value}-hint`}
                  className="h-5 w-5 shrink-0"
                />
                {option.label}
              </label>
              <p id={`update-rag-${option.value}-hint`} className="px-3 pb-2 pl-11 text-sm text-slate-700">
                {option.hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <TextField
        id="update-percent"
        label="Percentage complete"
        hint="How far through the whole project you are, from 0 to 100."
        inputMode="numeric"
        autoComplete="off"
        value={form.percentComplete}
        onChange={(event) => change({ percentComplete: event.target.value })}
        error={errorFor("percentComplete")}
      />

      <TextArea
        id="update-narrative"
        label="What happened"
        hint="What the project did this period and what changed for people."
        rows={6}
        value={form.narrative}
        onChange={(event) => change({ narrative: event.target.value })}
        error={errorFor("narrative")}
      />

      <FieldGroup legend="Spend to date" hint="The total spent on each line since the project started, in pounds.">
        {project.budgetLines.map((line) => {
          const spent = spendByLine.get(line.id);
          const over = spent !== undefined && spent > line.awardedPence;
          return (
            <div key={line.id} className="space-y-3">
              <TextField
                id={fieldId(`spend.${line.id}`)}
                label={`${line.item} spent to date (£)`}
                hint={
                  <>
                    Awarded {formatPence(line.awardedPence)}
                    {over ? (
                      <>
                        {" "}
                        <strong className="ml-1 text-red-800">Over budget</strong>
                      </>
                    ) : null}
                  </>
                }
                inputMode="decimal"
                autoComplete="off"
                value={form.spend[line.id] ?? ""}
                onChange={(event) => change({ spend: { ...latest.current.spend, [line.id]: event.target.value } })}
                error={errorFor(`spend.${line.id}`)}
              />
              {over ? (
                <TextArea
                  id={fieldId(`overspend.${line.id}`)}
                  label={`Why is this line over budget? (${line.item})`}
                  hint={`${formatPence(spent - line.awardedPence)} more than awarded. Say what the money went on and why; the officer reviewing the update will read this.`}
                  rows={3}
                  maxLength={2000}
                  value={form.overspendReasons?.[line.id] ?? ""}
                  onChange={(event) =>
                    change({ overspendReasons: { ...latest.current.overspendReasons, [line.id]: event.target.value } })
                  }
                  error={errorFor(`overspend.${line.id}`)}
                />
              ) : null}
            </div>
          );
        })}
        <div id="update-spend" className={`rounded-md p-3 ${overAward || errorFor("spend") ? "bg-red-50" : "bg-slate-50"}`}>
          <p className="font-semibold tabular-nums">
            Total {formatPence(totalSpent)} of {formatPence(project.awardedPence)} awarded
          </p>
          <div aria-live="polite">
            {overAward ? (
              <p className="font-semibold text-red-800">
                Over the award by {formatPence(totalSpent - project.awardedPence)}. You can save a draft, but not submit
                until the total fits the award.
              </p>
            ) : null}
          </div>
          {errorFor("spend") ? (
            <p className="font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {errorFor("spend")}
            </p>
          ) : null}
        </div>
      </FieldGroup>

      {project.measures.length > 0 ? (
        <FieldGroup legend="Success measures" hint="Where each measure stands now. Leave one blank if you do not know yet.">
          {project.measures.map((measure) => (
            <TextField
              key={measure.id}
              id={fieldId(`measure.${measure.id}`)}
              label={`${measure.name} now`}
              hint={`Baseline ${measure.baseline ?? "not set"}, target ${measure.target ?? "not set"}${measure.unit ? ` ${measure.unit}` : ""}`}
              inputMode="decimal"
              autoComplete="off"
              value={form.measures[measure.id] ?? ""}
              onChange={(event) => change({ measures: { ...latest.current.measures, [measure.id]: event.target.value } })}
              error={errorFor(`measure.${measure.id}`)}
            />
          ))}
        </FieldGroup>
      ) : null}

      {project.milestones.length > 0 ? (
        <FieldGroup legend="Milestones" hint="Mark milestones done, or give a new date for any that have slipped.">
          {project.milestones.map((milestone) => {
            const choice = form.milestones[milestone.id] ?? NO_CHANGE;
            const set = (next: MilestoneChoice) => change({ milestones: { ...latest.current.milestones, [milestone.id]: next } });
            const error = errorFor(`milestone.${milestone.id}`);
            return (
              <div key={milestone.id} className="space-y-3 rounded-md border border-slate-300 p-3">
                <SelectField
                  id={fieldId(`milestone.${milestone.id}`)}
                  label={milestone.title}
                  hint={`${milestone.state === "SLIPPED" ? "Slipped, now due" : "Due"} ${formatDay(milestone.dueOn)}`}
                  value={choice.change}
                  onChange={(event) => {
                    const value = event.target.value as MilestoneChoice["change"];
                    set({ ...choice, change: value, doneOn: value === "DONE" && !choice.doneOn ? todayIso() : choice.doneOn });
                  }}
                  error={choice.change === "NONE" ? error : undefined}
                >
                  <option value="NONE">No change</option>
                  <option value="DONE">Done</option>
                  <option value="SLIPPED">Slipped</option>
                </SelectField>
                {choice.change === "DONE" ? (
                  <TextField
                    label="Done on"
                    hint={`The day "${milestone.title}" was done.`}
                    type="date"
                    value={choice.doneOn}
                    onChange={(event) => set({ ...choice, doneOn: event.target.value })}
                    error={error}
                  />
                ) : null}
                {choice.change === "SLIPPED" ? (
                  <TextField
                    label="New date"
                    hint={`When "${milestone.title}" should now be done.`}
                    type="date"
                    value={choice.newDueOn}
                    onChange={(event) => set({ ...choice, newDueOn: event.target.value })}
                    error={error}
                  />
                ) : null}
              </div>
            );
          })}
        </FieldGroup>
      ) : null}

      <TextArea
        id="update-risks"
        label="Risks and issues"
        hint="Anything that could stop the project, and what you are doing about it."
        value={form.risks}
        onChange={(event) => change({ risks: event.target.value })}
        error={errorFor("risks")}
      />
      <TextArea
        id="update-learning"
        label="What we learned"
        value={form.learning}
        onChange={(event) => change({ learning: event.target.value })}
        error={errorFor("learning")}
      />

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {savedAt && !action.error ? (
          <p role="status" className="font-semibold text-green-800">
            Draft saved at {formatTime(savedAt)}
          </p>
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
  );
}
