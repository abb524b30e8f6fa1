"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { MoneyError, parsePounds } from "@/lib/money";
import { PROPOSAL_SECTION_KEYS, PROPOSAL_SECTION_LABELS, type ProposalSectionKey } from "@/lib/schemas/proposals";

/** Sections every round requires: the form shows them ticked and fixed. */
const ALWAYS_REQUIRED: readonly ProposalSectionKey[] = ["title", "budget"];

type Option = { id: string; label: string };

function useAction() {
  const action = useApiAction();
  return {
    run: async (work: () => Promise<unknown>) => (await action.run(work, { success: "done" })).ok,
    error: action.error,
    fieldErrors: action.fieldErrors,
    setFieldErrors: action.setFieldErrors,
    setError: action.setError,
    done: action.done !== null,
  };
}

function poundsOrError(value: FormDataEntryValue | null, key: string, errors: Record<string, string[]>) {
  try {
    return parsePounds(String(value ?? ""));
  } catch (error) {
    errors[key] = [error instanceof MoneyError ? error.message : "Enter an amount"];
    return 0;
  }
}

/** "Name, weight" per line, e.g. "Cross-sector partnership, 40". */
function parseCriteria(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)[,:]\s*(\d{1,3})\s*%?$/.exec(line);
      return match ? { name: match[1]!.trim(), weight: Number(match[2]) } : { name: line, weight: 0 };
    });
}

export function CreateRoundForm({ fundId, priorityAreas }: { fundId: string; priorityAreas: Option[] }) {
  const trpc = useTRPC();
  const createRound = useMutation(trpc.funding.createRound.mutationOptions());
  const action = useAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const errors: Record<string, string[]> = {};
    const minAwardPence = poundsOrError(form.get("min"), "minAwardPence", errors);
    const maxAwardPence = poundsOrError(form.get("max"), "maxAwardPence", errors);
    const criteria = parseCriteria(String(form.get("criteria") ?? ""));
    if (criteria.some((c) => c.weight === 0)) errors.criteria = ["Write each criterion as: name, weight (for example: Impact, 40)"];
    for (const field of ["opensAt", "closesAt"]) if (!form.get(field)) errors[field] = ["Enter a date"];
    const scoreMax = Number(form.get("scoreMax") ?? "");
    if (!Number.isInteger(scoreMax) || scoreMax < 1 || scoreMax > 10) errors.scoreMax = ["Enter a whole number from 1 to 10"];
    // Disabled checkboxes are not submitted: the sections every round needs are added back here.
    const chosenSections = new Set([...form.getAll("requiredSections").map(String), ...ALWAYS_REQUIRED]);
    const requiredSections = PROPOSAL_SECTION_KEYS.filter((key) => chosenSections.has(key));
    if (Object.keys(errors).length > 0) {
      action.setFieldErrors(errors);
      action.setError("Please check the highlighted fields.");
      return;
    }
    const ok = await action.run(() =>
      createRound.mutateAsync({
        fundId,
        title: String(form.get("title") ?? ""),
        guidance: String(form.get("guidance") ?? ""),
        eligibility: String(form.get("eligibility") ?? ""),
        criteria,
        opensAt: new Date(String(form.get("opensAt"))),
        closesAt: new Date(`${String(form.get("closesAt"))}T23:59:59`),
        minAwardPence,
        maxAwardPence,
        priorityAreaIds: form.getAll("priorityAreaIds").map(String),
        scoreMax,
        requiredSections,
        allowsChangesAfterSubmission: form.get("allowsChangesAfterSubmission") === "on",
      }),
    );
    if (ok) formElement.reset();
  }

  const e = action.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">Round created as a draft. Open it when you are ready.</FormMessage> : null}
      <TextField label="Title" name="title" error={e.title} />
      <TextArea label="Guidance for applicants" name="guidance" error={e.guidance} />
      <TextArea label="Who can apply" name="eligibility" rows={3} error={e.eligibility} />
      <TextArea
        label="Assessment criteria"
        name="criteria"
        rows={4}
        error={e.criteria}
        hint="One per line with its weight; weights add up to 100. For example: Cross-sector partnership, 40"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Opens on" name="opensAt" type="date" error={e.opensAt} />
        <TextField label="Closes on" name="closesAt" type="date" error={e.closesAt} />
        <TextField label="Smallest award (£)" name="min" inputMode="decimal" error={e.minAwardPence} />
        <TextField label="Largest award (£)" name="max" inputMode="decimal" error={e.maxAwardPence} />
      </div>
      <TextField
        label="Top score for each criterion"
        name="scoreMax"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        step={1}
        defaultValue={5}
        className="max-w-xs"
        error={e.scoreMax}
        hint="Assessors score every criterion from 0 up to this number (1 to 10)."
      />
      <fieldset className="space-y-2" aria-describedby="required-sections-hint">
        <legend className="font-semibold">Sections a proposal must complete</legend>
        <p id="required-sections-hint" className="text-sm text-slate-700">
          A proposal can only be submitted once these are filled in. Every proposal needs a title and a budget.
        </p>
        {e.requiredSections ? (
          <p role="alert" className="font-semibold text-red-800">
            {e.requiredSections[0]}
          </p>
        ) : null}
        {PROPOSAL_SECTION_KEYS.map((key) => {
          const fixed = ALWAYS_REQUIRED.includes(key);
          return (
            <label key={key} className="flex items-center gap-2">
              <input type="checkbox" name="requiredSections" value={key} defaultChecked disabled={fixed} className="h-5 w-5" />
              {PROPOSAL_SECTION_LABELS[key]}
              {fixed ? <span className="text-sm text-slate-700">(always required)</span> : null}
            </label>
          );
        })}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="allowsChangesAfterSubmission"
            defaultChecked
            aria-describedby="allows-changes-hint"
            className="h-5 w-5"
          />
          Authors may take a submitted proposal back to draft before the round closes
        </label>
        <p id="allows-changes-hint" className="text-sm text-slate-700">
          Untick to make a submission final.
        </p>
      </div>
      {priorityAreas.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="font-semibold">Priority areas that may apply</legend>
          <p className="text-sm text-slate-700">Leave all unticked to allow every priority area.</p>
          {e.priorityAreaIds ? <p className="font-semibold text-red-800">{e.priorityAreaIds[0]}</p> : null}
          {priorityAreas.map((area) => (
            <label key={area.id} className="flex items-center gap-2">
              <input type="checkbox" name="priorityAreaIds" value={area.id} className="h-5 w-5" />
              {area.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className={buttonClass.primary} disabled={createRound.isPending}>
        Create round
      </button>
    </form>
  );
}

export function RingFenceForm({ fundId, priorityAreas }: { fundId: string; priorityAreas: Option[] }) {
  const trpc = useTRPC();
  const addRingFence = useMutation(trpc.funding.addRingFence.mutationOptions());
  const action = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors: Record<string, string[]> = {};
    const limitPence = poundsOrError(form.get("limit"), "limitPence", errors);
    const priorityAreaId = String(form.get("priorityAreaId") ?? "");
    if (!priorityAreaId) errors.priorityAreaId = ["Choose a priority area"];
    if (Object.keys(errors).length > 0) {
      action.setFieldErrors(errors);
      return;
    }
    await action.run(() => addRingFence.mutateAsync({ fundId, priorityAreaId, limitPence }));
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <SelectField label="Priority area" name="priorityAreaId" defaultValue="" error={action.fieldErrors.priorityAreaId}>
        <option value="">Choose…</option>
        {priorityAreas.map((area) => (
          <option key={area.id} value={area.id}>
            {area.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Amount kept for it (£)" name="limit" inputMode="decimal" error={action.fieldErrors.limitPence} />
      <button type="submit" className={buttonClass.secondary}>
        Add ring-fence
      </button>
    </form>
  );
}
