import type { ReactNode } from "react";
import { StatusTag } from "@/components/ui/status-tag";
import { SelectField, TextArea, TextField } from "@/components/ui/form";
import { formatPence } from "@/lib/money";
import { UPDATE_TEXT_LIMITS } from "@/lib/schemas/projects";
import { formatDay, ukToday } from "@/lib/uk-time";
import { ragExplained } from "@/lib/projects/rag";
import { RAG_LABELS } from "./project-labels";
import { NO_CHANGE, updateFieldId, type MilestoneChoice, type Rag, type UpdateFormProject } from "./progress-update-input";

/** The parts of the progress update form, one for each thing the team reports on. */

type ErrorFor = (key: string) => string | undefined;

const RAG_OPTIONS: readonly { value: Rag; label: string; hint: string }[] = (["GREEN", "AMBER", "RED"] as const).map((rag) => ({
  value: rag,
  label: RAG_LABELS[rag],
  hint: ragExplained(rag),
}));

function FieldGroup({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-xl font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

function InlineError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="font-semibold text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/** Red, amber or green, each with what it means in plain words. */
export function RagChoice({
  value,
  periodSequence,
  error,
  onChange,
}: {
  value: Rag | "";
  periodSequence: number | undefined;
  error: string | undefined;
  onChange: (rag: Rag) => void;
}) {
  return (
    <fieldset
      aria-describedby={["update-rag-hint", error ? "update-rag-error" : ""].filter(Boolean).join(" ")}
      className={error ? "border-l-4 border-red-800 pl-3" : undefined}
    >
      <legend className="text-xl font-semibold">Overall status</legend>
      <p id="update-rag-hint" className="text-sm text-slate-700">
        How the project is doing overall{periodSequence ? ` in period ${periodSequence}` : ""}.
      </p>
      <InlineError id="update-rag-error" message={error} />
      <div className="mt-2 space-y-2">
        {RAG_OPTIONS.map((option) => (
          <div key={option.value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
              <input
                id={`update-rag-${option.value}`}
                type="radio"
                name="rag"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
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
  );
}

/** Spend to date on each budget line, why any line is over, and the total against the award. */
export function SpendFields({
  project,
  spend,
  reasons,
  spentByLine,
  totalSpent,
  errorFor,
  onSpend,
  onReason,
}: {
  project: UpdateFormProject;
  spend: Record<string, string>;
  reasons: Record<string, string>;
  /** What could be read of each line's spend, in pence. */
  spentByLine: ReadonlyMap<string, number>;
  totalSpent: number;
  errorFor: ErrorFor;
  onSpend: (lineId: string, text: string) => void;
  onReason: (lineId: string, text: string) => void;
}) {
  const overAward = totalSpent > project.awardedPence;
  return (
    <FieldGroup legend="Spend to date" hint="The total spent on each line since the project started, in pounds.">
      {project.budgetLines.map((line) => {
        const spent = spentByLine.get(line.id);
        const over = spent !== undefined && spent > line.awardedPence;
        return (
          <div key={line.id} className="space-y-3">
            <TextField
              id={updateFieldId(`spend.${line.id}`)}
              label={`${line.item} spent to date (£)`}
              hint={
                <span className="flex flex-wrap items-center gap-2">
                  <span>Awarded {formatPence(line.awardedPence)}</span>
                  {over ? <StatusTag tone="danger">Over budget</StatusTag> : null}
                </span>
              }
              inputMode="decimal"
              autoComplete="off"
              value={spend[line.id] ?? ""}
              onChange={(event) => onSpend(line.id, event.target.value)}
              error={errorFor(`spend.${line.id}`)}
            />
            {over ? (
              <TextArea
                id={updateFieldId(`overspend.${line.id}`)}
                label={`Why is this line over budget? (${line.item})`}
                hint={`${formatPence(spent - line.awardedPence)} more than awarded. Say what the money went on and why; the officer reviewing the update will read this.`}
                rows={3}
                maxLength={UPDATE_TEXT_LIMITS.overspendReason}
                value={reasons[line.id] ?? ""}
                onChange={(event) => onReason(line.id, event.target.value)}
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
              Over the award by {formatPence(totalSpent - project.awardedPence)}. You can save a draft, but not submit until the
              total fits the award.
            </p>
          ) : null}
        </div>
        <InlineError message={errorFor("spend")} />
      </div>
    </FieldGroup>
  );
}

/** Where each success measure stands now. */
export function MeasureFields({
  measures,
  values,
  errorFor,
  onChange,
}: {
  measures: UpdateFormProject["measures"];
  values: Record<string, string>;
  errorFor: ErrorFor;
  onChange: (measureId: string, text: string) => void;
}) {
  if (measures.length === 0) return null;
  return (
    <FieldGroup legend="Success measures" hint="Where each measure stands now. Leave one blank if you do not know yet.">
      {measures.map((measure) => (
        <TextField
          key={measure.id}
          id={updateFieldId(`measure.${measure.id}`)}
          label={`${measure.name} now`}
          hint={`Baseline ${measure.baseline ?? "not set"}, target ${measure.target ?? "not set"}${measure.unit ? ` ${measure.unit}` : ""}`}
          inputMode="decimal"
          autoComplete="off"
          value={values[measure.id] ?? ""}
          onChange={(event) => onChange(measure.id, event.target.value)}
          error={errorFor(`measure.${measure.id}`)}
        />
      ))}
    </FieldGroup>
  );
}

/** Milestones marked done, or given a new date when they slip. */
export function MilestoneFields({
  milestones,
  choices,
  errorFor,
  onChange,
}: {
  milestones: UpdateFormProject["milestones"];
  choices: Record<string, MilestoneChoice>;
  errorFor: ErrorFor;
  onChange: (milestoneId: string, choice: MilestoneChoice) => void;
}) {
  if (milestones.length === 0) return null;
  return (
    <FieldGroup legend="Milestones" hint="Mark milestones done, or give a new date for any that have slipped.">
      {milestones.map((milestone) => {
        const choice = choices[milestone.id] ?? NO_CHANGE;
        const set = (next: MilestoneChoice) => onChange(milestone.id, next);
        const error = errorFor(`milestone.${milestone.id}`);
        return (
          <div key={milestone.id} className="space-y-3 rounded-md border border-slate-300 p-3">
            <SelectField
              id={updateFieldId(`milestone.${milestone.id}`)}
              label={milestone.title}
              hint={`${milestone.state === "SLIPPED" ? "Slipped, now due" : "Due"} ${formatDay(milestone.dueOn)}`}
              value={choice.change}
              onChange={(event) => {
                const value = event.target.value as MilestoneChoice["change"];
                set({ ...choice, change: value, doneOn: value === "DONE" && !choice.doneOn ? ukToday() : choice.doneOn });
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
  );
}
