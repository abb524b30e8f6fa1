"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { formatMeasure } from "@/components/projects/project-labels";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, FormMessage, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { formatPence, MoneyError, parsePounds } from "@/lib/money";
import type { SubmitEvaluationInput } from "@/lib/schemas/projects";

export type Outcome = SubmitEvaluationInput["recommendation"];

export const OUTCOME_OPTIONS: readonly { value: Outcome; label: string; hint: string }[] = [
  { value: "SCALE_UP", label: "Scale up", hint: "It worked: extend it to more people or places." },
  { value: "SUSTAIN", label: "Sustain", hint: "It worked: keep it going at the size it is." },
  { value: "ADAPT", label: "Adapt", hint: "Parts worked: change it and test it again." },
  { value: "STOP", label: "Stop", hint: "It did not work well enough: end it and keep the learning." },
];

/** Scale up, sustain, adapt or stop, as radios in a fieldset with each choice's hint beside it. */
function OutcomeFieldset({
  legend,
  name,
  value,
  onChange,
  error,
  idPrefix,
}: {
  legend: string;
  name: string;
  value: Outcome | "";
  onChange: (value: Outcome) => void;
  error?: string;
  /** Names the radios `<idPrefix>-SCALE_UP` and so on, for links from an error summary. */
  idPrefix?: string;
}) {
  const generated = useId();
  const id = idPrefix ?? generated;
  return (
    <fieldset
      aria-describedby={error ? `${id}-error` : undefined}
      className={error ? "border-l-4 border-red-800 pl-3" : undefined}
    >
      <legend className="text-xl font-semibold">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {OUTCOME_OPTIONS.map((option) => (
          <div key={option.value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
              <input
                id={`${id}-${option.value}`}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={`${id}-${option.value}-hint`}
                className="h-5 w-5 shrink-0"
              />
              {option.label}
            </label>
            <p id={`${id}-${option.value}-hint`} className="px-3 pb-2 pl-11 text-sm text-slate-700">
              {option.hint}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type EvaluationMeasure = { id: string; name: string; unit: string; kind: "NUMBER" | "PERCENTAGE"; baseline: number | null; target: number | null };

type FormState = {
  measures: Record<string, string>;
  cost: string;
  whatWorked: string;
  whatDidNot: string;
  recommendation: Outcome | "";
};

const EMPTY: FormState = { measures: {}, cost: "", whatWorked: "", whatDidNot: "", recommendation: "" };
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
const backupKey = (projectId: string) => `tandem:evaluation:${projectId}`;

/** What was typed, as the API takes it, with a message for each answer that cannot be read. */
function toInput(projectId: string, measures: readonly EvaluationMeasure[], form: FormState) {
  const errors: Record<string, string> = {};
  const measureResults = measures.map((measure) => {
    const text = (form.measures[measure.id] ?? "").trim().replace(/%$/, "").replaceAll(",", "");
    if (text === "") return { measureId: measure.id, value: null };
    if (NUMBER.test(text)) return { measureId: measure.id, value: Number(text) };
    errors[`measure.${measure.id}`] = "Enter a number, like 12 or 3.5";
    return { measureId: measure.id, value: null };
  });
  let costPence = 0;
  try {
    costPence = parsePounds(form.cost);
  } catch (error) {
    errors.costPence = error instanceof MoneyError ? error.message : "Enter an amount in pounds, like 4,800.00";
  }
  if (form.whatWorked.trim() === "") errors.whatWorked = "Say what worked";
  if (form.whatDidNot.trim() === "") errors.whatDidNot = "Say what did not work";
  if (!form.recommendation) errors.recommendation = "Choose scale up, sustain, adapt or stop";
  const input: SubmitEvaluationInput | null = form.recommendation
    ? {
        projectId,
        measureResults,
        costPence,
        whatWorked: form.whatWorked,
        whatDidNot: form.whatDidNot,
        recommendation: form.recommendation,
      }
    : null;
  return { input, errors };
}

/** The server names a measure by its place in the list ("measureResults.0.value"); the form by its id. */
function formErrorsFrom(serverErrors: Record<string, string[]>, measures: readonly EvaluationMeasure[]) {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(serverErrors)) {
    const [list, index] = key.split(".");
    const measure = list === "measureResults" ? measures[Number(index)] : undefined;
    errors[measure ? `measure.${measure.id}` : key] ??= messages[0] ?? "Check this answer";
  }
  return errors;
}

/** Where each error's control is, for the links in the error summary. */
const FIELD_IDS: Record<string, string> = {
  costPence: "evaluation-cost",
  whatWorked: "evaluation-worked",
  whatDidNot: "evaluation-did-not",
  recommendation: "evaluation-recommendation-SCALE_UP",
};
const fieldId = (key: string) => FIELD_IDS[key] ?? `evaluation-${key.replace(".", "-")}`;

/**
 * The lead's end-of-test evaluation: where each success measure ended, what the test cost,
 * what worked and what did not, and what they recommend. What is typed is kept on this
 * device until the evaluation is in, so a closed tab loses nothing.
 */
function EvaluationForm({
  projectId,
  awardedPence,
  measures,
}: {
  projectId: string;
  awardedPence: number;
  measures: readonly EvaluationMeasure[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [checked, setChecked] = useState(false);
  const [restored, setRestored] = useState(false);
  const latest = useRef(form);

  function change(patch: Partial<FormState>) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    try {
      window.localStorage.setItem(backupKey(projectId), JSON.stringify(next));
    } catch {
      // Storage full or blocked: submitting still works.
    }
  }

  // What was typed on this device comes back when the form opens.
  useEffect(() => {
    let stored: unknown = null;
    try {
      stored = JSON.parse(window.localStorage.getItem(backupKey(projectId)) ?? "null");
    } catch {
      stored = null;
    }
    if (!stored || typeof stored !== "object") return;
    const kept = stored as Partial<FormState>;
    const next: FormState = {
      measures: typeof kept.measures === "object" && kept.measures ? kept.measures : {},
      cost: typeof kept.cost === "string" ? kept.cost : "",
      whatWorked: typeof kept.whatWorked === "string" ? kept.whatWorked : "",
      whatDidNot: typeof kept.whatDidNot === "string" ? kept.whatDidNot : "",
      recommendation: OUTCOME_OPTIONS.find((option) => option.value === kept.recommendation)?.value ?? "",
    };
    if (JSON.stringify(next) === JSON.stringify(EMPTY)) return;
    latest.current = next;
    // The device's copy is an external store only readable once mounted (not on the server).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setForm(next);
    setRestored(true);
  }, [projectId]);

  const parsed = toInput(projectId, measures, form);
  const serverErrors = formErrorsFrom(action.fieldErrors, measures);
  const errorFor = (key: string) => (checked ? parsed.errors[key] : undefined) ?? serverErrors[key];
  const summary = Object.entries({ ...serverErrors, ...(checked ? parsed.errors : {}) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const { input, errors } = toInput(projectId, measures, latest.current);
    if (!input || Object.keys(errors).length > 0) {
      action.setFieldErrors({});
      action.setError("Please check the highlighted fields.");
      return;
    }
    const result = await action.run(() => client.project.submitEvaluation.mutate(input), {
      success: "Evaluation submitted. The partnership's officers have been told.",
    });
    if (result.ok) {
      try {
        window.localStorage.removeItem(backupKey(projectId));
      } catch {
        // Nothing to clear.
      }
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 max-w-prose space-y-6">
      {action.error ? <ErrorSummary message={action.error} problems={summary} hrefFor={fieldId} /> : null}
      {restored ? (
        <p role="status" className="rounded-md bg-slate-50 p-3">
          We kept what you typed on this device last time.
        </p>
      ) : null}

      {measures.length > 0 ? (
        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">Success measures</legend>
          <p className="text-sm text-slate-700">Where each measure ended. Leave one blank if it was not measured.</p>
          {measures.map((measure) => (
            <TextField
              key={measure.id}
              id={fieldId(`measure.${measure.id}`)}
              label={`${measure.name} at the end`}
              hint={`Baseline ${formatMeasure(measure.baseline, measure)}, target ${formatMeasure(measure.target, measure)}`}
              inputMode="decimal"
              autoComplete="off"
              value={form.measures[measure.id] ?? ""}
              onChange={(event) => change({ measures: { ...latest.current.measures, [measure.id]: event.target.value } })}
              error={errorFor(`measure.${measure.id}`)}
            />
          ))}
        </fieldset>
      ) : null}

      <TextField
        id="evaluation-cost"
        label="What the test cost (£)"
        hint={`Awarded ${formatPence(awardedPence)}`}
        inputMode="decimal"
        autoComplete="off"
        value={form.cost}
        onChange={(event) => change({ cost: event.target.value })}
        error={errorFor("costPence")}
      />
      <TextArea
        id="evaluation-worked"
        label="What worked"
        hint="What changed for people, and what made the difference."
        rows={6}
        maxLength={10_000}
        value={form.whatWorked}
        onChange={(event) => change({ whatWorked: event.target.value })}
        error={errorFor("whatWorked")}
      />
      <TextArea
        id="evaluation-did-not"
        label="What did not work"
        hint="What you would do differently, so the next test can learn from it."
        rows={6}
        maxLength={10_000}
        value={form.whatDidNot}
        onChange={(event) => change({ whatDidNot: event.target.value })}
        error={errorFor("whatDidNot")}
      />
      <OutcomeFieldset
        legend="Your recommendation"
        name={`recommendation-${projectId}`}
        idPrefix="evaluation-recommendation"
        value={form.recommendation}
        onChange={(recommendation) => change({ recommendation })}
        error={errorFor("recommendation")}
      />

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
        <Button type="submit" pending={action.pending}>
          Submit the evaluation
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const OutcomeFieldsetWithApi = withApi(OutcomeFieldset);
const EvaluationFormWithApi = withApi(EvaluationForm);
export { OutcomeFieldsetWithApi as OutcomeFieldset, EvaluationFormWithApi as EvaluationForm };
